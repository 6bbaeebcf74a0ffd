"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useOnline } from "./use-online";

/** Under the header: that what is shown is saved data while offline, and when the connection returns. */
export function NetworkStatus() {
  const t = useTranslations("pwa.network");
  const online = useOnline();
  const wasOffline = useRef(false);
  const [backOnline, setBackOnline] = useState(false);

  useEffect(() => {
    if (!online) {
      wasOffline.current = true;
      return;
    }
    if (!wasOffline.current) return;
    wasOffline.current = false;
    setBackOnline(true);
    const timer = setTimeout(() => setBackOnline(false), 4000);
    return () => clearTimeout(timer);
  }, [online]);

  return (
    <div role="status" aria-live="polite">
      {!online ? (
        <div className="border-t border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-950 md:px-8">
          <p className="font-semibold">{t("offlineTitle")}</p>
          <p>{t("offlineText")}</p>
        </div>
      ) : backOnline ? (
        <p className="border-t border-emerald-300 bg-emerald-50 px-4 py-2 text-sm font-medium text-emerald-900 md:px-8">{t("backOnline")}</p>
      ) : null}
    </div>
  );
}
