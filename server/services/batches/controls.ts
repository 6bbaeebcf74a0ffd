/**
 * The batch state machine: scheduled → queued → running → done, with paused and cancelled on the
 * side. Every move is a compare-and-set on the status, so two operators (or an operator, the sender
 * and the queue drain) can never both win. "done" needs every message final: a batch whose messages
 * wait for their send window or a retry stays running (pausable, cancellable) until the queue drain
 * sends the last of them (settleBatches). The caller (router/jobs) emits `sms/batch.requested`
 * after resume and re-send.
 */
import { and, eq, inArray, lte, type SQL, sql } from "drizzle-orm";
import type { SQLiteUpdateSetSource } from "drizzle-orm/sqlite-core";
import type { Db } from "@/db/client";
import { smsBatch, smsMessage } from "@/db/schema";
import { writeAudit } from "../audit";
import { conflict } from "../errors";
import type { BatchStatus } from "./constants";
import { parseInput } from "./parse";
import { type BatchRow, findBatch, loadBatchOutput } from "./queries";
import { type BatchIdInput, batchIdInput, type BatchOutput } from "./schemas";
import { requirePermission } from "@/server/services/permissions";
import type { ServiceContext } from "@/server/services/context";


const STATE_ERRORS: Readonly<Record<BatchStatus, string>> = {
  scheduled: "O lote está agendado e ainda não começou: altere o horário ou cancele o agendamento.",
  queued: "O lote ainda não começou a enviar.",
  running: "O lote está enviando.",
  paused: "O lote já está pausado.",
  cancelled: "O lote foi cancelado.",
  done: "O lote já foi concluído.",
};

function refuse(row: BatchRow, messages: Partial<Record<BatchStatus, string>> = {}): never {
  throw conflict(messages[row.status] ?? STATE_ERRORS[row.status]);
}

/** Moves a batch from one of `from` to `to`; null when it was in none of them any more. */
async function compareAndSet(db: Db, batchId: number, from: readonly BatchStatus[], patch: SQLiteUpdateSetSource<typeof smsBatch>) {
  const [row] = await db
    .update(smsBatch)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(smsBatch.id, batchId), inArray(smsBatch.status, [...from])))
    .returning();
  return row ?? null;
}

export async function pauseBatch(ctx: ServiceContext, input: BatchIdInput): Promise<BatchOutput> {
  requirePermission(ctx, "batches.send");
  const { batchId } = parseInput(batchIdInput, input);
  const row = await compareAndSet(ctx.db, batchId, ["queued", "running"], { status: "paused" });
  if (!row) refuse(await findBatch(ctx.db, batchId));
  await writeAudit(ctx, "sms_batch.pause", "sms_batch", batchId, {});
  return loadBatchOutput(ctx.db, batchId);
}

/** Back to running (or queued if it never started); the caller requests the sending again. */
export async function resumeBatch(ctx: ServiceContext, input: BatchIdInput): Promise<BatchOutput> {
  requirePermission(ctx, "batches.send");
  const { batchId } = parseInput(batchIdInput, input);
  const row = await compareAndSet(ctx.db, batchId, ["paused"], {
    status: sql`CASE WHEN ${smsBatch.startedAt} IS NULL THEN 'queued' ELSE 'running' END`,
  });
  if (!row) refuse(await findBatch(ctx.db, batchId), { queued: "O lote não está pausado.", running: "O lote não está pausado." });
  await writeAudit(ctx, "sms_batch.resume", "sms_batch", batchId, {});
  return loadBatchOutput(ctx.db, batchId);
}

/** Messages that have not reached a final status: waiting (window, retry), going out, or awaiting an operator. */
const UNSETTLED_MESSAGE = "('queued', 'scheduled', 'sending', 'in_doubt')";

/** Every recipient of the batch (SQL expression of its id) has a message and every message is final. */
const allMessagesFinal = (batchId: SQL) => sql`NOT EXISTS (SELECT 1 FROM sms_batch_recipient r WHERE r.batch_id = ${batchId} AND r.message_id IS NULL)
  AND NOT EXISTS (SELECT 1 FROM sms_message m WHERE m.batch_id = ${batchId} AND m.status IN ${sql.raw(UNSETTLED_MESSAGE)})`;

/**
 * Cancels the batch's messages still waiting (queued or scheduled), with their events, only once
 * the batch is cancelled. Set-based (not ledger.transition per message): one atomic pair of
 * statements for any batch size, same event shape. The sender may call it again after a chunk that
 * raced with the cancel.
 */
export function cancelWaitingMessagesStatements(db: Db, batchId: number, now: Date) {
  // Queued covers those waiting for a retry (next_attempt_at later); scheduled, those held by the window.
  const waiting = sql`${smsMessage.batchId} = ${batchId} AND ${smsMessage.status} IN ('queued', 'scheduled')
    AND EXISTS (SELECT 1 FROM sms_batch b WHERE b.id = ${batchId} AND b.status = 'cancelled')`;
  return [
    db.run(sql`INSERT INTO sms_event (message_id, type, from_status, to_status, detail, at)
      SELECT ${smsMessage.id}, 'transition', ${smsMessage.status}, 'cancelled', json_object('reason', 'batch_cancelled', 'batchId', ${batchId}), ${now.getTime()}
      FROM ${smsMessage} WHERE ${waiting}`),
    db.update(smsMessage).set({ status: "cancelled", nextAttemptAt: null, updatedAt: now, finalAt: now }).where(waiting),
  ] as const;
}

