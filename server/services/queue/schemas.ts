import { z } from "zod";
import { SMS_CATEGORIES, SMS_ORIGINS, SMS_STATUSES } from "@/db/schema/constants";

import { PENDING_STATUSES } from "./pending-statuses";

export { PENDING_STATUSES, type PendingStatus } from "./pending-statuses";

export const QUEUE_PAGE_SIZE = 25;

const messageId = z.number({ error: "Mensagem inválida." }).int().positive();

export const listQueueInput = z.object({
  /** Keyset: the last id of the previous page (oldest first, as the messages entered the queue). */
  cursor: z.number().int().positive().nullish(),
  limit: z.number().int().min(1).max(100).default(QUEUE_PAGE_SIZE),
  status: z.enum(PENDING_STATUSES, { error: "Situação inválida para a fila." }).nullish(),
  origin: z.enum(SMS_ORIGINS, { error: "Origem inválida." }).nullish(),
});
export type ListQueueInput = z.input<typeof listQueueInput>;

export const queueItemOutput = z.object({
  id: z.number(),
  origin: z.enum(SMS_ORIGINS),
  category: z.enum(SMS_CATEGORIES),
  customer: z.object({ id: z.number(), name: z.string(), code: z.string() }).nullable(),
  /** National format, e.g. "(35) 99123-4567". */
  phone: z.string(),
  motivo: z.string(),
  status: z.enum(PENDING_STATUSES),
  attempts: z.number(),
  /** When the drain may take it: the retry time or the send window's opening; null = due now. */
  nextAttemptAt: z.date().nullable(),
  lastError: z.object({ code: z.string().nullable(), message: z.string() }).nullable(),
  batchId: z.number().nullable(),
  createdAt: z.date(),
  /** An individual SMS scheduled with "Agendar" and not yet tried: its time can be changed ("Alterar horário"). */
  reschedulable: z.boolean(),
});
export type QueueItem = z.output<typeof queueItemOutput>;

export const listQueueOutput = z.object({ items: z.array(queueItemOutput), nextCursor: z.number().nullable() });
export type ListQueueOutput = z.output<typeof listQueueOutput>;

/**
 * `status` is the status the operator saw when deciding: a message that changed since then is
 * refused (compare-and-set), so nobody cancels or retries something other than what they looked at.
 */
export const queueActionInput = z.object({ id: messageId, status: z.enum(PENDING_STATUSES, { error: "Situação inválida para a fila." }) });
export type QueueActionInput = z.input<typeof queueActionInput>;

/** "Alterar horário" of an individual SMS scheduled with "Agendar": the new time (São Paulo time on the form). */
export const rescheduleQueuedInput = z.object({ id: messageId, sendAt: z.date("Informe a data e a hora do envio.") });
export type RescheduleQueuedInput = z.input<typeof rescheduleQueuedInput>;

export const IN_DOUBT_ACTIONS = ["markSent", "sendAgain"] as const;

export const resolveInDoubtInput = z.object({
  id: messageId,
  action: z.enum(IN_DOUBT_ACTIONS, { error: "Escolha marcar como enviada ou enviar novamente." }),
  /** Sending again may deliver the SMS twice: the operator must accept that explicitly. */
  confirmDuplicate: z.boolean().default(false),
});
export type ResolveInDoubtInput = z.input<typeof resolveInDoubtInput>;

export const queueActionOutput = z.object({
  id: z.number(),
  status: z.enum(SMS_STATUSES),
  nextAttemptAt: z.date().nullable(),
  /** "Tentar agora" outside the send window: when it goes instead ("Fora do horário permitido para SP: sai seg 07/12 às 08:00."). */
  windowClosed: z.string().nullable(),
});
export type QueueActionOutput = z.output<typeof queueActionOutput>;
