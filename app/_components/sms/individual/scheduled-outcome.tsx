"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { formatPanelTime } from "@/server/services/batches/send-at";
import type { SendOutcomeOutput } from "@/server/services/sms/schemas";
import { Button, buttonClasses } from "../../ui/button";
import { SmsStatusBadge } from "../sms-status-badge";

/** "Agendar": the message is recorded and waits for its time in the queue. */
export function ScheduledOutcome({ outcome, onAnother }: { outcome: SendOutcomeOutput & { scheduledFor: Date }; onAnother: () => void }) {
  const t = useTranslations("smsBatch.sendAt");
  const tOutcome = useTranslations("smsIndividual.form.outcome");
  return (
    <div role="status" className="flex flex-col gap-3 rounded-xl bg-brand-50 p-4 text-slate-900 ring-1 ring-brand-200">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-lg font-semibold">{t("scheduledTitle")}</p>
        <SmsStatusBadge status={outcome.status} />
      </div>
      <p>{t("scheduledText", { phone: outcome.phone, when: formatPanelTime(outcome.scheduledFor, { at: true }) })}</p>
      {outcome.replayed ? <p className="font-medium">{tOutcome("replayed")}</p> : null}
      <p className="rounded-lg bg-white/70 p-3 text-sm break-words whitespace-pre-wrap">{outcome.body}</p>
      <div className="flex flex-col gap-2 sm:flex-row">
        <Button onClick={onAnother}>{tOutcome("writeAnother")}</Button>
        <Link href="/sms/individual" className={buttonClasses({ variant: "secondary" })}>
          {tOutcome("viewHistory")}
        </Link>
      </div>
    </div>
  );
}
