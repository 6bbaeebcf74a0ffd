/**
 * Settings per provider kind: `config` (non-secret) and `credentials` (secret, strings only), with
 * pt-BR messages for the account form. Pure zod, no server imports: the browser may use it too.
 */
import { z } from "zod";
import type { ProviderKind } from "@/db/schema/constants";
import { NUMBER_FORMATS } from "./format";
import { smppConfigSchema, smppCredentialsSchema } from "./smpp-schemas";

export const PROVIDER_LABELS: Record<ProviderKind, string> = {
  sandbox: "Sandbox (não envia SMS reais)",
  zenvia: "Zenvia",
  twilio: "Twilio",
  infobip: "Infobip",
  kannel: "Kannel",
  smpp: "SMPP",
  http: "Gateway HTTP genérico",
};

// Form fields arrive as "" when left blank; an optional setting treats that as absent.
const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
// Checked, not trimmed: a secret keeps its exact bytes.
const required = (message: string) => z.string({ error: message }).refine((v) => v.trim() !== "", { error: message });
const optionalText = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());
const httpUrl = (message: string) => z.url({ protocol: /^https?$/, error: message });
const numberFormat = z.enum(NUMBER_FORMATS, { error: "Formato de número inválido." });

function isValidRegex(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

export const sandboxConfigSchema = z.object({
  failureRate: z
    .number({ error: "A taxa de falha deve ser um número entre 0 e 1." })
    .min(0, { error: "A taxa de falha deve ser um número entre 0 e 1." })
    .max(1, { error: "A taxa de falha deve ser um número entre 0 e 1." })
    .default(0),
  deliveryDelayMs: z
    .number({ error: "Informe o atraso do relatório de entrega em milissegundos." })
    .int({ error: "O atraso deve ser um número inteiro de milissegundos." })
    .min(0, { error: "O atraso não pode ser negativo." })
    .max(600_000, { error: "O atraso máximo é de 10 minutos." })
    .default(1500),
  invalidNumbers: z.array(z.string(), { error: "Informe os números inválidos como uma lista." }).default([]),
  /** Makes failureRate deterministic (tests, demos). */
  seed: z.number({ error: "A semente deve ser um número inteiro." }).int({ error: "A semente deve ser um número inteiro." }).optional(),
  /** First backoff step when our own webhook does not answer 2xx. */
  callbackRetryMs: z.number().int().min(1).max(60_000).default(1000),
});
export const sandboxCredentialsSchema = z.object({});

export const zenviaConfigSchema = z.object({
  baseUrl: httpUrl("Informe uma URL http(s) válida para a API da Zenvia.").default("https://api.zenvia.com"),
});
export const zenviaCredentialsSchema = z.object({ apiToken: required("Informe o token da API.") });

export const twilioConfigSchema = z.object({
  baseUrl: httpUrl("Informe uma URL http(s) válida para a API da Twilio.").default("https://api.twilio.com"),
  messagingServiceSid: optionalText(
    z.string().regex(/^MG[0-9a-fA-F]{32}$/, { error: "O Messaging Service SID começa com MG seguido de 32 caracteres hexadecimais." }),
  ),
});
export const twilioCredentialsSchema = z
  .object({
    accountSid: required("Informe o Account SID.").regex(/^AC[0-9a-fA-F]{32}$/, {
      error: "O Account SID começa com AC seguido de 32 caracteres hexadecimais.",
    }),
    // The Auth Token is needed even with an API key: Twilio signs webhooks with it.
    authToken: required("Informe o Auth Token (usado também para validar os webhooks)."),
    apiKeySid: optionalText(z.string().regex(/^SK[0-9a-fA-F]{32}$/, { error: "O SID da API key começa com SK seguido de 32 caracteres hexadecimais." })),
    apiKeySecret: optionalText(z.string()),
    /** SharedKey secret of a Webhook Setting: Twilio then signs webhooks with it (HMAC-SHA256). */
    webhookSharedKey: optionalText(z.string()),
  })
  .refine((c) => !c.apiKeySid === !c.apiKeySecret, { error: "Informe o SID e o segredo da API key juntos.", path: ["apiKeySecret"] });

export const infobipConfigSchema = z.object({
  baseUrl: httpUrl("Informe a URL base da sua conta Infobip (ex.: https://xxxxx.api.infobip.com)."),
  /** Infobip caps the validity period at 48 hours. */
  validityHours: z
    .number({ error: "A validade deve ser um número de horas." })
    .int({ error: "A validade deve ser um número inteiro de horas." })
    .min(1, { error: "A validade mínima é de 1 hora." })
    .max(48, { error: "A validade máxima é de 48 horas." })
    .optional(),
  /** Lets Infobip replace accented letters (ã → a) so the text fits GSM-7. */
  transliteration: z.boolean({ error: "Indique se a transliteração deve ser usada." }).default(false),
});
export const infobipCredentialsSchema = z.object({ apiKey: required("Informe a chave da API (API key).") });

export const kannelConfigSchema = z.object({
  baseUrl: httpUrl("Informe a URL do smsbox do Kannel (ex.: http://127.0.0.1:13013)."),
  numberFormat: numberFormat.default("international-digits"),
  /** Forces an SMSC route (Kannel's `smsc` parameter). */
  smsc: optionalText(z.string()),
  /** smsbox `global-sender` or the sendsms-user's `default-sender` is set: sends may omit `from`. */
  hasDefaultSender: z.boolean({ error: "Indique se o Kannel tem remetente padrão." }).default(false),
});
export const kannelCredentialsSchema = z.object({
  username: required("Informe o usuário do sendsms."),
  password: required("Informe a senha do sendsms."),
});

const successCodes = z.array(z.number().int().min(100).max(599), { error: "Informe os códigos HTTP de sucesso." });
export const responseMatcherSchema = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.literal("status"), codes: successCodes.min(1, { error: "Informe ao menos um código HTTP." }) }),
    z.object({ type: z.literal("contains"), text: required("Informe o texto esperado na resposta.") }),
    z.object({
      type: z.literal("json"),
      path: required("Informe o campo JSON da resposta (ex.: situacao)."),
      equals: z.union([z.string(), z.number(), z.boolean()], { error: "Informe o valor esperado no campo JSON." }),
    }),
    z.object({
      type: z.literal("regex"),
      pattern: required("Informe a expressão regular.").refine(isValidRegex, { error: "Expressão regular inválida." }),
    }),
  ],
  { error: "Escolha como reconhecer a resposta (status, texto, JSON ou expressão regular)." },
);
export type ResponseMatcher = z.output<typeof responseMatcherSchema>;

