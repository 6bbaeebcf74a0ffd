"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { LogoutIcon } from "../icons";
import { Button } from "../ui/button";

export function SignOutButton({ userId }: { userId: string }) {
  const t = useTranslations("nav");
  const router = useRouter();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);

  async function signOut() {
    setPending(true);
    setFailed(false);
    // Loaded on demand: the auth client is only needed for this click.
    const { authClient } = await import("@/app/_lib/auth-client");
    const { error } = await authClient.signOut().catch(() => ({ error: true }));
    if (error) {
      setPending(false);
      setFailed(true);
      return;
    }
    // A shared phone must not show the previous user's data to the next one (nor keep it offline).
    queryClient.clear();
    const { clearOfflineData } = await import("@/app/_components/pwa/persisted-queries");
    await clearOfflineData(userId);
    router.replace("/entrar");
    router.refresh();
  }

  return (
    <div className="relative">
      <Button variant="secondary" size="sm" onClick={signOut} disabled={pending} className="min-w-11 px-2.5 sm:px-3">
        <LogoutIcon className="size-5" />
        {/* Icon only on narrow phones; the words stay as the accessible name. */}
        <span className="sr-only sm:not-sr-only">{pending ? t("signingOut") : t("signOut")}</span>
      </Button>
      {failed ? (
        <p role="alert" className="absolute top-full right-0 z-40 mt-2 w-64 rounded-lg bg-red-50 p-3 text-sm text-red-800 shadow ring-1 ring-red-200">
          {t("signOutFailed")}
        </p>
      ) : null}
    </div>
  );
}
