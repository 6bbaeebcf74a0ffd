"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { MessageEventOutput } from "@/server/services/messages/schemas";
import { STATUS_LABELS, STATUS_TONES } from "@/server/sms/status";
import { cn } from "../../ui/cn";
import { SmsStatusBadge } from "../sms-status-badge";

export const SAO_PAULO = "America/Sao_Paulo";

type Described = { title: string; lines: string[] };
type Translate = ReturnType<typeof useTranslations<"smsHistory.message.event">>;

/** One event in words: what happened, then its facts (provider id, reason, the time it waits for). */
function describe(e: MessageEventOutput, t: Translate, when: (d: Date) => string, operator: string | null): Described {
  const by = e.byName ?? t("someone");
  const reason = e.errorMessage ? [t("reason", { reason: e.errorMessage })] : [];
  const providerId = e.providerMessageId ? [t("providerId", { id: e.providerMessageId })] : [];
  if (e.type === "created") return { title: operator ? t("createdBy", { name: operator }) : t("created"), lines: [] };
  if (e.type === "note") return { title: e.byName ? t("noteBy", { name: e.byName }) : t("note"), lines: reason };
  if (e.type === "attempt") return { title: t("attempt", { attempt: e.attempt ?? 1 }), lines: [] };
  if (e.type === "report" && e.to) {
    const occurred = e.occurredAt ? [t("occurredAt", { when: when(e.occurredAt) })] : [];
    return { title: t("report", { status: STATUS_LABELS[e.to] }), lines: [...reason, ...providerId, ...occurred] };
  }
  const waits = (key: "retryAt" | "scheduledAt") => (e.waitUntil ? [t(key, { when: when(e.waitUntil) })] : []);
  switch (e.to) {
    case "sent":
      return { title: e.reason === "operator_marked_sent" ? t("markedSent", { name: by }) : t("accepted"), lines: providerId };
    case "queued":
      if (e.reason === "retry_now") return { title: t("retryNow", { name: by }), lines: [] };
      if (e.reason === "operator_send_again") return { title: t("sendAgain", { name: by }), lines: [] };
      if (e.errorMessage) return { title: t("retry"), lines: [...reason, ...waits("retryAt")] };
      break;
    case "scheduled":
      return { title: t("scheduled"), lines: waits("scheduledAt") };
    case "cancelled":
      if (e.reason === "operator_cancel") return { title: t("cancelledBy", { name: by }), lines: [] };
      if (e.reason === "batch_cancelled") return { title: t("cancelledBatch"), lines: [] };
      break;
    case "in_doubt":
      return { title: e.reason === "lease_expired" ? t("leaseExpired") : t("inDoubt"), lines: reason };
    case "failed":
      return { title: t("failed"), lines: reason };
    case "blocked":
      return { title: t("blocked"), lines: reason };
  }
  if (e.to) return { title: t("status", { status: STATUS_LABELS[e.to] }), lines: reason };
  return { title: t("note"), lines: reason };
}

const DOTS = { success: "bg-emerald-600", danger: "bg-red-600", warning: "bg-amber-500", info: "bg-brand-600", neutral: "bg-slate-400" } as const;

/** The message's events, oldest first, each with its São Paulo time. */
export function MessageTimeline({ events, operator }: { events: MessageEventOutput[]; operator: string | null }) {
  const t = useTranslations("smsHistory.message");
  const tEvent = useTranslations("smsHistory.message.event");
  const format = useFormatter();
  const stamp = (d: Date) =>
    format.dateTime(d, { day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone: SAO_PAULO });
  const when = (d: Date) => format.dateTime(d, { day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: SAO_PAULO });

  if (events.length === 0) return <p className="text-sm text-slate-600">{t("noEvents")}</p>;
  return (
    <ol aria-label={t("timeline")} className="flex flex-col">
      {events.map((e, i) => {
        const { title, lines } = describe(e, tEvent, when, operator);
        const tone = e.to && e.type !== "created" && e.type !== "attempt" ? STATUS_TONES[e.to] : "neutral";
        return (
          <li key={e.id} className="relative flex gap-3 pb-4 last:pb-0">
            {/* The line that joins the dots, drawn under every event but the last. */}
            {i < events.length - 1 ? <span aria-hidden="true" className="absolute top-4 bottom-0 left-[5px] w-0.5 bg-slate-200" /> : null}
            <span aria-hidden="true" className={cn("relative mt-1.5 size-3 shrink-0 rounded-full ring-4 ring-white", DOTS[tone])} />
            <div className="flex min-w-0 flex-1 flex-col gap-0.5">
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <time dateTime={e.at.toISOString()} className="text-sm font-medium whitespace-nowrap text-slate-600 tabular-nums">
                  {stamp(e.at)}
                </time>
                {e.to && e.type !== "created" && e.type !== "attempt" ? <SmsStatusBadge status={e.to} /> : null}
              </div>
              <p className="font-medium break-words text-slate-900">{title}</p>
              {lines.map((l) => (
                <p key={l} className="text-sm break-words text-slate-700">
                  {l}
                </p>
              ))}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
