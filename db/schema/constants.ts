// Enum values shared by the database schema, zod schemas and the browser (no server imports here).

export const UFS = [
  "AC", "AL", "AM", "AP", "BA", "CE", "DF", "ES", "GO", "MA", "MG", "MS", "MT", "PA", "PB", "PE",
  "PI", "PR", "RJ", "RN", "RO", "RR", "RS", "SC", "SE", "SP", "TO",
] as const;
export type Uf = (typeof UFS)[number];

export const ROLES = ["admin", "operador", "tecnico"] as const;
export type Role = (typeof ROLES)[number];

export const CUSTOMER_STATUSES = ["active", "suspended", "cancelled"] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];

export const PERSON_TYPES = ["individual", "company"] as const;
export type PersonType = (typeof PERSON_TYPES)[number];

export const PHONE_KINDS = ["mobile", "landline"] as const;
export type PhoneKind = (typeof PHONE_KINDS)[number];

export const CONNECTION_STATUSES = ["active", "suspended", "cancelled"] as const;
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];

export const PAYMENT_METHODS = ["boleto", "pix", "cartao", "debito"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** The life of a message (architecture.md): forward-only, side exits scheduled/cancelled/blocked/in_doubt. */
export const SMS_STATUSES = [
  "queued",
  "scheduled",
  "sending",
  "sent",
  "delivered",
  "undelivered",
  "failed",
  "cancelled",
  "blocked",
  "in_doubt",
] as const;
export type SmsStatus = (typeof SMS_STATUSES)[number];

export const SMS_ORIGINS = ["individual", "batch", "billing", "notification", "api"] as const;
export type SmsOrigin = (typeof SMS_ORIGINS)[number];

export const SMS_ENCODINGS = ["GSM7", "UCS2"] as const;
export type SmsEncoding = (typeof SMS_ENCODINGS)[number];

export const PROVIDER_KINDS = ["sandbox", "zenvia", "twilio", "infobip", "kannel", "smpp", "http"] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

/** Send-window categories (brazil-sms.md): collection messages follow state laws; operational ones do not. */
export const SMS_CATEGORIES = ["cobranca", "aviso", "operacional", "marketing"] as const;
export type SmsCategory = (typeof SMS_CATEGORIES)[number];

export const OPT_OUT_SOURCES = ["inbound_sms", "operator", "provider"] as const;
export type OptOutSource = (typeof OPT_OUT_SOURCES)[number];
