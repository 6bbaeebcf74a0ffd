/**
 * What an operator does with a pending message: cancel it, send it at the next drain, or settle
 * one left in doubt. Each is a compare-and-set through the ledger: if the message changed since the
 * operator looked (the drain took it, a report arrived, someone else acted), nothing changes and
 * the operator is told so in Portuguese.
 */
import type { Db } from "@/db/client";
import type { SmsStatus } from "@/db/schema/constants";
import { STATUS_LABELS } from "@/server/sms/status";
import { writeAudit } from "../audit";
import { parseInput } from "../batches/parse";
import { conflict, invalid, notFound } from "../errors";
import { formatPanelTime, sendAtProblem } from "../batches/send-at";
import { settleBatches } from "../batches/controls";
import { getMessage, type MessageRow, transition } from "../sms/ledger";
import { windowOf } from "./drain";
import {
  type QueueActionInput,
  queueActionInput,
  type QueueActionOutput,
  type RescheduleQueuedInput,
  rescheduleQueuedInput,
  type ResolveInDoubtInput,
  resolveInDoubtInput,
} from "./schemas";
import { requirePermission } from "@/server/services/permissions";
import { actorStamp, type ServiceContext } from "@/server/services/context";


const out = (m: MessageRow, windowClosed: string | null = null): QueueActionOutput => ({ id: m.id, status: m.status, nextAttemptAt: m.nextAttemptAt, windowClosed });

async function load(db: Db, id: number): Promise<MessageRow> {
  const m = await getMessage(db, id);
  if (!m) throw notFound("Mensagem não encontrada.");
  return m;
}

/** The refusal when the message is no longer where the operator saw it. */
async function changedMeanwhile(db: Db, id: number): Promise<never> {
  const now = await load(db, id);
  throw conflict(`Esta mensagem mudou enquanto você decidia (agora: ${STATUS_LABELS[now.status]}). Nada foi alterado; confira a fila atualizada.`);
}

function refuseUnless(seen: SmsStatus, allowed: readonly SmsStatus[], message: string) {
  if (!allowed.includes(seen)) throw conflict(message);
}

/** Cancels a message that has not been sent: queued, scheduled or in doubt (never one being sent). */
export async function cancelQueued(ctx: ServiceContext, input: QueueActionInput): Promise<QueueActionOutput> {
  requirePermission(ctx, "queue.manage");
  const { id, status } = parseInput(queueActionInput, input);
  refuseUnless(status, ["queued", "scheduled", "in_doubt"], "Uma mensagem sendo enviada não pode ser cancelada; aguarde o resultado.");
  const row = await transition(ctx.db, id, status, "cancelled", { nextAttemptAt: null, leaseUntil: null }, { reason: "operator_cancel", ...actorStamp(ctx.actor) });
  if (!row) return changedMeanwhile(ctx.db, id);
  await writeAudit(ctx, "queue.cancel", "sms_message", id, { from: status });
  // The batch's last waiting message may be this one: its batch is done now, not at the next drain.
  if (row.batchId !== null) await settleBatches(ctx.db);
  return out(row);
}

/**
 * "Tentar agora": due at once, so the next drain (or "Processar fila agora") takes it. Outside the
 * message's send window the law still holds: it goes at the window's opening, and the operator is
 * told when instead of being promised the next drain.
 */
