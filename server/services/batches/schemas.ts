/**
 * Inputs and outputs of the batch verbs ("SMS em Lote"). Browser-safe. Inputs keep the form's shape
 * (Prefixo as typed) and have no transforms, so a service can re-parse what a router already parsed;
 * `toBatchFilters` derives the stored filters.
 */
import { z } from "zod";
import { lineText, multilineText } from "@/server/lib/clean-text";
import { SMS_CATEGORIES, SMS_ENCODINGS, SMS_STATUSES } from "@/db/schema/constants";
import { validateTemplate } from "@/server/sms/template";
import { BATCH_MODES, BATCH_STATUSES, type BatchFilters, type BatchMode } from "./constants";

export const PREFIX_MESSAGE = "Prefixo deve ter dígitos separados por vírgula, ou 0 para todos.";
export const PREFIX_NOT_MOBILE_MESSAGE = "Celulares começam com 9: use 9 para todos, ou 99, 98… para escolher pelo dígito seguinte.";

const VALUE_MESSAGES: Readonly<Record<BatchMode, string>> = {
  cidade: "Escolha a cidade.",
  ponto_acesso: "Escolha o ponto de acesso.",
  servidor: "Escolha o servidor.",
  plano: "Escolha o plano de acesso.",
  profile_pagamento: "Escolha o profile de pagamento.",
};

const optionalId = z.number().int().positive().nullish();

/** The most parts any message may take (the admin's setting has the same ceiling). */
export const MAX_PARTS_PER_MESSAGE = 10;

/** The most customers a batch may leave unticked. */
export const MAX_DESELECTED = 100_000;

export type PrefixParse = { ok: true; prefixes: number[] } | { ok: false; message: string };

/**
 * "0" → [] (every mobile); "9, 98" → [9, 98]. A prefix is matched against the subscriber number after
 * +55 and the DDD, so Brazilian mobiles (9 digits starting with 9) are selected by "9" (all), "99",
 * "98"… (by the second digit), "996" (by the first three).
 */
export function parsePrefix(raw: string): PrefixParse {
  const text = raw.trim();
  if (text === "0") return { ok: true, prefixes: [] };
  const parts = text.split(",").map((p) => p.trim());
  if (text === "" || parts.some((p) => !/^[1-9]\d{0,8}$/.test(p))) return { ok: false, message: PREFIX_MESSAGE };
  if (parts.some((p) => !p.startsWith("9"))) return { ok: false, message: PREFIX_NOT_MOBILE_MESSAGE };
  return { ok: true, prefixes: [...new Set(parts.map(Number))] };
}

const draftShape = {
    mode: z.enum(BATCH_MODES, "Escolha o que considerar: cidade, ponto de acesso, servidor, plano ou profile de pagamento."),
    valueId: optionalId,
    neighbourhoodId: optionalId,
    streetId: optionalId,
    prefix: lineText("Prefixo deve ser um texto, como 9 ou 98, 99.").max(200, PREFIX_MESSAGE).default("0"),
    allPhones: z.boolean("Todos os fones deve ser sim ou não.").default(false),
    /** Only read for Cidade: every other mode already requires a connection. */
    withConnection: z.boolean("Com conexão deve ser sim ou não.").default(false),
    motivo: lineText("Informe o motivo do envio.").trim().min(3, "Informe o motivo do envio (pelo menos 3 letras).").max(100, "O motivo aceita no máximo 100 caracteres."),
    message: multilineText("Escreva a mensagem.").min(1, "Escreva a mensagem.").max(2000, "Mensagem longa demais."),
    category: z.enum(SMS_CATEGORIES, "Escolha a categoria: cobrança, aviso, operacional ou marketing.").default("aviso"),
    /** "Permitir até N SMS": the parts this batch allows; absent, the admin's setting. */
    maxParts: z.number("Partes por mensagem inválidas.").int("Partes por mensagem inválidas.").min(1, "Mínimo de 1 SMS por mensagem.").max(MAX_PARTS_PER_MESSAGE, `Máximo de ${MAX_PARTS_PER_MESSAGE} SMS por mensagem.`).nullish(),
    /** "Deixar de fora": recipients whose text would pass the limit are left out instead of refusing the batch. */
    excludeOverLimit: z.boolean("Deixar de fora deve ser sim ou não.").default(false),
    deselectedCustomerIds: z
      .array(z.number().int().positive(), "Lista de clientes desmarcados inválida.")
      .max(MAX_DESELECTED, "Clientes desmarcados demais: refine o filtro em vez de desmarcar.")
      .default([]),
};