export const HTTP_GATEWAY_CONTENT_TYPES = ["application/json", "application/x-www-form-urlencoded", "text/plain"] as const;

export const httpGatewayConfigSchema = z
  .object({
    url: httpUrl("Informe a URL do gateway (http ou https)."),
    method: z.enum(["GET", "POST"], { error: "O método deve ser GET ou POST." }).default("POST"),
    contentType: z.enum(HTTP_GATEWAY_CONTENT_TYPES, { error: "Tipo de conteúdo não suportado." }).default("application/json"),
    headers: z
      .record(z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, { error: "Nome de cabeçalho inválido." }), z.string({ error: "Valor de cabeçalho inválido." }))
      .default({}),
    bodyTemplate: optionalText(z.string()),
    queryTemplate: optionalText(z.string()),
    successMatcher: responseMatcherSchema,
    /** Optional: recognises the gateway's "invalid number" answer (otherwise it is a plain rejection). */
    invalidNumberMatcher: responseMatcherSchema.optional(),
    messageIdPath: optionalText(z.string()),
    numberFormat: numberFormat.default("international-digits"),
  })
  .refine((c) => c.method === "GET" || c.bodyTemplate !== undefined, {
    error: "Informe o modelo do corpo da requisição (POST).",
    path: ["bodyTemplate"],
  });
