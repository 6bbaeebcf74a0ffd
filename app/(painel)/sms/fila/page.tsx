import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { QueueManager } from "@/app/_components/queue/queue-manager";
import { can, ROLE_GROUPS } from "@/server/api/permissions";
import { requireUser } from "@/server/auth/server-session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return { title: t("smsQueue") };
}

export default async function SmsQueuePage() {
  const user = await requireUser(ROLE_GROUPS.sms);
  // Only admins may process the queue by hand (queue.drainNow refuses the others anyway).
  return <QueueManager isAdmin={can(user.role, "admin")} />;
}
