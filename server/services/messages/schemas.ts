/**
 * Inputs and outputs of the message history ("histórico de mensagens"). Browser-safe: the grids
 * build their filters with these shapes, and the CSV export parses its query string with them.
 */
import { z } from "zod";
import { lineText } from "@/server/lib/clean-text";
import { SMS_CATEGORIES, SMS_ENCODINGS, SMS_ORIGINS, SMS_STATUSES } from "@/db/schema/constants";

export const MESSAGE_PAGE_SIZE = 25;
export const MESSAGE_PAGE_MAX = 100;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isoDate = (message: string) =>
  lineText(message)
    .regex(DATE, message)
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), message);

/** The filters shared by the grid and the CSV export. Dates are calendar days in America/Sao_Paulo. */
export const messageFiltersShape = {
  from: isoDate("Data inicial inválida (use o formato AAAA-MM-DD).").nullish(),
  to: isoDate("Data final inválida (use o formato AAAA-MM-DD).").nullish(),
  statuses: z.array(z.enum(SMS_STATUSES, "Situação inválida.")).max(SMS_STATUSES.length).nullish(),
  customerId: z.number().int().positive("Cliente inválido.").nullish(),
  operatorId: lineText().trim().min(1).max(100).nullish(),
  origin: z.enum(SMS_ORIGINS, "Origem inválida.").nullish(),
  phone: lineText().trim().max(30, "O telefone da busca aceita no máximo 30 caracteres.").nullish(),
};

function refinePeriod(v: { from?: string | null; to?: string | null }, ctx: z.RefinementCtx) {
  if (v.from && v.to && v.from > v.to) ctx.addIssue({ code: "custom", path: ["to"], message: "A data final deve ser igual ou posterior à inicial." });
}

export const messageFiltersInput = z.object(messageFiltersShape).superRefine(refinePeriod);
export type MessageFiltersInput = z.input<typeof messageFiltersInput>;
export type MessageFilters = z.output<typeof messageFiltersInput>;

/** Keyset cursor on (createdAt, id): "<createdAt ms>_<id>" of the last row of the previous page. */
export const MESSAGE_CURSOR = /^(\d{1,15})_(\d{1,15})$/;

export const listMessagesInput = z
  .object({
    ...messageFiltersShape,
    cursor: lineText().regex(MESSAGE_CURSOR, "Página inválida.").nullish(),
    limit: z.number().int().min(1).max(MESSAGE_PAGE_MAX).default(MESSAGE_PAGE_SIZE),
  })
  .superRefine(refinePeriod);
export type ListMessagesInput = z.input<typeof listMessagesInput>;

export const messageRowOutput = z.object({
  id: z.number(),
  createdAt: z.date(),
  customer: z.object({ id: z.number(), name: z.string(), code: z.string() }).nullable(),
  phone: z.object({ e164: z.string(), national: z.string() }),
  motivo: z.string(),
  operator: z.object({ id: z.string(), name: z.string() }).nullable(),
  origin: z.enum(SMS_ORIGINS),
  status: z.enum(SMS_STATUSES),
  sentAt: z.date().nullable(),
  finalAt: z.date().nullable(),
  segments: z.number(),
  encoding: z.enum(SMS_ENCODINGS),
  body: z.string(),
  errorMessage: z.string().nullable(),
});
export type MessageRowOutput = z.output<typeof messageRowOutput>;

export const listMessagesOutput = z.object({ items: z.array(messageRowOutput), nextCursor: z.string().nullable() });
export type ListMessagesOutput = z.output<typeof listMessagesOutput>;

export const messageOperatorsOutput = z.array(z.object({ id: z.string(), name: z.string() }));
export type MessageOperatorsOutput = z.output<typeof messageOperatorsOutput>;

export const getMessageInput = z.object({ id: z.number("Mensagem inválida.").int().positive("Mensagem inválida.") });
export type GetMessageInput = z.input<typeof getMessageInput>;

export const MESSAGE_EVENT_TYPES = ["created", "transition", "attempt", "report", "note"] as const;

/**
 * One step of a message's life. Only the facts the page shows are picked out of the stored detail
 * (never the detail itself), so whatever a writer adds to it later cannot reach the browser.
 */
export const messageEventOutput = z.object({
  id: z.number(),
  at: z.date(),
  type: z.enum(MESSAGE_EVENT_TYPES),
  from: z.enum(SMS_STATUSES).nullable(),
  to: z.enum(SMS_STATUSES).nullable(),
  /** Which send attempt this claim started (1-based). */
  attempt: z.number().nullable(),
  providerMessageId: z.string().nullable(),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  /** Why the move happened: send_window, retry_now, operator_cancel, batch_cancelled, lease_expired… */
  reason: z.string().nullable(),
  /** The window opening or the retry time this move waits for. */
  waitUntil: z.date().nullable(),
  /** When the provider says it happened (delivery reports). */
  occurredAt: z.date().nullable(),
  /** The person who did it, for operator actions. */
  byName: z.string().nullable(),
});
export type MessageEventOutput = z.output<typeof messageEventOutput>;

export const messageDetailOutput = messageRowOutput.extend({
  category: z.enum(SMS_CATEGORIES),
  characters: z.number(),
  batchId: z.number().nullable(),
  account: z.object({ name: z.string() }).nullable(),
  providerMessageId: z.string().nullable(),
  attempts: z.number(),
  nextAttemptAt: z.date().nullable(),
  events: z.array(messageEventOutput),
});
export type MessageDetailOutput = z.output<typeof messageDetailOutput>;
