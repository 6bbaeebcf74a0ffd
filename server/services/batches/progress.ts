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

export async function batchProgress(db: Db, batchId: number, batchStatus: BatchStatus): Promise<BatchProgressOutput> {
  const rows = await db.all<{ status: SmsStatus | null; n: number }>(sql`
    SELECT m.status AS status, count(*) AS n
    FROM sms_batch_recipient r LEFT JOIN sms_message m ON m.id = r.message_id
    WHERE r.batch_id = ${batchId}
    GROUP BY m.status`);
  return progressFromCounts(rows.map((r) => ({ status: r.status, n: Number(r.n) })), batchStatus);
}
