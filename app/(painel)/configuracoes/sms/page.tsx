import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SmsSettingsManager } from "@/app/_components/sms-settings/sms-settings-manager";
import { ROLE_GROUPS } from "@/server/api/permissions";
import { requireUser } from "@/server/auth/server-session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return { title: t("smsSettings") };
}

// Admin only: operators and technicians are sent home (and every smsAccount procedure refuses them).
export default async function SmsSettingsPage() {
  await requireUser(ROLE_GROUPS.admin);
  const t = await getTranslations("smsSettings");
  return (
    <div className="flex flex-col gap-4 md:gap-6">
      {/* On phones the header already shows this title, so here it is only for assistive tech. */}
      <div>
        <h1 className="sr-only md:not-sr-only md:text-2xl md:font-bold md:text-slate-900">{t("title")}</h1>
        <p className="text-sm text-slate-600 md:mt-1 md:text-base">{t("intro")}</p>
      </div>
      <SmsSettingsManager />
    </div>
  );
}
