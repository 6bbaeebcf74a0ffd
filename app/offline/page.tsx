import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BrandMark } from "../_components/icons";
import { buttonClasses } from "../_components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pwa.offlinePage");
  return { title: t("title") };
}

// Precached by the service worker and shown for pages never opened on this device while offline.
export default async function OfflinePage() {
  const t = await getTranslations("pwa.offlinePage");
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-4 px-4 text-center">
      <BrandMark className="size-12" />
      <h1 className="text-2xl font-semibold text-slate-900">{t("title")}</h1>
      <p className="max-w-sm text-slate-700">{t("text")}</p>
      <p className="max-w-sm text-sm text-slate-600">{t("hint")}</p>
      <div className="flex flex-wrap justify-center gap-3">
        {/* Plain links: a full load lets the service worker answer with the saved copy. */}
        <a href="/sms/individual" className={buttonClasses()}>
          {t("openSms")}
        </a>
        <a href="" className={buttonClasses({ variant: "secondary" })}>
          {t("retry")}
        </a>
      </div>
    </main>
  );
}