type DraftFields = z.output<z.ZodObject<typeof draftShape>>;

function refineDraft(v: DraftFields, ctx: z.RefinementCtx): void {
    if (v.valueId == null) ctx.addIssue({ code: "custom", path: ["valueId"], message: VALUE_MESSAGES[v.mode] });
    if (v.mode !== "cidade") {
      const msg = "Bairro e rua só valem quando Considerar é Cidade.";
      if (v.neighbourhoodId != null) ctx.addIssue({ code: "custom", path: ["neighbourhoodId"], message: msg });
      if (v.streetId != null) ctx.addIssue({ code: "custom", path: ["streetId"], message: msg });
    } else if (v.streetId != null && v.neighbourhoodId == null) {
      ctx.addIssue({ code: "custom", path: ["streetId"], message: "Escolha o bairro antes da rua." });
    }
    const prefix = parsePrefix(v.prefix);
    if (!prefix.ok) ctx.addIssue({ code: "custom", path: ["prefix"], message: prefix.message });
    if (v.message.trim() === "") ctx.addIssue({ code: "custom", path: ["message"], message: "Escreva a mensagem." });
    const template = validateTemplate(v.message);
    if (!template.ok) ctx.addIssue({ code: "custom", path: ["message"], message: template.message });
}

/** The form of "Novo lote" (steps 1 and 2). */
export const batchDraftInput = z.object(draftShape).superRefine(refineDraft);
export type BatchDraftInput = z.input<typeof batchDraftInput>;
export type BatchDraft = z.output<typeof batchDraftInput>;

/** The stored filters of a valid draft. Com conexão is implied (true) outside Cidade. */
export function toBatchFilters(d: BatchDraft): BatchFilters {
  const prefix = parsePrefix(d.prefix);
  const isCity = d.mode === "cidade";
  return {
    mode: d.mode,
    valueId: d.valueId ?? 0,
    neighbourhoodId: isCity ? (d.neighbourhoodId ?? null) : null,
    streetId: isCity ? (d.streetId ?? null) : null,
    prefixes: prefix.ok ? prefix.prefixes : [],
    allPhones: d.allPhones,
    withConnection: isCity ? d.withConnection : true,
  };
}

/** "Avançar": the draft plus the page of recipients wanted (null/absent = first page). */
export const previewBatchInput = z.object({ ...draftShape, cursor: lineText().max(40).nullish() }).superRefine(refineDraft);
export type PreviewBatchInput = z.input<typeof previewBatchInput>;

/** "Agendar": when to send (absent or null: at once). Past times and the 5-minute step are checked by the services (send-at.ts). */
const sendAtField = z.date("Informe a data e a hora do envio.").nullish();

/** "Enviar" (or "Agendar" with `sendAt`). */
export const createBatchInput = z
  .object({ ...draftShape, idempotencyKey: z.uuid("Chave de idempotência inválida."), sendAt: sendAtField })
  .superRefine(refineDraft);
export type CreateBatchInput = z.input<typeof createBatchInput>;

/** The confirmation step's forecast: the draft (with unticked customers) and the chosen send time. */
export const sendForecastInput = z.object({ ...draftShape, sendAt: sendAtField }).superRefine(refineDraft);
export type SendForecastInput = z.input<typeof sendForecastInput>;

