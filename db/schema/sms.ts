import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { user } from "./auth";
import { OPT_OUT_SOURCES, PROVIDER_KINDS, SMS_CATEGORIES, SMS_ENCODINGS, SMS_ORIGINS, SMS_STATUSES } from "./constants";
import { customer } from "./customer";

const now = () => integer({ mode: "timestamp_ms" }).notNull().default(sql`(cast(unixepoch('subsecond') * 1000 as integer))`);

/** An SMS sending account ("Configuração de SMS"). Credentials are AES-256-GCM encrypted. */
export const providerAccount = sqliteTable(
  "provider_account",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    name: text().notNull(),
    kind: text({ enum: PROVIDER_KINDS }).notNull(),
    sender: text(),
    /** Non-secret settings of the kind, JSON. */
    config: text({ mode: "json" }).$type<Record<string, unknown>>().notNull().default({}),
    /** Encrypted JSON of the secret settings (see server/lib/crypto.ts); never leaves the server. */
    credentialsEnc: text().notNull(),
    /** Masked view of the credentials for the UI, e.g. { apiToken: "••••a9f2" }. */
    credentialsMasked: text({ mode: "json" }).$type<Record<string, string>>().notNull().default({}),
    /** Secret path segment of this account's webhook URL (providers that do not sign). */
    webhookSecret: text().notNull(),
    ratePerSecond: integer().notNull().default(10),
    /** "Enviar sem acentos": the rendered text is transliterated to GSM-7 before it is stored and sent. */
    stripAccents: integer({ mode: "boolean" }).notNull().default(true),
    isDefault: integer({ mode: "boolean" }).notNull().default(false),
    active: integer({ mode: "boolean" }).notNull().default(true),
    createdAt: now(),
    updatedAt: now(),
  },
  (t) => [uniqueIndex("provider_account_default_uq").on(t.isDefault).where(sql`${t.isDefault} = 1`)],
);

export const smsMessage = sqliteTable(
  "sms_message",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    /** Our reference sent to providers (externalId, messageId…): opaque and unique. */
    ref: text().notNull(),
    origin: text({ enum: SMS_ORIGINS }).notNull(),
    category: text({ enum: SMS_CATEGORIES }).notNull().default("operacional"),
    customerId: integer().references(() => customer.id, { onDelete: "set null" }),
    phoneE164: text("phone_e164").notNull(),
    batchId: integer(),
    motivo: text().notNull(),
    body: text().notNull(),
    encoding: text({ enum: SMS_ENCODINGS }).notNull(),
    segments: integer().notNull(),
    characters: integer().notNull(),
    status: text({ enum: SMS_STATUSES }).notNull(),
    providerAccountId: integer().references(() => providerAccount.id),
    providerMessageId: text(),
    attempts: integer().notNull().default(0),
    nextAttemptAt: integer({ mode: "timestamp_ms" }),
    leaseUntil: integer({ mode: "timestamp_ms" }),
    lastErrorCode: text(),
    lastErrorMessage: text(),
    createdBy: text().references(() => user.id),
    /** Who created it, of any kind: user:<id>, api_key:<id>, system:<job> (created_by stays for joins). */
    actor: text(),
    /** One message per request: a double click, a retry or an offline replay reuses it. */
    idempotencyKey: text().notNull(),
    createdAt: now(),
    updatedAt: now(),
    sentAt: integer({ mode: "timestamp_ms" }),
    finalAt: integer({ mode: "timestamp_ms" }),
  },
  (t) => [
    uniqueIndex("sms_message_ref_uq").on(t.ref),
    uniqueIndex("sms_message_idempotency_uq").on(t.idempotencyKey),
    // Claiming due messages (queue drain) and reconciling expired leases.
    index("sms_message_status_next_idx").on(t.status, t.nextAttemptAt),
    // Delivery reports find the message by the provider's id.
    index("sms_message_provider_msg_idx").on(t.providerAccountId, t.providerMessageId),
    // History grids: by origin, by author (a technician's own sends), by customer, by batch.
    index("sms_message_origin_created_idx").on(t.origin, t.createdAt),
    index("sms_message_created_by_idx").on(t.createdBy, t.createdAt),
    index("sms_message_customer_idx").on(t.customerId, t.createdAt),
    // Also the batch page's held messages: the earliest scheduled time, the retries still waiting.
    index("sms_message_batch_status_next_idx").on(t.batchId, t.status, t.nextAttemptAt),
    index("sms_message_created_idx").on(t.createdAt),
    // History's phone filter by the start of a number (DDD first); by its end it seeks
    // sms_message_phone_reversed_idx, an expression index written by hand in migration 0007.
    index("sms_message_phone_created_idx").on(t.phoneE164, t.createdAt),
  ],
);

/** Every status transition and provider report; append-only. */
export const smsEvent = sqliteTable(
  "sms_event",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    messageId: integer()
      .notNull()
      .references(() => smsMessage.id, { onDelete: "cascade" }),
    type: text({ enum: ["created", "transition", "attempt", "report", "note"] }).notNull(),
    fromStatus: text({ enum: SMS_STATUSES }),
    toStatus: text({ enum: SMS_STATUSES }),
    detail: text({ mode: "json" }).$type<Record<string, unknown>>(),
    at: now(),
  },
  (t) => [index("sms_event_message_idx").on(t.messageId, t.at)],
);

/** A number that asked not to receive SMS. Active while liftedAt is null. */
export const optOut = sqliteTable(
  "opt_out",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    phoneE164: text("phone_e164").notNull(),
    source: text({ enum: OPT_OUT_SOURCES }).notNull(),
    /** The inbound text or the operator's note. */
    detail: text(),
    providerAccountId: integer().references(() => providerAccount.id),
    createdBy: text().references(() => user.id),
    createdAt: now(),
    liftedAt: integer({ mode: "timestamp_ms" }),
    liftedBy: text().references(() => user.id),
  },
  (t) => [
    uniqueIndex("opt_out_active_phone_uq").on(t.phoneE164).where(sql`${t.liftedAt} is null`),
    index("opt_out_phone_idx").on(t.phoneE164),
  ],
);

/** Inbound messages (replies) received through a provider. */
export const smsInbound = sqliteTable(
  "sms_inbound",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    providerAccountId: integer()
      .notNull()
      .references(() => providerAccount.id),
    providerMessageId: text(),
    fromE164: text("from_e164").notNull(),
    toAddress: text(),
    body: text().notNull(),
    optOut: integer({ mode: "boolean" }).notNull().default(false),
    receivedAt: now(),
  },
  (t) => [
    index("sms_inbound_from_idx").on(t.fromE164, t.receivedAt),
    uniqueIndex("sms_inbound_provider_msg_uq").on(t.providerAccountId, t.providerMessageId),
  ],
);

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    at: now(),
    userId: text().references(() => user.id),
    /** Who did it, of any kind: user:<id>, api_key:<id>, system:<job>; user_id stays for joins. */
    actor: text(),
    action: text().notNull(),
    entity: text().notNull(),
    entityId: text(),
    /** What changed, never secrets. */
    detail: text({ mode: "json" }).$type<Record<string, unknown>>(),
  },
  (t) => [index("audit_log_entity_idx").on(t.entity, t.entityId, t.at), index("audit_log_user_idx").on(t.userId, t.at)],
);

/** Admin settings (max SMS parts, per-user send limit…), one JSON value per key. */
export const appSetting = sqliteTable("app_setting", {
  key: text().primaryKey(),
  value: text({ mode: "json" }).notNull(),
  updatedAt: now(),
  updatedBy: text().references(() => user.id),
});
