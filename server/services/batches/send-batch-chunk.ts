/**
 * The batch sender's unit of work: turn the next chunk of a batch's snapshot into messages and send
 * them. Safe to repeat after a crash at any point: messages are created once per idempotency key
 * (batch:{id}:{phone}:{attempt}) and a message already claimed or sent is never claimed again.
 */
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { smsBatchRecipient, smsEvent, smsMessage } from "@/db/schema";
import type { BatchStatus } from "./constants";
import { cancelWaitingMessagesStatements, finishBatch, markBatchRunning } from "./controls";
import { type BatchRow, findBatch } from "./queries";
import { batchMessageKey, EMPTY_CONTEXT, loadRenderContexts, renderBatchMessage, textRulesFor } from "./render";
import { deferOutsideWindow } from "../queue/drain";
import { claimMessages, sendClaimedMany } from "../sms/dispatch";
import { appendEvents, createdEvent } from "../sms/ledger";
import { sendingAccount } from "../sms-accounts/account-store";

/** Chunk bounds: a chunk is about CHUNK_SECONDS of sending at the account's rate, within these. */
export const BATCH_CHUNK = 100;
export const MAX_BATCH_CHUNK = 1000;
const CHUNK_SECONDS = 5;

/**
 * Messages per chunk for an account's rate. Between two chunks the pipeline idles for about one
 * provider round trip plus the next chunk's writes; chunks of ~5 s of sending keep that gap to ~1–2%
 * of the account's cap, while small accounts keep chunks of 100 (pause/cancel act between chunks).
 */
export function chunkSizeFor(ratePerSecond: number): number {
  return Math.min(MAX_BATCH_CHUNK, Math.max(BATCH_CHUNK, Math.round(ratePerSecond * CHUNK_SECONDS)));
}

export type BatchChunkResult = {
  /**
   * more: call again; the others end this run (paused/cancelled wait for a resume or stay; waiting:
   * every message exists and the rest wait for their window or a retry, which the queue drain sends;
   * scheduled: not released yet).
   */
  state: "more" | "done" | "paused" | "cancelled" | "waiting" | "scheduled";
  created: number;
  sent: number;
  scheduled: number;
  failed: number;
};

function stateOf(status: BatchStatus): BatchChunkResult["state"] {
  return status === "paused" || status === "cancelled" || status === "scheduled" ? status : status === "running" ? "more" : "done";
}

export async function sendBatchChunk(db: Db, batchId: number, { limit, now }: { limit?: number; now?: Date } = {}): Promise<BatchChunkResult> {
  const res: BatchChunkResult = { state: "more", created: 0, sent: 0, scheduled: 0, failed: 0 };
  let batch = await findBatch(db, batchId);
  if (batch.status === "queued") batch = (await markBatchRunning(db, batchId)) ?? (await findBatch(db, batchId));
  if (batch.status !== "running") return { ...res, state: stateOf(batch.status) };
  // Read once per chunk: its rate sizes the chunk, and the chunk's sends go through (and are paced by) it.
  const account = await sendingAccount(db, batch.providerAccountId);
  const size = limit ?? chunkSizeFor(account?.ratePerSecond ?? 1);
  const at = now ?? new Date();

  // This chunk: the messages the previous step created ahead, else the next ones created now.
  let ids = await createdAhead(db, batchId, size);
  if (ids.length === 0) {
    const made = await createChunkMessages(db, batch, size, at);
    res.created += made.created;
    res.failed += made.failed;
    ids = await createdAhead(db, batchId, size);
    if (ids.length === 0 && made.recipients === 0) {
      if (await finishBatch(db, batchId)) return { ...res, state: "done" };
      // Nothing left for the sender: what remains waits in the queue (the drain finishes the batch).
      const status = (await findBatch(db, batchId)).status;
      return { ...res, state: status === "running" ? "waiting" : stateOf(status) };
    }
  }

  // Pause or cancel between creating and sending is honoured before any provider call.
  const current = await findBatch(db, batchId);
  if (current.status !== "running") return { ...res, state: stateOf(current.status) };

  const claimed = await claimMessages(db, ids, at);
  const deferred = await deferOutsideWindow(db, claimed, at);
  res.scheduled = deferred.size;
  // While this chunk is with the provider, the next chunk's messages are written (created only:
  // nothing is sent ahead), so the next step starts sending at once — no idle gap at the account.
  const [outs, next] = await Promise.all([
    sendClaimedMany(db, claimed.filter((m) => !deferred.has(m.id)), { accounts: [[batch.providerAccountId, account]] }),
    createChunkMessages(db, batch, size, at),
  ]);
  res.created += next.created;
  res.failed += next.failed;
  for (const out of outs) {
    if (out.status === "sent" || out.status === "delivered") res.sent++;
    else if (out.status === "failed" || out.status === "blocked") res.failed++;
  }
  return res;
}

/**
 * The batch's messages created but not yet sent (queued, never attempted), in snapshot order: made
 * ahead by the previous step, or left by a worker that died before sending them.
 */