/** Editing a scheduled batch before it is released: its time, motivo and message. */
export const updateScheduledBatchInput = z.object({
  batchId: z.number("Lote inválido.").int().positive("Lote inválido."),
  sendAt: z.date("Informe a data e a hora do envio."),
  motivo: draftShape.motivo,
  message: draftShape.message.refine((m) => m.trim() !== "", "Escreva a mensagem."),
});
export type UpdateScheduledBatchInput = z.input<typeof updateScheduledBatchInput>;

export const batchIdInput = z.object({ batchId: z.number("Lote inválido.").int().positive("Lote inválido.") });
export type BatchIdInput = z.input<typeof batchIdInput>;

export const listBatchesInput = z.object({
  cursor: z.number().int().positive().nullish(),
  limit: z.number().int().min(1).max(100).default(20),
  status: z.enum(BATCH_STATUSES).nullish(),
});
export type ListBatchesInput = z.input<typeof listBatchesInput>;

export const listBatchRecipientsInput = batchIdInput.extend({ cursor: z.number().int().nonnegative().nullish() });
export type ListBatchRecipientsInput = z.input<typeof listBatchRecipientsInput>;

// Outputs ------------------------------------------------------------------------------------

export const batchExclusionsOutput = z.object({
  /** Customers without a mobile to use (none at all, or no primary one without Todos os fones). */
  noMobile: z.number(),
  invalidNumber: z.number(),
  prefixNotAccepted: z.number(),
  /** The same number reached through another customer or phone: sent once. */
  duplicateInBatch: z.number(),
  optedOut: z.number(),
  /** Left out because their text passes the parts limit ("deixar de fora"); 0 unless chosen. */
  overLimit: z.number(),
});

export const previewRecipientOutput = z.object({
  customerId: z.number(),
  customerCode: z.string(),
  customerName: z.string(),
  phone: z.string(),
  body: z.string(),
  encoding: z.enum(SMS_ENCODINGS),
  characters: z.number(),
  parts: z.number(),
  withinLimit: z.boolean(),
  /** Why it does not fit, for the operator; null when it fits. */
  limitMessage: z.string().nullable(),
  /** False for customers the operator unticked (they are listed so they can be ticked again). */
  selected: z.boolean(),
});
export type PreviewRecipientOutput = z.output<typeof previewRecipientOutput>;

export const partsEstimateOutput = z.object({
  /** SMS parts of everyone the batch sends to, exact (each recipient's text as it will go out). */
  totalParts: z.number(),
  /** The parts each text may take in this batch. */
  maxParts: z.number(),
  /** Recipients whose text passes maxParts (left out when excludeOverLimit, else they block "Enviar"). */
  overLimit: z.number(),
  /** The most parts any recipient's text takes. */
  neededParts: z.number(),
  /** One of them, to show why: the customer and the reason. */
  overLimitExample: z.object({ customerName: z.string(), message: z.string() }).nullable(),
  /** The account sends without accents ("Enviar sem acentos"). */
  stripAccents: z.boolean(),
});

/** Every customer id the filter finds (to untick them all); `truncated` past the deselection cap. */
export const previewCustomerIdsOutput = z.object({ ids: z.array(z.number()), truncated: z.boolean() });
export type PreviewCustomerIdsOutput = z.output<typeof previewCustomerIdsOutput>;

export const previewRecipientsOutput = z.object({ recipients: z.array(previewRecipientOutput), nextCursor: z.string().nullable() });
export type PreviewRecipientsOutput = z.output<typeof previewRecipientsOutput>;

export const previewBatchOutput = z.object({
  customersFound: z.number(),
  deselectedCustomers: z.number(),
  phonesToSend: z.number(),
  exclusions: batchExclusionsOutput,
  estimate: partsEstimateOutput,
  recipients: z.array(previewRecipientOutput),
  nextCursor: z.string().nullable(),
});
export type PreviewBatchOutput = z.output<typeof previewBatchOutput>;

