import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { MessageIcon } from "@/app/_components/icons";
import { OutboxList } from "@/app/_components/outbox/outbox-list";
import { buttonClasses } from "@/app/_components/ui/button";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { can } from "@/server/api/permissions";
import { requireUser } from "@/server/auth/server-session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return { title: t("smsIndividual") };
}

export default async function SmsIndividualPage() {
  const user = await requireUser();
  const t = await getTranslations("sms.individual");
  // Technicians see only their own sends; operators and admins see the whole team's.
  const explanation = can(user.role, "sms") ? t("emptyTeam") : t("emptyOwn");
  return (
    <>
      {/* SMS written without a connection on this device; shows only when there are some. */}
      <OutboxList userId={user.id} />
      <EmptyState
        icon={<MessageIcon />}
        title={t("emptyTitle")}
        action={
          <Link href="/clientes" className={buttonClasses({ variant: "secondary" })}>
            {t("findCustomer")}
          </Link>
        }
      >
        <p>{explanation}</p>
      </EmptyState>
    </>
  );
}
