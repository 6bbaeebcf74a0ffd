import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { MessageIcon } from "@/app/_components/icons";
import { OutboxList } from "@/app/_components/outbox/outbox-list";
import { MessageHistory } from "@/app/_components/sms/history/message-history";
import { buttonClasses } from "@/app/_components/ui/button";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { can } from "@/server/api/permissions";
import { requireUser } from "@/server/auth/server-session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return { title: t("smsIndividual") };
}

function PlusIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5">
      <path fill="currentColor" d="M9 4h2v5h5v2h-5v5H9v-5H4V9h5V4Z" />
    </svg>
  );
}

export default async function SmsIndividualPage() {
  const user = await requireUser();
  const t = await getTranslations("smsIndividual");
  // Technicians see only their own sends (the server enforces it); operators and admins the team's.
  const team = can(user.role, "sms");
  const newSms = (
    <Link href="/sms/individual/novo" className={buttonClasses({ className: "w-full sm:w-auto" })}>
      <PlusIcon />
      {t("newSms")}
    </Link>
  );
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <h2 className="text-lg font-semibold text-slate-900">{t("historyTitle")}</h2>
        {newSms}
      </div>
      {/* SMS written without a connection on this device; shows only when there are some. */}
      <OutboxList userId={user.id} />
      <MessageHistory
        scope="individual"
        canFilterOperator={team}
        empty={
          <EmptyState icon={<MessageIcon />} title={t("emptyTitle")} action={newSms}>
            <p>{team ? t("emptyTeam") : t("emptyOwn")}</p>
          </EmptyState>
        }
      />
    </div>
  );
}
