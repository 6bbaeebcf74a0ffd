/**
 * The batch sender's unit of work: turn the next chunk of a batch's snapshot into messages and send
 * them. Safe to repeat after a crash at any point: messages are created once per idempotency key
 * (batch:{id}:{phone}:{attempt}) and a message already claimed or sent is never claimed again.
 */
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { smsBatchRecipient } from "@/db/schema";
import { mapPool } from "@/server/lib/pool";
import type { BatchStatus } from "../batches/constants";
import { finishBatch, markBatchRunning } from "../batches/controls";
import { findBatch } from "../batches/queries";
import { batchMessageKey, loadRenderContexts, renderBatchMessage } from "../batches/render";
import { deferOutsideWindow, SEND_CONCURRENCY } from "../queue/drain";
import { claimMessage, sendClaimed } from "../sms/dispatch";
import { queueMessage, transition } from "../sms/ledger";
import { getSmsSettings } from "../sms/settings";

export const BATCH_CHUNK = 100;

export type BatchChunkResult = {
  /** more: call again; the others end this run (paused/cancelled wait for a resume or stay). */
  state: "more" | "done" | "paused" | "cancelled";
  created: number;
  sent: number;
  scheduled: number;
  failed: number;
};

function stateOf(status: BatchStatus): BatchChunkResult["state"] {
  return status === "paused" || status === "cancelled" ? status : status === "running" ? "more" : "done";
}

export async function sendBatchChunk(db: Db, batchId: number, { limit = BATCH_CHUNK, now }: { limit?: number; now?: Date } = {}): Promise<BatchChunkResult> {
  const res: BatchChunkResult = { state: "more", created: 0, sent: 0, scheduled: 0, failed: 0 };
  let batch = await findBatch(db, batchId);
  if (batch.status === "queued") batch = (await markBatchRunning(db, batchId)) ?? (await findBatch(db, batchId));
  if (batch.status === "paused" || batch.status === "cancelled" || batch.status === "done") return { ...res, state: batch.status };

  const pending = await db
    .select()
    .from(smsBatchRecipient)
    .where(and(eq(smsBatchRecipient.batchId, batchId), isNull(smsBatchRecipient.messageId)))
    .orderBy(asc(smsBatchRecipient.id))
    .limit(limit);
  if (pending.length === 0) {
    if (await finishBatch(db, batchId)) return { ...res, state: "done" };
    return { ...res, state: stateOf((await findBatch(db, batchId)).status) };
  }

  const { maxParts } = await getSmsSettings(db);
  const contexts = await loadRenderContexts(db, pending.flatMap((r) => (r.customerId === null ? [] : [r.customerId])));
  const messageIds: number[] = [];
  for (const r of pending) {
    const ctx = r.customerId !== null ? contexts.get(r.customerId) : undefined;
    const rendered = renderBatchMessage(batch.template, ctx ?? { nome: "", primeiro_nome: "", codigo: "", plano: "", cidade: "" }, maxParts);
    const { message, created } = await queueMessage(db, {
      origin: "batch",
      category: batch.category,
      customerId: r.customerId,
      phoneE164: r.phoneE164,
      batchId,
      motivo: batch.motivo,
      body: rendered.body,
      encoding: rendered.analysis.encoding,
      segments: rendered.analysis.parts,
      characters: rendered.analysis.characters,
      providerAccountId: batch.providerAccountId,
      createdBy: batch.createdBy,
      idempotencyKey: batchMessageKey(batchId, r.phoneE164, r.attempt),
    });
    if (created) res.created++;
    await db.update(smsBatchRecipient).set({ messageId: message.id }).where(and(eq(smsBatchRecipient.id, r.id), isNull(smsBatchRecipient.messageId)));
    // A text that does not fit (a long name pushed it over) fails visibly instead of being cut.
    if (rendered.limitMessage && message.status === "queued") {
      await transition(db, message.id, "queued", "failed", { lastErrorCode: "too_long", lastErrorMessage: rendered.limitMessage }, { code: "too_long" });
      res.failed++;
      continue;
    }
    messageIds.push(message.id);
  }

  // Pause or cancel between creating and sending is honoured before any provider call.
  const current = await findBatch(db, batchId);
  if (current.status !== "running") return { ...res, state: stateOf(current.status) };

  const at = now ?? new Date();
  const claimed = [];
  for (const id of messageIds) {
    const m = await claimMessage(db, id, at);
    if (m) claimed.push(m);
  }
  const deferred = await deferOutsideWindow(db, claimed, at);
  res.scheduled = deferred.size;
  // Provider calls overlap (the account's pacing still caps the rate); database writes stay serial.
  const outs = await mapPool(claimed.filter((m) => !deferred.has(m.id)), SEND_CONCURRENCY, (m) => sendClaimed(db, m));
  for (const out of outs) {
    if (out.status === "sent" || out.status === "delivered") res.sent++;
    else if (out.status === "failed" || out.status === "blocked") res.failed++;
  }
  return res;
}