export const batchProgressOutput = z.object({
  total: z.number(),
  /** Recipients the sender has not turned into messages yet (in a cancelled batch: never will). */
  pending: z.number(),
  byStatus: z.record(z.enum(SMS_STATUSES), z.number()),
  /** Recipients the sender is done with: sent (awaiting a report) or final or in doubt, plus pending ones of a cancelled batch. */
  finished: z.number(),
  /** finished / total, rounded down; 100 for an empty done batch. */
  percent: z.number(),
  /** What a running batch waits for: messages held by their send window, and those waiting for a retry, each with the earliest time. */
  held: z.object({
    window: z.object({ count: z.number(), from: z.date() }).nullable(),
    retry: z.object({ count: z.number(), from: z.date() }).nullable(),
  }),
});
export type BatchProgressOutput = z.output<typeof batchProgressOutput>;

export const batchOutput = z.object({
  id: z.number(),
  status: z.enum(BATCH_STATUSES),
  filters: z.object({
    mode: z.enum(BATCH_MODES),
    valueId: z.number(),
    neighbourhoodId: z.number().nullable(),
    streetId: z.number().nullable(),
    prefixes: z.array(z.number()),
    allPhones: z.boolean(),
    withConnection: z.boolean(),
  }),
  filterSummary: z.string(),
  motivo: z.string(),
  template: z.string(),
  category: z.enum(SMS_CATEGORIES),
  createdBy: z.object({ id: z.string(), name: z.string() }),
  providerAccountId: z.number(),
  deselectedCustomers: z.number(),
  /** The most parts a text may take in this batch; null: the admin's setting. */
  maxParts: z.number().nullable(),
  recipients: z.number(),
  createdAt: z.date(),
  /** When a scheduled batch is released (kept after the release, for the history). */
  scheduledAt: z.date().nullable(),
  startedAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
});
export type BatchOutput = z.output<typeof batchOutput>;

export const batchWithProgressOutput = batchOutput.extend({ progress: batchProgressOutput });
export type BatchWithProgressOutput = z.output<typeof batchWithProgressOutput>;

export const createBatchOutput = z.object({
  batch: batchOutput,
  recipients: z.number(),
  /** True when this request repeated an earlier "Enviar" (same idempotency key). */
  replayed: z.boolean(),
});
export type CreateBatchOutput = z.output<typeof createBatchOutput>;

export const listBatchesOutput = z.object({ items: z.array(batchWithProgressOutput), nextCursor: z.number().nullable() });
export type ListBatchesOutput = z.output<typeof listBatchesOutput>;

export const batchRecipientOutput = z.object({
  id: z.number(),
  customerId: z.number().nullable(),
  customerCode: z.string().nullable(),
  customerName: z.string().nullable(),
  phone: z.string(),
  attempt: z.number(),
  messageId: z.number().nullable(),
  /** null while the sender has not created the message. */
  status: z.enum(SMS_STATUSES).nullable(),
  errorMessage: z.string().nullable(),
  /** The message's text, or (before the sender created it) the batch's template rendered for this customer. */
  body: z.string(),
});
export const listBatchRecipientsOutput = z.object({ items: z.array(batchRecipientOutput), nextCursor: z.number().nullable() });
export type ListBatchRecipientsOutput = z.output<typeof listBatchRecipientsOutput>;

export const sendForecastOutput = z.object({
  /** Every filter chosen, as the operator reads it ("Bairro": "Centro"). */
  filters: z.array(z.object({ label: z.string(), value: z.string() })),
  /** The moment the forecast is for: now, or the scheduled time. */
  at: z.date(),
  /** Whether the message type waits for the send windows at all (operational notices do not). */
  windowBound: z.boolean(),
  recipients: z.number(),
  /** Recipients outside their window at `at`. */
  outside: z.number(),
  /** Per UF and time zone: how many, and when the window next opens (null: open at `at`). */
  places: z.array(z.object({ uf: z.string(), timeZone: z.string(), count: z.number(), opensAt: z.date().nullable() })),
});
export type SendForecastOutput = z.output<typeof sendForecastOutput>;