export const httpGatewayCredentialsSchema = z.object({
  user: optionalText(z.string()),
  password: optionalText(z.string()),
  token: optionalText(z.string()),
});

export const providerConfigSchemas = {
  sandbox: sandboxConfigSchema,
  zenvia: zenviaConfigSchema,
  twilio: twilioConfigSchema,
  infobip: infobipConfigSchema,
  kannel: kannelConfigSchema,
  smpp: smppConfigSchema,
  http: httpGatewayConfigSchema,
} satisfies Record<ProviderKind, z.ZodType>;

export const providerCredentialSchemas = {
  sandbox: sandboxCredentialsSchema,
  zenvia: zenviaCredentialsSchema,
  twilio: twilioCredentialsSchema,
  infobip: infobipCredentialsSchema,
  kannel: kannelCredentialsSchema,
  smpp: smppCredentialsSchema,
  http: httpGatewayCredentialsSchema,
} satisfies Record<ProviderKind, z.ZodType>;

export type SandboxConfig = z.output<typeof sandboxConfigSchema>;
export type HttpGatewayConfig = z.output<typeof httpGatewayConfigSchema>;
export type HttpGatewayConfigInput = z.input<typeof httpGatewayConfigSchema>;

const SENDER_REQUIRED = {
  zenvia: "A Zenvia exige o remetente (from) em todo envio: informe o remetente da conta.",
  twilio: "A Twilio exige um remetente: informe o número Twilio (ex.: +5511912345678) ou um Messaging Service SID.",
  kannel: "Sem remetente padrão (global-sender) o Kannel recusa todo envio sem remetente: informe o remetente ou marque \"O Kannel tem remetente padrão\".",
  http: "O modelo do gateway usa {sender}: informe o remetente.",
} as const;

const usesSender = (c: Record<string, unknown>) =>
  [c.url, c.queryTemplate, c.bodyTemplate, ...Object.values(typeof c.headers === "object" && c.headers ? c.headers : {})].some((v) => typeof v === "string" && v.includes("{sender}"));

/**
 * Why an account cannot send without a sender, when the provider's contract requires one (Zenvia's
 * `from`; Twilio's From or a Messaging Service; Kannel without a global/default sender; a gateway
 * template using {sender}); undefined when the sender is there or optional (Infobip, SMPP, sandbox).
 */
export function senderRequirement(kind: ProviderKind, config: unknown, sender: string | null | undefined): string | undefined {
  if (sender && sender.trim() !== "") return undefined;
  const c = (typeof config === "object" && config !== null ? config : {}) as Record<string, unknown>;
  switch (kind) {
    case "zenvia":
      return SENDER_REQUIRED.zenvia;
    case "twilio":
      return typeof c.messagingServiceSid === "string" && c.messagingServiceSid.trim() !== "" ? undefined : SENDER_REQUIRED.twilio;
    case "kannel":
      return c.hasDefaultSender === true ? undefined : SENDER_REQUIRED.kannel;
    case "http":
      return usesSender(c) ? SENDER_REQUIRED.http : undefined;
    default:
      return undefined;
  }
}

/** Config and credentials for one adapter, or the first pt-BR message saying what is wrong. */
export function parseSettings<C extends z.ZodType, K extends z.ZodType>(
  configSchema: C,
  credentialsSchema: K,
  account: { config: unknown; credentials: unknown },
): { ok: true; config: z.output<C>; credentials: z.output<K> } | { ok: false; message: string } {
  const c = configSchema.safeParse(account.config ?? {});
  const k = credentialsSchema.safeParse(account.credentials ?? {});
  if (!c.success) return { ok: false, message: c.error.issues[0]?.message ?? "configuração inválida." };
  if (!k.success) return { ok: false, message: k.error.issues[0]?.message ?? "credenciais inválidas." };
  return { ok: true, config: c.data, credentials: k.data };
}
