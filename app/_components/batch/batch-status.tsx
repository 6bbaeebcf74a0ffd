import type { BatchStatus } from "@/server/services/batches/constants";
import { BATCH_STATUS_LABELS } from "@/server/services/batches/constants";
import type { BatchProgressOutput } from "@/server/services/batches/schemas";
import { Badge, type BadgeTone } from "../ui/badge";

const TONES: Readonly<Record<BatchStatus, BadgeTone>> = {
  queued: "neutral",
  running: "info",
  paused: "warning",
  cancelled: "neutral",
  done: "success",
};

/** A batch's status in words, the same on the grid and on its history. */
export function BatchStatusBadge({ status }: { status: BatchStatus }) {
  return <Badge tone={TONES[status]}>{BATCH_STATUS_LABELS[status]}</Badge>;
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
  if (status === "queued" || status === "running" || status === "paused") return true;
  return status === "done" && p.byStatus.sent + p.byStatus.sending + p.byStatus.queued > 0;
}

export function ProgressBar({ percent, label }: { percent: number; label: string }) {
  return (
    <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className="h-2.5 w-full overflow-hidden rounded-full bg-slate-200">
      <div className="h-full rounded-full bg-brand-600 transition-[width] duration-500" style={{ width: `${percent}%` }} />
    </div>
  );
}
