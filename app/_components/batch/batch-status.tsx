import { useTranslations } from "next-intl";
import type { BatchStatus } from "@/server/services/batches/constants";
import { BATCH_STATUS_LABELS } from "@/server/services/batches/constants";
import type { BatchProgressOutput } from "@/server/services/batches/schemas";
import { formatPanelTime } from "@/server/services/batches/send-at";
import { Badge, type BadgeTone } from "../ui/badge";

/**
 * What a batch is doing, as the operator reads it: its stored status, except that a running batch
 * whose remaining messages all wait (for their send window, a retry, or an operator) is "waiting",
 * derived from the ledger's counts, never "Concluído" nor "Enviando" at 0%.
 */
export type BatchPhase = BatchStatus | "waitingWindow" | "waitingRetry" | "waitingOperator";

export function batchPhase(status: BatchStatus, p: BatchProgressOutput): BatchPhase {
  if (status !== "running") return status;
  const retrying = p.held.retry?.count ?? 0;
  // Still with the sender: recipients without a message, messages due now or being sent.
  if (p.pending + (p.byStatus.queued - retrying) + p.byStatus.sending > 0) return "running";
  if (p.held.window) return "waitingWindow";
  if (p.held.retry) return "waitingRetry";
  if (p.byStatus.in_doubt > 0) return "waitingOperator";
  return "running";
}

const TONES: Readonly<Record<BatchPhase, BadgeTone>> = {
  scheduled: "info",
  queued: "neutral",
  running: "info",
  waitingWindow: "warning",
  waitingRetry: "warning",
  waitingOperator: "warning",
  paused: "warning",
  cancelled: "neutral",
  done: "success",
};

/** A batch's status in words, the same on the grid and on its history. */
export function BatchStatusBadge({ status, progress }: { status: BatchStatus; progress: BatchProgressOutput }) {
  const t = useTranslations("smsBatch.phase");
  const phase = batchPhase(status, progress);
  return <Badge tone={TONES[phase]}>{phase === "waitingWindow" || phase === "waitingRetry" || phase === "waitingOperator" ? t(phase) : BATCH_STATUS_LABELS[phase]}</Badge>;
}

/**
 * The lines that say what a batch waits for: its scheduled time, messages held by their send window
 * ("Aguardando horário permitido: 95 a partir de seg 07/12 08:00"), retries, messages in doubt.
 * São Paulo time, as every time on the panel.
 */
export function useHeldLines() {
  const t = useTranslations("smsBatch.held");
  return (b: { status: BatchStatus; scheduledAt: Date | null; progress: BatchProgressOutput }): string[] => {
    if (b.status === "scheduled") return b.scheduledAt ? [t("scheduled", { when: formatPanelTime(b.scheduledAt) })] : [];
    if (b.status === "done" || b.status === "cancelled") return [];
    const { window, retry } = b.progress.held;
    const lines: string[] = [];
    if (window) lines.push(t("window", { count: window.count, when: formatPanelTime(window.from) }));
    if (retry) lines.push(t("retry", { count: retry.count, when: formatPanelTime(retry.from) }));
    if (b.progress.byStatus.in_doubt > 0) lines.push(t("inDoubt", { count: b.progress.byStatus.in_doubt }));
    return lines;
  };
}

/** The grid's and the header's counters, from the progress counted in the ledger. */
export function batchCounts(p: BatchProgressOutput) {
  const s = p.byStatus;
  return {
    /** Accepted by the provider: waiting for the report, or reported. */
    sent: s.sent + s.delivered + s.undelivered,
    delivered: s.delivered,
    failed: s.failed + s.undelivered + s.blocked,
    /** Not reached yet: no message, or a message still waiting or going out. */
    waiting: p.pending + s.queued + s.scheduled + s.sending,
    resendable: s.failed + s.undelivered,
  };
}

/** Polling only makes sense while something can still change: sending, or delivery reports to come. */
export function isLive(status: BatchStatus, p: BatchProgressOutput): boolean {
  if (status === "scheduled" || status === "queued" || status === "running" || status === "paused") return true;
  return status === "done" && p.byStatus.sent + p.byStatus.sending + p.byStatus.queued > 0;
}

/** How often to poll: fast while the sender works, slowly while the batch only waits for a time. */
export function pollEvery(status: BatchStatus, p: BatchProgressOutput, fastMs: number): number | false {
  if (!isLive(status, p)) return false;
  const phase = batchPhase(status, p);
  return phase === "scheduled" || phase === "waitingWindow" || phase === "waitingRetry" || phase === "waitingOperator" ? 15_000 : fastMs;
}

export function ProgressBar({ percent, label }: { percent: number; label: string }) {
  return (
    <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className="h-2.5 w-full overflow-hidden rounded-full bg-slate-200">
      <div className="h-full rounded-full bg-brand-600 transition-[width] duration-500" style={{ width: `${percent}%` }} />
    </div>
  );
}
