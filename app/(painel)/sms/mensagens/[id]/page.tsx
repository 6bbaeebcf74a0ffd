import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { MessageDetail } from "@/app/_components/sms/message/message-detail";
import { can } from "@/server/api/permissions";
import { requireUser } from "@/server/auth/server-session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("smsHistory.message");
  return { title: t("metaTitle") };
}

// Everyone may open a message page; the service decides which messages (technicians: their own).
export default async function MessagePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id: raw } = await params;
  const id = /^\d{1,15}$/.test(raw) ? Number(raw) : 0;
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  return <MessageDetail id={id} canSeeAll={can(user.role, "sms")} />;
}
