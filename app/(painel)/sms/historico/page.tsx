import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClockIcon } from "@/app/_components/icons";
import { MessageHistory } from "@/app/_components/sms/history/message-history";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { ROLE_GROUPS } from "@/server/api/permissions";
import { requireUser } from "@/server/auth/server-session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("smsHistory");
  return { title: t("metaTitle") };
}

export default async function SmsHistoryPage() {
  await requireUser(ROLE_GROUPS.sms);
  const t = await getTranslations("smsHistory");
  return (
    <div className="flex flex-col gap-4">
      <div>
        <h2 className="text-lg font-semibold text-slate-900">{t("title")}</h2>
        <p className="text-sm text-slate-600">{t("intro")}</p>
      </div>
      <MessageHistory
        scope="all"
        canFilterOperator
        empty={
          <EmptyState icon={<ClockIcon />} title={t("empty.allTitle")}>
            <p>{t("empty.allText")}</p>
          </EmptyState>
        }
      />
    </div>
  );
}
