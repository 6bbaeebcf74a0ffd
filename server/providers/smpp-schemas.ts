/**
 * SMPP account settings with pt-BR messages for the account form. Pure zod, no Node imports, so the
 * form can use it too (server/providers/smpp.ts re-exports both schemas).
 */
import { z } from "zod";

// Form fields arrive as "" when left blank; an optional setting treats that as absent.
const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const required = (message: string) => z.string({ error: message }).refine((v) => v.trim() !== "", { error: message });
const byte = (label: string) =>
  z
    .number({ error: `Informe o ${label} (0 a 255).` })
    .int({ error: `O ${label} deve ser um número inteiro.` })
    .min(0, { error: `O ${label} vai de 0 a 255.` })
    .max(255, { error: `O ${label} vai de 0 a 255.` });
const millis = (label: string, min: number, max: number, fallback: number) =>
  z
    .number({ error: `Informe ${label} em milissegundos.` })
    .int({ error: `Use um número inteiro de milissegundos para ${label}.` })
    .min(min, { error: `O mínimo para ${label} é ${min} ms.` })
    .max(max, { error: `O máximo para ${label} é ${max} ms.` })
    .default(fallback);

export const SMPP_LONG_MESSAGE_MODES = ["payload", "udh"] as const;

export const smppConfigSchema = z.object({
  host: required("Informe o endereço do servidor SMPP.").transform((s) => s.trim()),
  port: z
    .number({ error: "Informe a porta SMPP." })
    .int({ error: "A porta deve ser um número inteiro." })
    .min(1, { error: "Porta inválida." })
    .max(65535, { error: "Porta inválida." })
    .default(2775),
  /** bind system_type; most Brazilian SMSCs want it empty. SMPP allows 12 characters. */
  systemType: z.preprocess(blank, z.string().max(12, { error: "O system_type tem no máximo 12 caracteres." }).optional()),
  /** Sender (source_addr); falls back to the account's sender. SMPP allows 20 characters. */
  sourceAddr: z.preprocess(blank, z.string().trim().max(20, { error: "O remetente (source_addr) tem no máximo 20 caracteres." }).optional()),
  /** Derived from the sender when absent: alphanumeric 5/0, a full number 1/1, a short code 0/0. */
  sourceTon: byte("TON de origem").optional(),
  sourceNpi: byte("NPI de origem").optional(),
  /** International (1/1) with "55DDDNUMBER"; national (2) sends "DDDNUMBER". */
  destTon: byte("TON de destino").default(1),
  destNpi: byte("NPI de destino").default(1),
  enquireLinkMs: millis("o intervalo do enquire_link", 10, 600_000, 30_000),
  submitTimeoutMs: millis("a espera do submit_sm_resp", 10, 120_000, 10_000),
  /** Connect + bind_transceiver_resp, and how long a send waits for a bound session. */
  bindTimeoutMs: millis("a espera do bind", 10, 120_000, 10_000),
  /** First reconnect delay; doubles up to reconnectMaxMs (with jitter). */
  reconnectBaseMs: millis("o primeiro intervalo de reconexão", 1, 60_000, 500),
  reconnectMaxMs: millis("o intervalo máximo de reconexão", 1, 600_000, 30_000),
  longMessages: z.enum(SMPP_LONG_MESSAGE_MODES, { error: "Textos longos: escolha message_payload ou UDH." }).default("payload"),
  tls: z.boolean({ error: "Indique se a conexão usa TLS." }).default(false),
  /** Receipt dates (YYMMDDhhmm) carry no zone; Brasília time (UTC−3, no DST since 2019) by default. */
  receiptUtcOffsetMinutes: z
    .number({ error: "Informe o fuso dos recibos em minutos (ex.: -180)." })
    .int({ error: "O fuso dos recibos deve ser um número inteiro de minutos." })
    .min(-720, { error: "Fuso dos recibos inválido." })
    .max(840, { error: "Fuso dos recibos inválido." })
    .default(-180),
});
export type SmppConfig = z.output<typeof smppConfigSchema>;

export const smppCredentialsSchema = z.object({
  systemId: required("Informe o system_id."),
  password: required("Informe a senha SMPP."),
});
export type SmppCredentials = z.output<typeof smppCredentialsSchema>;
