import { z } from "zod";
import { jsonTextCheck, lineText, multilineText } from "@/server/lib/clean-text";
import { PROVIDER_KINDS } from "@/db/schema/constants";

export const accountOutput = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(PROVIDER_KINDS),
  sender: z.string().nullable(),
  config: z.record(z.string(), z.unknown()),
  /** Masked only: the real credentials never leave the server. */
  credentialsMasked: z.record(z.string(), z.string()),
  webhookUrl: z.string(),
  ratePerSecond: z.number(),
  /** "Enviar sem acentos": texts go transliterated to GSM-7 (160 characters per SMS). */
  stripAccents: z.boolean(),
  isDefault: z.boolean(),
  active: z.boolean(),
  createdAt: z.date(),
});
export type AccountOutput = z.output<typeof accountOutput>;

const base = {
  name: lineText().trim().min(2, "Informe um nome para a conta.").max(60, "Nome muito longo."),
  sender: lineText()
    .trim()
    .max(20, "O remetente aceita no máximo 20 caracteres.")
    .transform((s) => s || null)
    .nullish(),
  ratePerSecond: z.number().int("Use um número inteiro.").min(1, "Mínimo de 1 mensagem por segundo.").max(10_000, "Máximo de 10.000 mensagens por segundo."),
  // Checked field by field by the provider kind's schema; here only free of control characters.
  config: z.record(lineText(), z.unknown()).check(jsonTextCheck).default({}),
  /** Most Brazilian gateways deliver without accents; on by default, so a Portuguese text is one SMS of 160. */
  stripAccents: z.boolean("Enviar sem acentos deve ser sim ou não.").default(true),
};

export const createAccountInput = z.object({
  ...base,
  kind: z.enum(PROVIDER_KINDS, "Escolha o tipo de conta."),
  credentials: z.record(lineText(), lineText()).default({}),
  isDefault: z.boolean().default(false),
});
export type CreateAccountInput = z.input<typeof createAccountInput>;

export const updateAccountInput = z.object({
  id: z.number().int().positive(),
  ...base,
  /** Only the credentials typed again are replaced; an empty or missing field keeps the stored one. */
  credentials: z.record(lineText(), lineText()).default({}),
});
export type UpdateAccountInput = z.input<typeof updateAccountInput>;

export const accountIdInput = z.object({ id: z.number().int().positive() });
export const setAccountActiveInput = z.object({ id: z.number().int().positive(), active: z.boolean() });

/** The text of "Testar" unless the admin writes another. */
export const DEFAULT_TEST_TEXT = "Teste do Painel de SMS.";

export const testAccountInput = z.object({
  id: z.number().int().positive(),
  phone: lineText().trim().min(1, "Informe o número para o teste."),
  text: multilineText().trim().min(1, "Informe o texto do teste.").max(160, "O teste aceita no máximo 160 caracteres.").default(DEFAULT_TEST_TEXT),
  idempotencyKey: z.uuid("Chave de idempotência inválida."),
});
