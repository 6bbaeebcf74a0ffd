/**
 * The life of a message (architecture.md): queued → sending → sent → delivered | undelivered | failed,
 * with side exits scheduled, cancelled, blocked and in_doubt. Browser-safe.
 *
 * Provider reports are forward-only and the first final status wins: once delivered, undelivered,
 * failed (or cancelled/blocked) nothing changes it, so a duplicate or out-of-order callback (a late
 * "undelivered" after "delivered", or the reverse) is ignored. A report on a message that was
 * handed to the provider (sending, in_doubt, sent) moves it forward: it proves the provider accepted
 * it, and treating it otherwise could send it twice. A message never handed to a provider (queued,
 * scheduled) cannot have been reported on: such a report is ignored.
 */
import type { SmsStatus } from "@/db/schema/constants";

/** What providers report, mapped to our model (providers.md, "One status model for all"). */
export type ReportedSmsStatus = "sent" | "delivered" | "undelivered" | "failed" | "blocked";

const FINAL: ReadonlySet<SmsStatus> = new Set<SmsStatus>(["delivered", "undelivered", "failed", "cancelled", "blocked"]);

const REPORTED: readonly SmsStatus[] = ["sent", "delivered", "undelivered", "failed", "blocked"];

/**
 * Every allowed move. Besides the main line: a retryable error before acceptance sends `sending`
 * back to `queued`; an operator can requeue or cancel an `in_doubt` message; a provider report may
 * arrive before our own write of the send result (hence sending/queued → delivered etc.).
 */
const TRANSITIONS: Readonly<Record<SmsStatus, readonly SmsStatus[]>> = {
  queued: ["scheduled", "sending", "cancelled", ...REPORTED],
  scheduled: ["queued", "sending", "cancelled", ...REPORTED],
  sending: ["queued", "in_doubt", ...REPORTED],
  in_doubt: ["queued", "cancelled", ...REPORTED],
  sent: ["delivered", "undelivered", "failed", "blocked"],
  delivered: [],
  undelivered: [],
  failed: [],
  cancelled: [],
  blocked: [],
};

export function canTransition(from: SmsStatus, to: SmsStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Nothing moves a message out of a final status. `sent` is not final, though it may stay so for good. */
export function isFinal(status: SmsStatus): boolean {
  return FINAL.has(status);
}

/** Where a message is with a provider: the only statuses a provider report may move. */
const HANDED_TO_PROVIDER: ReadonlySet<SmsStatus> = new Set<SmsStatus>(["sending", "in_doubt", "sent"]);

/**
 * The status after a provider report, or null when the report must be ignored (duplicate, late,
 * the message is already final, or it was never handed to a provider). Never returns a status
 * that moves the message backwards.
 */
export function applyReport(current: SmsStatus, reported: ReportedSmsStatus): SmsStatus | null {
  if (!HANDED_TO_PROVIDER.has(current) || current === reported) return null;
  return canTransition(current, reported) ? reported : null;
}

/** How far along a message is; reports only ever raise it. */
export function statusRank(status: SmsStatus): number {
  switch (status) {
    case "queued":
    case "scheduled":
      return 0;
    case "sending":
    case "in_doubt":
      return 1;
    case "sent":
      return 2;
    default:
      return 3;
  }
}

export const STATUS_LABELS: Readonly<Record<SmsStatus, string>> = {
  queued: "Na fila",
  scheduled: "Agendada",
  sending: "Enviando",
  sent: "Enviada",
  delivered: "Entregue",
  undelivered: "Não entregue",
  failed: "Falhou",
  cancelled: "Cancelada",
  blocked: "Bloqueada",
  in_doubt: "Em dúvida",
};

export type StatusTone = "neutral" | "info" | "success" | "warning" | "danger";

/** Badge colour: danger when sending failed, warning when an operator should look (in doubt, opted out). */
export const STATUS_TONES: Readonly<Record<SmsStatus, StatusTone>> = {
  queued: "neutral",
  scheduled: "info",
  sending: "info",
  sent: "info",
  delivered: "success",
  undelivered: "danger",
  failed: "danger",
  cancelled: "neutral",
  blocked: "warning",
  in_doubt: "warning",
};