/** Cancels the batch: recipients not yet sent never will be, and waiting messages are cancelled. */
export async function cancelBatch(ctx: ServiceContext, input: BatchIdInput): Promise<BatchOutput & { cancelledMessages: number }> {
  requirePermission(ctx, "batches.send");
  const { batchId } = parseInput(batchIdInput, input);
  const now = new Date();
  const [rows, , cancelled] = await ctx.db.batch([
    ctx.db
      .update(smsBatch)
      .set({ status: "cancelled", finishedAt: now, updatedAt: now })
      .where(and(eq(smsBatch.id, batchId), inArray(smsBatch.status, ["scheduled", "queued", "running", "paused"])))
      .returning(),
    ...cancelWaitingMessagesStatements(ctx.db, batchId, now),
  ]);
  if (!rows[0]) refuse(await findBatch(ctx.db, batchId), { cancelled: "O lote já foi cancelado." });
  await writeAudit(ctx, "sms_batch.cancel", "sms_batch", batchId, { cancelledMessages: cancelled.rowsAffected });
  return { ...(await loadBatchOutput(ctx.db, batchId)), cancelledMessages: cancelled.rowsAffected };
}

/**
 * "Reenviar falhas": recipients whose current message ended failed or undelivered get a new attempt
 * (message_id back to null, attempt + 1, so the sender creates a new message under the key
 * batch:{id}:{phone}:{attempt}; the old message stays in the history). A done batch goes back to
 * queued; a paused one stays paused until resumed. The caller requests the sending again.
 */
export async function resendFailed(ctx: ServiceContext, input: BatchIdInput): Promise<BatchOutput & { resent: number }> {
  requirePermission(ctx, "batches.send");
  const { batchId } = parseInput(batchIdInput, input);
  const current = await findBatch(ctx.db, batchId);
  const waitMsg = "O lote ainda está enviando: pause-o ou aguarde terminar para reenviar as falhas.";
  if (current.status !== "done" && current.status !== "paused") {
    refuse(current, { queued: waitMsg, running: waitMsg, cancelled: "O lote foi cancelado: não há falhas a reenviar." });
  }
  const now = new Date();
  const [reset] = await ctx.db.batch([
    ctx.db.run(sql`UPDATE sms_batch_recipient SET message_id = NULL, attempt = attempt + 1
      WHERE batch_id = ${batchId}
        AND message_id IN (SELECT m.id FROM sms_message m WHERE m.batch_id = ${batchId} AND m.status IN ('failed', 'undelivered'))
        AND EXISTS (SELECT 1 FROM sms_batch b WHERE b.id = ${batchId} AND b.status IN ('done', 'paused'))`),
    ctx.db
      .update(smsBatch)
      .set({ status: "queued", finishedAt: null, updatedAt: now })
      .where(and(
        eq(smsBatch.id, batchId),
        eq(smsBatch.status, "done"),
        sql`EXISTS (SELECT 1 FROM sms_batch_recipient r WHERE r.batch_id = ${batchId} AND r.message_id IS NULL)`,
      )),
  ]);
  if (reset.rowsAffected === 0) {
    const after = await findBatch(ctx.db, batchId);
    if (after.status !== current.status) refuse(after);
    throw conflict("Nenhuma mensagem com falha para reenviar.");
  }
  await writeAudit(ctx, "sms_batch.resend_failed", "sms_batch", batchId, { resent: reset.rowsAffected });
  return { ...(await loadBatchOutput(ctx.db, batchId)), resent: reset.rowsAffected };
}

// Hooks for the sender (jobs layer) -----------------------------------------------------------

/** queued → running when the sender starts (or restarts after resume/re-send); null if not queued. */
export async function markBatchRunning(db: Db, batchId: number): Promise<BatchRow | null> {
  return compareAndSet(db, batchId, ["queued"], { status: "running", startedAt: sql`coalesce(${smsBatch.startedAt}, ${Date.now()})` });
}

/**
 * running → done once every recipient has its message and every message is final; null otherwise
 * (paused, cancelled, recipients pending, or messages waiting for their window, a retry or an operator).
 */
export async function finishBatch(db: Db, batchId: number): Promise<BatchRow | null> {
  const now = new Date();
  const [row] = await db
    .update(smsBatch)
    .set({ status: "done", finishedAt: now, updatedAt: now })
    .where(and(eq(smsBatch.id, batchId), eq(smsBatch.status, "running"), allMessagesFinal(sql`${batchId}`)))
    .returning();
  return row ?? null;
}

/**
 * The queue drain's hook: every running batch whose last messages became final (sent by the drain
 * after their window opened or their retry, cancelled in the Fila, settled by an operator) is done.
 * One statement; returns the ids finished.
 */
export async function settleBatches(db: Db, now = new Date()): Promise<number[]> {
  const rows = await db
    .update(smsBatch)
    .set({ status: "done", finishedAt: now, updatedAt: now })
    .where(and(eq(smsBatch.status, "running"), allMessagesFinal(sql`${smsBatch.id}`)))
    .returning({ id: smsBatch.id });
  return rows.map((r) => r.id);
}

/** scheduled → queued for every batch whose time has come (the queue drain's hook); returns their ids. */
export async function releaseDueBatches(db: Db, now = new Date()): Promise<number[]> {
  const rows = await db
    .update(smsBatch)
    .set({ status: "queued", updatedAt: now })
    .where(and(eq(smsBatch.status, "scheduled"), lte(smsBatch.scheduledAt, now)))
    .returning({ id: smsBatch.id });
  return rows.map((r) => r.id);
}
