import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { CONNECTION_STATUSES, CUSTOMER_STATUSES, PERSON_TYPES, PHONE_KINDS } from "./constants";
import { accessPoint, city, neighbourhood, paymentProfile, plan, server, street } from "./reference";

export const customer = sqliteTable(
  "customer",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    code: text().notNull(),
    name: text().notNull(),
    // Lower-case, accent-free copy of the name for search.
    searchName: text().notNull(),
    personType: text({ enum: PERSON_TYPES }).notNull(),
    // CPF (11 digits) or CNPJ (14 digits), digits only.
    document: text().notNull(),
    status: text({ enum: CUSTOMER_STATUSES }).notNull().default("active"),
    email: text(),
    cityId: integer().notNull().references(() => city.id),
    neighbourhoodId: integer().references(() => neighbourhood.id),
    streetId: integer().references(() => street.id),
    addressNumber: text(),
    addressComplement: text(),
    paymentProfileId: integer().references(() => paymentProfile.id),
    createdAt: integer({ mode: "timestamp" }).notNull().default(sql`(unixepoch())`),
    updatedAt: integer({ mode: "timestamp" }).notNull().default(sql`(unixepoch())`),
  },
  (t) => [
    uniqueIndex("customer_code_uq").on(t.code),
    index("customer_document_idx").on(t.document),
    index("customer_search_name_idx").on(t.searchName),
    // Batch filter "Cidade" narrowed by Bairro and Rua, active customers only.
    index("customer_city_nbh_street_status_idx").on(t.cityId, t.neighbourhoodId, t.streetId, t.status),
    // Batch filter "Profile de Pagamento".
    index("customer_payment_profile_status_idx").on(t.paymentProfileId, t.status),
  ],
);

export const phone = sqliteTable(
  "phone",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    customerId: integer()
      .notNull()
      .references(() => customer.id, { onDelete: "cascade" }),
    kind: text({ enum: PHONE_KINDS }).notNull(),
    // E.164, e.g. +5535991234567.
    e164: text().notNull(),
    isPrimary: integer({ mode: "boolean" }).notNull().default(false),
    label: text(),
    createdAt: integer({ mode: "timestamp" }).notNull().default(sql`(unixepoch())`),
  },
  (t) => [
    uniqueIndex("phone_customer_e164_uq").on(t.customerId, t.e164),
    // At most one primary number of each kind per customer.
    uniqueIndex("phone_customer_primary_kind_uq")
      .on(t.customerId, t.kind)
      .where(sql`${t.isPrimary} = 1`),
    // Batch expansion: a customer's mobiles (primary first); search and opt-out by number.
    index("phone_customer_kind_primary_idx").on(t.customerId, t.kind, t.isPrimary),
    index("phone_e164_idx").on(t.e164),
    // phone_e164_reversed_idx (search by the end of a number) and the customer_fts full-text table
    // live in migration 0007 only: drizzle-kit cannot write an expression index or a virtual table.
  ],
);

export const connection = sqliteTable(
  "connection",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    customerId: integer()
      .notNull()
      .references(() => customer.id, { onDelete: "cascade" }),
    login: text().notNull(),
    planId: integer().notNull().references(() => plan.id),
    serverId: integer().notNull().references(() => server.id),
    accessPointId: integer().notNull().references(() => accessPoint.id),
    status: text({ enum: CONNECTION_STATUSES }).notNull().default("active"),
    ipv4: text(),
    createdAt: integer({ mode: "timestamp" }).notNull().default(sql`(unixepoch())`),
  },
  (t) => [
    uniqueIndex("connection_login_uq").on(t.login),
    index("connection_customer_idx").on(t.customerId),
    // Batch filters "Ponto de Acesso", "Servidor" and "Plano de Acesso" → customers.
    index("connection_access_point_customer_idx").on(t.accessPointId, t.customerId),
    index("connection_server_customer_idx").on(t.serverId, t.customerId),
    index("connection_plan_customer_idx").on(t.planId, t.customerId),
  ],
);
