import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { type SmsTab, SmsTabs } from "@/app/_components/sms/sms-tabs";
import { can } from "@/server/api/permissions";
import { requireUser } from "@/server/auth/server-session";

export default async function SmsLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const t = await getTranslations("sms");
  const tHistory = await getTranslations("smsHistory");
  const tabs: SmsTab[] = [
    { href: "/sms/individual", label: t("tabs.individual") },
    // Technicians only send individual SMS: the other tabs do not exist for them.
    ...(can(user.role, "sms")
      ? [
          { href: "/sms/lote", label: t("tabs.batch") },
          { href: "/sms/fila", label: t("tabs.queue") },
          { href: "/sms/historico", label: tHistory("tab") },
        ]
      : []),
  ];
  return (
    <div className="flex flex-col gap-4 md:gap-6">
      {/* On phones the header already shows this title, so here it is only for assistive tech. */}
      <h1 className="sr-only md:not-sr-only md:text-2xl md:font-bold md:text-slate-900">{t("title")}</h1>
      <SmsTabs label={t("tabsLabel")} tabs={tabs} />
      <div>{children}</div>
    </div>
  );
}
