/**
 * A batch's progress, counted on demand from the ledger: a grouped count over the recipients and
 * their current messages. Nothing is stored, so progress cannot drift from the messages' statuses
 * (delivery reports move them long after the sender is done).
 */
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { SMS_STATUSES, type SmsStatus } from "@/db/schema/constants";
import type { BatchStatus } from "./constants";
import type { BatchProgressOutput } from "./schemas";

/** The sender's work is over for these (a "sent" message only waits for its delivery report). */
const SETTLED: ReadonlySet<SmsStatus> = new Set(["sent", "delivered", "undelivered", "failed", "cancelled", "blocked", "in_doubt"]);

export function progressFromCounts(rows: readonly { status: SmsStatus | null; n: number }[], batchStatus: BatchStatus): BatchProgressOutput {
  const byStatus = Object.fromEntries(SMS_STATUSES.map((s) => [s, 0])) as Record<SmsStatus, number>;
  let pending = 0;
  let total = 0;
  for (const r of rows) {
    total += r.n;
    if (r.status === null) pending += r.n;
    else byStatus[r.status] += r.n;
  }
  // Recipients of a cancelled batch that never became messages will never be sent.
  let finished = batchStatus === "cancelled" ? pending : 0;
  for (const s of SMS_STATUSES) if (SETTLED.has(s)) finished += byStatus[s];
  const percent = total === 0 ? (batchStatus === "done" ? 100 : 0) : Math.floor((finished * 100) / total);
  return { total, pending, byStatus, finished, percent };
}

type CountRow = { batch_id: number; status: SmsStatus | null; n: number };

/** Progress of several batches in one grouped count (the batches grid). */
export async function batchProgressMany(db: Db, batches: readonly { id: number; status: BatchStatus }[]): Promise<Map<number, BatchProgressOutput>> {
  const ids = batches.map((b) => b.id);
  const rows = ids.length === 0 ? [] : await db.all<CountRow>(sql`
    SELECT r.batch_id AS batch_id, m.status AS status, count(*) AS n
    FROM sms_batch_recipient r LEFT JOIN sms_message m ON m.id = r.message_id
    WHERE r.batch_id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))
    GROUP BY r.batch_id, m.status`);
  return new Map(batches.map((b) => [
    b.id,
    progressFromCounts(rows.filter((r) => Number(r.batch_id) === b.id).map((r) => ({ status: r.status, n: Number(r.n) })), b.status),
  ]));
}

export async function batchProgress(db: Db, batchId: number, batchStatus: BatchStatus): Promise<BatchProgressOutput> {
  const progress = await batchProgressMany(db, [{ id: batchId, status: batchStatus }]);
  return progress.get(batchId)!;
}
