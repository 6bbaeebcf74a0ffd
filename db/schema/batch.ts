import { relations, sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
// Relative on purpose: drizzle-kit loads this file without the "@/" alias.
import { BATCH_STATUSES, type BatchFilters } from "../../server/services/batches/constants";
import { user } from "./auth";
import { SMS_CATEGORIES, SMS_STATUSES } from "./constants";
import { customer } from "./customer";
import { providerAccount, smsMessage } from "./sms";

// `batch_candidate`, the batch selection precomputed per Considerar value and kept current by
// triggers, is not declared here: Drizzle cannot express WITHOUT ROWID tables or triggers. It lives
// in the hand-written migration 0003_batch_candidates.sql and is read with raw SQL only
// (server/services/batches/selection-sql.ts).

const now = () => integer({ mode: "timestamp_ms" }).notNull().default(sql`(cast(unixepoch('subsecond') * 1000 as integer))`);

/**
 * "SMS em Lote": one send to a selection of customers. Progress is not stored: it is a grouped
 * count over the recipients' messages (server/services/batches/progress.ts), so it cannot drift
 * from the ledger; only `recipients` (fixed at the snapshot) is kept here.
 */
export const smsBatch = sqliteTable(
  "sms_batch",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    status: text({ enum: BATCH_STATUSES }).notNull().default("queued"),
    /** The selection as sent ("Considerar" and its values, Prefixo, Todos os fones, Com conexão). */
    filters: text({ mode: "json" }).$type<BatchFilters>().notNull(),
    motivo: text().notNull(),
    /** The message with its {variables}; each recipient's text is rendered when it is sent. */
    template: text().notNull(),
    category: text({ enum: SMS_CATEGORIES }).notNull().default("aviso"),
    createdBy: text().notNull().references(() => user.id),
    /** Who created it, of any kind: user:<id>, api_key:<id>, system:<job> (created_by stays for joins). */
    actor: text(),
    /** The default account when the batch was created; the sender uses it. */
    providerAccountId: integer().notNull().references(() => providerAccount.id),
    /** One batch per "Enviar": a double click or a replay returns the same batch. */
    idempotencyKey: text().notNull(),
    /** Customers the operator unticked in the preview. */
    deselectedCustomerIds: text({ mode: "json" }).$type<number[]>().notNull().default([]),
    /** The most SMS parts a recipient's text may take, chosen at the preview; null: the admin's setting. */
    maxParts: integer(),
    /** Rows in sms_batch_recipient, set with the snapshot. */
    recipients: integer().notNull().default(0),
    createdAt: now(),
    updatedAt: now(),
    /** "Agendar": when the queue drain releases a scheduled batch (null: sent at once). */
    scheduledAt: integer({ mode: "timestamp_ms" }),
    startedAt: integer({ mode: "timestamp_ms" }),
    finishedAt: integer({ mode: "timestamp_ms" }),
  },
  (t) => [
    uniqueIndex("sms_batch_idempotency_uq").on(t.idempotencyKey),
    // The batches grid, newest first, optionally by status.
    index("sms_batch_status_idx").on(t.status, t.id),
  ],
);

/** The snapshot of a batch: one row per phone to send, taken in one INSERT … SELECT at creation. */
export const smsBatchRecipient = sqliteTable(
  "sms_batch_recipient",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    batchId: integer()
      .notNull()
      .references(() => smsBatch.id, { onDelete: "cascade" }),
    customerId: integer().references(() => customer.id, { onDelete: "set null" }),
    phoneE164: text("phone_e164").notNull(),
    /** The current attempt's message; null until the sender creates it (or after "reenviar falhas"). */
    messageId: integer().references(() => smsMessage.id, { onDelete: "set null" }),
    /** 1, then +1 per "reenviar falhas": part of the message's idempotency key batch:{id}:{phone}:{attempt}. */
    attempt: integer().notNull().default(1),
  },
  (t) => [
    // A number gets one message per batch, even when two customers share it.
    uniqueIndex("sms_batch_recipient_batch_phone_uq").on(t.batchId, t.phoneE164),
    // Chunked sending and the recipients list, in snapshot order.
    index("sms_batch_recipient_batch_idx").on(t.batchId, t.id),
    // Message → recipient (progress, re-send); partial so the snapshot does not write it.
    index("sms_batch_recipient_message_idx").on(t.messageId).where(sql`${t.messageId} is not null`),
  ],
);

/**
 * Recipients per current message status of each batch, so the batch page reads its progress without
 * recounting the recipients. Kept by triggers on sms_batch_recipient (a message linked or unlinked) and
 * sms_message (a status change) in migration 0008, in the same statement as the change; recipients
 * without a message are sms_batch.recipients minus the sum.
 */
export const smsBatchCounts = sqliteTable(
  "sms_batch_counts",
  {
    batchId: integer()
      .notNull()
      .references(() => smsBatch.id, { onDelete: "cascade" }),
    status: text({ enum: SMS_STATUSES }).notNull(),
    n: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.status] })],
);

export const smsBatchRelations = relations(smsBatch, ({ one, many }) => ({
  creator: one(user, { fields: [smsBatch.createdBy], references: [user.id] }),
  providerAccount: one(providerAccount, { fields: [smsBatch.providerAccountId], references: [providerAccount.id] }),
  recipientRows: many(smsBatchRecipient),
}));

export const smsBatchRecipientRelations = relations(smsBatchRecipient, ({ one }) => ({
  batch: one(smsBatch, { fields: [smsBatchRecipient.batchId], references: [smsBatch.id] }),
  customer: one(customer, { fields: [smsBatchRecipient.customerId], references: [customer.id] }),
  message: one(smsMessage, { fields: [smsBatchRecipient.messageId], references: [smsMessage.id] }),
}));
