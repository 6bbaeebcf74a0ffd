/**
 * The queue drain's batch duties (every 5 minutes, and on "Processar fila agora"): release scheduled
 * batches whose time has come, and name every batch the sender still has work on, so the drain
 * requests it. A request is a database row (the batch's status) read again at every tick, never an
 * in-memory timer: a release or a run lost to a restart or `kill -9` is picked up by the next tick.
 * Requesting a batch whose run is alive is harmless: one run per batch at a time (the functions'
 * concurrency key), and a run finds the work already done.
 */
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { releaseDueBatches } from "./controls";

export type BatchRequest = { batchId: number; accountId: number; eventId: string };

/** The drain's period: one request per batch per tick, however often the drain is asked to run. */
const TICK_MS = 5 * 60_000;

export async function releaseBatches(db: Db, now = new Date()): Promise<{ released: number[]; requests: BatchRequest[] }> {
  const released = await releaseDueBatches(db, now);
  const rows = await db.all<{ id: number; provider_account_id: number }>(sql`
    SELECT b.id, b.provider_account_id FROM sms_batch b
    WHERE b.status IN ('queued', 'running')
      AND EXISTS (SELECT 1 FROM sms_batch_recipient r WHERE r.batch_id = b.id AND r.message_id IS NULL)
    ORDER BY b.id`);
  const tick = Math.floor(now.getTime() / TICK_MS);
  return {
    released,
    requests: rows.map((r) => ({ batchId: Number(r.id), accountId: Number(r.provider_account_id), eventId: `batch-${r.id}-tick-${tick}` })),
  };
}
