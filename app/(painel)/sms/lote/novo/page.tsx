import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ChevronLeftIcon } from "@/app/_components/icons";
import { BatchWizard } from "@/app/_components/batch/wizard/batch-wizard";
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
      <Link href="/sms/lote" className="inline-flex min-h-11 items-center gap-1 self-start font-medium text-brand-700 hover:underline">
        <ChevronLeftIcon className="size-5" />
        {t("history.back")}
      </Link>
      <h2 className="text-xl font-bold text-slate-900">{t("wizard.title")}</h2>
      <BatchWizard />
    </div>
  );
}
