/**
 * Inputs and outputs of the message history ("histórico de mensagens"). Browser-safe: the grids
 * build their filters with these shapes, and the CSV export parses its query string with them.
 */
import { z } from "zod";
import { SMS_ENCODINGS, SMS_ORIGINS, SMS_STATUSES } from "@/db/schema/constants";

export const MESSAGE_PAGE_SIZE = 25;
export const MESSAGE_PAGE_MAX = 100;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isoDate = (message: string) =>
  z
    .string(message)
    .regex(DATE, message)
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), message);

/** The filters shared by the grid and the CSV export. Dates are calendar days in America/Sao_Paulo. */
export const messageFiltersShape = {
  from: isoDate("Data inicial inválida (use o formato AAAA-MM-DD).").nullish(),
  to: isoDate("Data final inválida (use o formato AAAA-MM-DD).").nullish(),
  statuses: z.array(z.enum(SMS_STATUSES, "Situação inválida.")).max(SMS_STATUSES.length).nullish(),
  customerId: z.number().int().positive("Cliente inválido.").nullish(),
  operatorId: z.string().trim().min(1).max(100).nullish(),
  origin: z.enum(SMS_ORIGINS, "Origem inválida.").nullish(),
  phone: z.string().trim().max(30, "O telefone da busca aceita no máximo 30 caracteres.").nullish(),
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
    cursor: z.string().regex(MESSAGE_CURSOR, "Página inválida.").nullish(),
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
