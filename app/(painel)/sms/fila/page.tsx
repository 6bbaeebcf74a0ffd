import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClockIcon } from "@/app/_components/icons";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { ROLE_GROUPS } from "@/server/api/permissions";
import { requireUser } from "@/server/auth/server-session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return { title: t("smsQueue") };
}

export default async function SmsQueuePage() {
  await requireUser(ROLE_GROUPS.sms);
  const t = await getTranslations("sms.queue");
  return (
    <EmptyState icon={<ClockIcon />} title={t("emptyTitle")}>
      <p>{t("emptyText")}</p>
    </EmptyState>
  );
}
