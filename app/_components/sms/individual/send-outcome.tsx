"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { ENCODING_LABELS } from "@/server/services/messages/labels";
import type { SendOutcomeOutput } from "@/server/services/sms/schemas";
import { Button, buttonClasses } from "../../ui/button";
import { cn } from "../../ui/cn";
import { SmsStatusBadge } from "../sms-status-badge";

type Tone = "ok" | "bad" | "warn";

function describe(o: SendOutcomeOutput): { tone: Tone; title: "sentTitle" | "deliveredTitle" | "queuedTitle" | "failedTitle" | "inDoubtTitle" } {
  switch (o.status) {
    case "delivered":
      return { tone: "ok", title: "deliveredTitle" };
    case "sent":
      return { tone: "ok", title: "sentTitle" };
    case "queued":
    case "scheduled":
    case "sending":
      return { tone: "warn", title: "queuedTitle" };
    case "in_doubt":
      return { tone: "warn", title: "inDoubtTitle" };
    default:
      return { tone: "bad", title: "failedTitle" };
  }
}

const TONES: Record<Tone, string> = {
  ok: "bg-emerald-50 text-emerald-950 ring-emerald-200",
  warn: "bg-amber-50 text-amber-950 ring-amber-200",
  bad: "bg-red-50 text-red-950 ring-red-200",
};

/** What happened to the message just sent, without leaving the form. */
export function SendOutcome({ outcome, onAnother }: { outcome: SendOutcomeOutput; onAnother: () => void }) {
  const t = useTranslations("smsIndividual.form.outcome");
  const { tone, title } = describe(outcome);
  const phone = outcome.phone;
  const text =
    title === "deliveredTitle"
      ? t("deliveredText", { phone })
      : title === "sentTitle"
        ? t("sentText", { phone })
        : title === "queuedTitle"
          ? t("queuedText", { phone })
          : title === "inDoubtTitle"
            ? t("inDoubtText")
            : outcome.errorMessage
              ? t("failedReason", { reason: outcome.errorMessage })
              : t("failedNoReason", { phone });
  return (
    <div role={tone === "bad" ? "alert" : "status"} className={cn("flex flex-col gap-3 rounded-xl p-4 ring-1", TONES[tone])}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-lg font-semibold">{t(title)}</p>
        <SmsStatusBadge status={outcome.status} />
      </div>
      <p>{text}</p>
      {outcome.replayed ? <p className="font-medium">{t("replayed")}</p> : null}
      <p className="rounded-lg bg-white/70 p-3 text-sm break-words whitespace-pre-wrap text-slate-900">{outcome.body}</p>
      <p className="text-sm">{t("details", { parts: outcome.segments, encoding: ENCODING_LABELS[outcome.encoding] })}</p>
      <div className="flex flex-col gap-2 sm:flex-row">
        <Button onClick={onAnother}>{t("writeAnother")}</Button>
        <Link href="/sms/individual" className={buttonClasses({ variant: "secondary" })}>
          {t("viewHistory")}
        </Link>
      </div>
    </div>
  );
}
