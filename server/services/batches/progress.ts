/**
 * A batch's progress, counted on demand from the ledger: a grouped count over the recipients and
 * their current messages. Nothing is stored, so progress cannot drift from the messages' statuses
 * (delivery reports move them long after the sender is done). What a running batch still waits for
 * (its send windows, retries) comes from the same count.
 */
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { SMS_STATUSES, type SmsStatus } from "@/db/schema/constants";
import type { BatchStatus } from "./constants";
import type { BatchProgressOutput } from "./schemas";

/** The sender's work is over for these (a "sent" message only waits for its delivery report). */
const SETTLED: ReadonlySet<SmsStatus> = new Set(["sent", "delivered", "undelivered", "failed", "cancelled", "blocked", "in_doubt"]);

export type ProgressCountRow = {
  status: SmsStatus | null;
  n: number;
  /** Earliest next attempt of the group (for scheduled: the window's next opening). */
  nextAt?: number | null;
  /** Queued messages whose retry is later than now, and the earliest of those retries. */
  retrying?: number;
  retryAt?: number | null;
};

export function progressFromCounts(rows: readonly ProgressCountRow[], batchStatus: BatchStatus): BatchProgressOutput {
  const byStatus = Object.fromEntries(SMS_STATUSES.map((s) => [s, 0])) as Record<SmsStatus, number>;
  let pending = 0;
  let total = 0;
  let window: BatchProgressOutput["held"]["window"] = null;
  let retry: BatchProgressOutput["held"]["retry"] = null;
  for (const r of rows) {
    total += r.n;
    if (r.status === null) pending += r.n;
    else byStatus[r.status] += r.n;
    if (r.status === "scheduled" && r.n > 0 && r.nextAt != null) window = { count: r.n, from: new Date(r.nextAt) };
    if (r.status === "queued" && (r.retrying ?? 0) > 0 && r.retryAt != null) retry = { count: r.retrying!, from: new Date(r.retryAt) };
  }
  // Recipients of a cancelled batch that never became messages will never be sent.
  let finished = batchStatus === "cancelled" ? pending : 0;
  for (const s of SMS_STATUSES) if (SETTLED.has(s)) finished += byStatus[s];
  const percent = total === 0 ? (batchStatus === "done" ? 100 : 0) : Math.floor((finished * 100) / total);
  return { total, pending, byStatus, finished, percent, held: { window, retry } };
}

type CountRow = { batch_id: number; status: SmsStatus | null; n: number; next_at: number | null; retrying: number; retry_at: number | null };

/** Progress of several batches in one grouped count (the batches grid). */
export async function batchProgressMany(db: Db, batches: readonly { id: number; status: BatchStatus }[], now = new Date()): Promise<Map<number, BatchProgressOutput>> {
  const ids = batches.map((b) => b.id);
  const at = now.getTime();
  const rows = ids.length === 0 ? [] : await db.all<CountRow>(sql`
    SELECT r.batch_id AS batch_id, m.status AS status, count(*) AS n, min(m.next_attempt_at) AS next_at,
      count(*) FILTER (WHERE m.status = 'queued' AND m.next_attempt_at > ${at}) AS retrying,
      min(CASE WHEN m.status = 'queued' AND m.next_attempt_at > ${at} THEN m.next_attempt_at END) AS retry_at
    FROM sms_batch_recipient r LEFT JOIN sms_message m ON m.id = r.message_id
    WHERE r.batch_id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))
    GROUP BY r.batch_id, m.status`);
  const num = (v: number | null) => (v === null ? null : Number(v));
  return new Map(batches.map((b) => [
    b.id,
    progressFromCounts(
      rows.filter((r) => Number(r.batch_id) === b.id).map((r) => ({ status: r.status, n: Number(r.n), nextAt: num(r.next_at), retrying: Number(r.retrying), retryAt: num(r.retry_at) })),
      b.status,
    ),
  ]));
}

export async function batchProgress(db: Db, batchId: number, batchStatus: BatchStatus): Promise<BatchProgressOutput> {
  const progress = await batchProgressMany(db, [{ id: batchId, status: batchStatus }]);
  return progress.get(batchId)!;
}
