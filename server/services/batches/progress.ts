/**
 * A batch's progress: counts per status of the recipients' current messages, read from counters the
 * database keeps in the same statement as each change (triggers of migration 0008), so the page's
 * poll costs the same at 100 or 100 000 recipients; delivery reports that move messages long after
 * the sender is done move the counters too. What a running batch still waits for (its send windows,
 * retries) is read from the few scheduled and queued messages.
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

type CountRow = { batch_id: number; status: SmsStatus | null; n: number };
type HeldRow = { batch_id: number; next_at: number | null; retrying: number; retry_at: number | null };

/** The batch's current messages among `m`'s rows (an unlinked old attempt no longer counts). */
const CURRENT = sql.raw("EXISTS (SELECT 1 FROM sms_batch_recipient r WHERE r.message_id = m.id)");

/**
 * Progress of several batches (the batches grid, the polled batch page). The counts per status come
 * from sms_batch_counts, kept by triggers; recipients without a message are the rest of
 * sms_batch.recipients. What is held (the window's next opening, retries not yet due) walks only the
 * batch's scheduled and queued messages on sms_message_batch_status_next_idx.
 */
export async function batchProgressMany(db: Db, batches: readonly { id: number; status: BatchStatus }[], now = new Date()): Promise<Map<number, BatchProgressOutput>> {
  const ids = JSON.stringify(batches.map((b) => b.id));
  const at = now.getTime();
  const [counts, held] = batches.length === 0 ? [[], []] : await Promise.all([
    db.all<CountRow>(sql`
      SELECT b.id AS batch_id, c.status AS status, c.n AS n FROM sms_batch_counts c JOIN sms_batch b ON b.id = c.batch_id
      WHERE c.batch_id IN (SELECT value FROM json_each(${ids})) AND c.n <> 0
      UNION ALL
      SELECT b.id, NULL, b.recipients - coalesce((SELECT sum(c.n) FROM sms_batch_counts c WHERE c.batch_id = b.id), 0)
      FROM sms_batch b WHERE b.id IN (SELECT value FROM json_each(${ids}))`),
    db.all<HeldRow>(sql`
      SELECT b.id AS batch_id,
        (SELECT m.next_attempt_at FROM sms_message m WHERE m.batch_id = b.id AND m.status = 'scheduled' AND m.next_attempt_at IS NOT NULL AND ${CURRENT}
          ORDER BY m.next_attempt_at LIMIT 1) AS next_at,
        (SELECT count(*) FROM sms_message m WHERE m.batch_id = b.id AND m.status = 'queued' AND m.next_attempt_at > ${at} AND ${CURRENT}) AS retrying,
        (SELECT m.next_attempt_at FROM sms_message m WHERE m.batch_id = b.id AND m.status = 'queued' AND m.next_attempt_at > ${at} AND ${CURRENT}
          ORDER BY m.next_attempt_at LIMIT 1) AS retry_at
      FROM sms_batch b WHERE b.id IN (SELECT value FROM json_each(${ids}))`),
  ]);
  const num = (v: number | null) => (v === null ? null : Number(v));
  return new Map(batches.map((b) => {
    const h = held.find((r) => Number(r.batch_id) === b.id);
    const rows: ProgressCountRow[] = counts
      .filter((r) => Number(r.batch_id) === b.id && Number(r.n) !== 0)
      .map((r) => ({ status: r.status, n: Number(r.n) }));
    for (const r of rows) {
      if (r.status === "scheduled") r.nextAt = num(h?.next_at ?? null);
      if (r.status === "queued") Object.assign(r, { retrying: Number(h?.retrying ?? 0), retryAt: num(h?.retry_at ?? null) });
    }
    return [b.id, progressFromCounts(rows, b.status)];
  }));
}

/** The same progress recounted from the recipients and their messages: the counters' reference. */
export async function recountBatchProgress(db: Db, batch: { id: number; status: BatchStatus }, now = new Date()): Promise<BatchProgressOutput> {
  const at = now.getTime();
  const rows = await db.all<CountRow & Omit<HeldRow, "batch_id">>(sql`
    SELECT m.status AS status, count(*) AS n, min(m.next_attempt_at) AS next_at,
      count(*) FILTER (WHERE m.status = 'queued' AND m.next_attempt_at > ${at}) AS retrying,
      min(CASE WHEN m.status = 'queued' AND m.next_attempt_at > ${at} THEN m.next_attempt_at END) AS retry_at
    FROM sms_batch_recipient r LEFT JOIN sms_message m ON m.id = r.message_id
    WHERE r.batch_id = ${batch.id}
    GROUP BY m.status`);
  const num = (v: number | null) => (v === null ? null : Number(v));
  return progressFromCounts(rows.map((r) => ({ status: r.status, n: Number(r.n), nextAt: num(r.next_at), retrying: Number(r.retrying), retryAt: num(r.retry_at) })), batch.status);
}

export async function batchProgress(db: Db, batchId: number, batchStatus: BatchStatus): Promise<BatchProgressOutput> {
  const progress = await batchProgressMany(db, [{ id: batchId, status: batchStatus }]);
  return progress.get(batchId)!;
}