async function createdAhead(db: Db, batchId: number, limit: number): Promise<number[]> {
  const rows = await db
    .select({ id: smsMessage.id })
    .from(smsMessage)
    .where(and(eq(smsMessage.batchId, batchId), eq(smsMessage.status, "queued"), isNull(smsMessage.nextAttemptAt)))
    .orderBy(asc(smsMessage.id))
    .limit(limit);
  return rows.map((r) => r.id);
}

/**
 * Turns the next `limit` snapshot rows without a message into queued messages. Safe to repeat
 * after a crash at any point: one atomic batch, once per idempotency key.
 */
async function createChunkMessages(db: Db, batch: BatchRow, limit: number, at: Date): Promise<{ recipients: number; created: number; failed: number }> {
  const batchId = batch.id;
  const out = { recipients: 0, created: 0, failed: 0 };
  const pending = await db
    .select()
    .from(smsBatchRecipient)
    .where(and(eq(smsBatchRecipient.batchId, batchId), isNull(smsBatchRecipient.messageId)))
    .orderBy(asc(smsBatchRecipient.id))
    .limit(limit);
  out.recipients = pending.length;
  if (pending.length === 0) return out;

  const rules = await textRulesFor(db, { accountId: batch.providerAccountId, maxParts: batch.maxParts });
  const contexts = await loadRenderContexts(db, pending.flatMap((r) => (r.customerId === null ? [] : [r.customerId])));
  const rendered = pending.map((r) => renderBatchMessage(batch.template, (r.customerId !== null ? contexts.get(r.customerId) : undefined) ?? EMPTY_CONTEXT, rules));
  const keys = pending.map((r) => batchMessageKey(batchId, r.phoneE164, r.attempt));
  const keyList = JSON.stringify(keys);
  const links = JSON.stringify(pending.map((r, i) => [r.id, keys[i]]));
  // A text that does not fit (a long name pushed it over) fails visibly instead of being cut:
  // [key, why] of each, failed in the same write that creates it, so no crash leaves it queued.
  const tooLong = pending.flatMap((_, i) => (rendered[i]!.limitMessage ? [[keys[i]!, rendered[i]!.limitMessage]] : []));
  const tooLongList = JSON.stringify(tooLong);
  const isTooLong = sql`${smsMessage.batchId} = ${batchId} and +${smsMessage.status} = 'queued'
    and ${smsMessage.idempotencyKey} in (select json_extract(value, '$[0]') from json_each(${tooLongList}))`;
  // One atomic batch: the chunk's messages (once per key), their "created" events, the links from
  // the snapshot rows, and the too-long ones failed. A crash before it leaves nothing; after it, a
  // retry finds everything. A cancel that committed while this chunk was being prepared cancels
  // its messages at once (the last two statements act only on a cancelled batch), so the queue
  // drain never sends them.
  const [inserted] = await db.batch([
    db
      .insert(smsMessage)
      .values(
        pending.map((r, i) => ({
          ref: crypto.randomUUID(),
          origin: "batch" as const,
          category: batch.category,
          customerId: r.customerId,
          phoneE164: r.phoneE164,
          batchId,
          motivo: batch.motivo,
          body: rendered[i]!.body,
          encoding: rendered[i]!.analysis.encoding,
          segments: rendered[i]!.analysis.parts,
          characters: rendered[i]!.analysis.characters,
          status: "queued" as const,
          providerAccountId: batch.providerAccountId,
          createdBy: batch.createdBy,
          idempotencyKey: keys[i]!,
          createdAt: at,
          updatedAt: at,
        })),
      )
      .onConflictDoNothing({ target: smsMessage.idempotencyKey })
      .returning({ id: smsMessage.id, key: smsMessage.idempotencyKey }),
    appendEvents(
      db,
      createdEvent(at),
      sql`${smsMessage.idempotencyKey} in (select value from json_each(${keyList}))
          and not exists (select 1 from ${smsEvent} e where e.message_id = ${smsMessage.id} and e.type = 'created')`,
    ),
    // Each snapshot row points at its message, found by the key computed above (one definition of it).
    db.run(sql`update ${smsBatchRecipient} set message_id = m.id
      from json_each(${links}) k join ${smsMessage} m on m.idempotency_key = json_extract(k.value, '$[1]')
      where ${smsBatchRecipient.id} = json_extract(k.value, '$[0]') and ${smsBatchRecipient.batchId} = ${batchId} and ${smsBatchRecipient.messageId} is null`),
    appendEvents(db, { type: "transition", from: "queued", to: "failed", detail: sql`json_object('code', 'too_long')`, at }, isTooLong),
    db.update(smsMessage).set({
      status: "failed",
      lastErrorCode: "too_long",
      lastErrorMessage: sql`(select json_extract(k.value, '$[1]') from json_each(${tooLongList}) k where json_extract(k.value, '$[0]') = ${smsMessage.idempotencyKey})`,
      updatedAt: at,
      finalAt: at,
    }).where(isTooLong),
    ...cancelWaitingMessagesStatements(db, batchId, new Date()),
  ]);
  out.created = inserted.length;
  const tooLongKeys = new Set(tooLong.map(([key]) => key));
  out.failed = inserted.filter((m) => tooLongKeys.has(m.key)).length;
  return out;
}
