import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BatchWizard } from "@/app/_components/batch/wizard/batch-wizard";
import { BackLink } from "@/app/_components/ui/back-link";
import { ROLE_GROUPS } from "@/server/api/permissions";
import { requireUser } from "@/server/auth/server-session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("smsBatch.meta");
  return { title: t("new") };
}

export default async function NewBatchPage() {
  await requireUser(ROLE_GROUPS.sms);
  const t = await getTranslations("smsBatch");
  return (
    <div className="flex flex-col gap-3">
      <BackLink href="/sms/lote">{t("history.back")}</BackLink>
      <h2 className="text-xl font-bold text-slate-900">{t("wizard.title")}</h2>
      <BatchWizard />
    </div>
  );
}