export async function retryNow(ctx: ServiceContext, input: QueueActionInput): Promise<QueueActionOutput> {
  requirePermission(ctx, "queue.manage");
  const now = ctx.now();
  const { id, status } = parseInput(queueActionInput, input);
  refuseUnless(status, ["queued", "scheduled"], "Só mensagens na fila ou agendadas podem ser antecipadas.");
  const by = actorStamp(ctx.actor);
  const seen = await load(ctx.db, id);
  if (seen.status !== status) return changedMeanwhile(ctx.db, id);
  const { uf, state } = await windowOf(ctx.db, seen, now);
  if (!state.open) {
    const notice = `Fora do horário permitido para ${uf}: sai ${formatPanelTime(state.nextOpening, { at: true, now })}.`;
    // Already scheduled for that opening: nothing to change.
    const unchanged = status === "scheduled" && seen.nextAttemptAt?.getTime() === state.nextOpening.getTime();
    const row = unchanged
      ? seen
      : await transition(
          ctx.db, id, status, "scheduled",
          { nextAttemptAt: state.nextOpening, lastErrorCode: "send_window", lastErrorMessage: state.reason },
          { reason: "retry_now_window_closed", nextOpening: state.nextOpening.toISOString(), ...by },
        );
    if (!row) return changedMeanwhile(ctx.db, id);
    await writeAudit(ctx, "queue.retry_now", "sms_message", id, { from: status, windowClosed: true });
    return out(row, notice);
  }
  const row = await transition(ctx.db, id, status, "queued", { nextAttemptAt: now }, { reason: "retry_now", ...by });
  if (!row) return changedMeanwhile(ctx.db, id);
  await writeAudit(ctx, "queue.retry_now", "sms_message", id, { from: status });
  return out(row);
}

/**
 * Scheduled by a person with "Agendar" (individual SMS) and not tried yet: no attempt, no deferral
 * by the send window or a failure. Those held by the law or a retry keep the time the sender chose.
 */
export function isOperatorScheduled(m: { origin: string; status: string; attempts: number; lastErrorCode: string | null }): boolean {
  return m.origin === "individual" && m.status === "scheduled" && m.attempts === 0 && m.lastErrorCode === null;
}

/** "Alterar horário": a scheduled individual SMS goes at another time, until the drain takes it. */
export async function rescheduleQueued(ctx: ServiceContext, input: RescheduleQueuedInput): Promise<QueueActionOutput> {
  requirePermission(ctx, "queue.manage");
  const { id, sendAt } = parseInput(rescheduleQueuedInput, input);
  const problem = sendAtProblem(sendAt);
  if (problem) throw invalid(problem, { sendAt: problem });
  const seen = await load(ctx.db, id);
  if (seen.status !== "scheduled") return changedMeanwhile(ctx.db, id);
  if (!isOperatorScheduled(seen)) throw conflict("Só o horário de um SMS individual agendado pode ser alterado; esta mensagem aguarda o horário permitido ou uma nova tentativa.");
  const row = await transition(
    ctx.db, id, "scheduled", "scheduled", { nextAttemptAt: sendAt },
    { reason: "operator_reschedule", from: seen.nextAttemptAt?.toISOString() ?? null, sendAt: sendAt.toISOString(), ...actorStamp(ctx.actor) },
  );
  if (!row) return changedMeanwhile(ctx.db, id);
  await writeAudit(ctx, "queue.reschedule", "sms_message", id, { from: seen.nextAttemptAt?.toISOString() ?? null, to: sendAt.toISOString() });
  return out(row);
}

/**
 * An in_doubt message: the provider may or may not have it. The operator checked the provider's
 * panel (or the customer) and says it went out, or sends it again accepting a possible duplicate.
 */
export async function resolveInDoubt(ctx: ServiceContext, input: ResolveInDoubtInput): Promise<QueueActionOutput> {
  requirePermission(ctx, "queue.manage");
  const data = parseInput(resolveInDoubtInput, input);
  const by = actorStamp(ctx.actor);
  if (data.action === "sendAgain" && !data.confirmDuplicate) {
    const message = "Confirme que aceita o risco de o cliente receber a mensagem duas vezes.";
    throw invalid(message, { confirmDuplicate: message });
  }
  const now = new Date();
  const row =
    data.action === "markSent"
      ? await transition(ctx.db, data.id, "in_doubt", "sent", { sentAt: now, leaseUntil: null }, { reason: "operator_marked_sent", ...by })
      : await transition(ctx.db, data.id, "in_doubt", "queued", { nextAttemptAt: now, leaseUntil: null }, { reason: "operator_send_again", acceptedDuplicate: true, ...by });
  if (!row) return changedMeanwhile(ctx.db, data.id);
  await writeAudit(ctx, data.action === "markSent" ? "queue.mark_sent" : "queue.send_again", "sms_message", data.id, {});
  if (row.batchId !== null && row.status === "sent") await settleBatches(ctx.db);
  return out(row);
}
