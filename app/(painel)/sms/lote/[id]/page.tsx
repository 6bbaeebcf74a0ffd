import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BatchHistory } from "@/app/_components/batch/batch-history";
import { ROLE_GROUPS } from "@/server/api/permissions";
import { requireUser } from "@/server/auth/server-session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("smsBatch.meta");
  return { title: t("history") };
}

export default async function BatchHistoryPage({ params }: { params: Promise<{ id: string }> }) {
  await requireUser(ROLE_GROUPS.sms);
  const { id: raw } = await params;
  const id = /^\d{1,15}$/.test(raw) ? Number(raw) : 0;
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  return <BatchHistory id={id} />;
}
