import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LayersIcon } from "@/app/_components/icons";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { ROLE_GROUPS } from "@/server/api/permissions";
import { requireUser } from "@/server/auth/server-session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return { title: t("smsBatch") };
}

export default async function SmsBatchPage() {
  await requireUser(ROLE_GROUPS.sms);
  const t = await getTranslations("sms.batch");
  return (
    <EmptyState icon={<LayersIcon />} title={t("emptyTitle")}>
      <p>{t("emptyText")}</p>
    </EmptyState>
  );
}
