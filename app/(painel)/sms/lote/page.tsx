import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BatchList } from "@/app/_components/batch/batch-list";
import { ROLE_GROUPS } from "@/server/api/permissions";
import { requireUser } from "@/server/auth/server-session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return { title: t("smsBatch") };
}

export default async function SmsBatchPage() {
  await requireUser(ROLE_GROUPS.sms);
  return <BatchList />;
}
