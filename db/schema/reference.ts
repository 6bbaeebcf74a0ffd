import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { PAYMENT_METHODS, UFS } from "./constants";

export const city = sqliteTable(
  "city",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    name: text().notNull(),
    uf: text({ enum: UFS }).notNull(),
    ibgeCode: text(),
    // IANA zone used for send windows (Brazil spans several).
    timeZone: text().notNull().default("America/Sao_Paulo"),
  },
  (t) => [uniqueIndex("city_name_uf_uq").on(t.name, t.uf)],
);

export const neighbourhood = sqliteTable(
  "neighbourhood",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    cityId: integer().notNull().references(() => city.id),
    name: text().notNull(),
  },
  (t) => [uniqueIndex("neighbourhood_city_name_uq").on(t.cityId, t.name)],
);

export const street = sqliteTable(
  "street",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    neighbourhoodId: integer().notNull().references(() => neighbourhood.id),
    name: text().notNull(),
    postalCode: text(),
  },
  (t) => [uniqueIndex("street_neighbourhood_name_uq").on(t.neighbourhoodId, t.name)],
);

/** The access concentrator (NAS / BRAS) that authenticates connections. */
export const server = sqliteTable("server", {
  id: integer().primaryKey({ autoIncrement: true }),
  name: text().notNull().unique(),
  host: text().notNull(),
  active: integer({ mode: "boolean" }).notNull().default(true),
});

/** A POP / tower / OLT port area that serves customers. */
export const accessPoint = sqliteTable(
  "access_point",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    name: text().notNull().unique(),
    serverId: integer().notNull().references(() => server.id),
    cityId: integer().references(() => city.id),
    technology: text().notNull().default("fibra"),
  },
  (t) => [index("access_point_server_idx").on(t.serverId)],
);

export const plan = sqliteTable("plan", {
  id: integer().primaryKey({ autoIncrement: true }),
  name: text().notNull().unique(),
  downloadMbps: integer().notNull(),
  uploadMbps: integer().notNull(),
  priceCents: integer().notNull(),
  active: integer({ mode: "boolean" }).notNull().default(true),
});

/** "Profile de pagamento": how and when the customer pays. */
export const paymentProfile = sqliteTable("payment_profile", {
  id: integer().primaryKey({ autoIncrement: true }),
  name: text().notNull().unique(),
  method: text({ enum: PAYMENT_METHODS }).notNull(),
  dueDay: integer(),
  active: integer({ mode: "boolean" }).notNull().default(true),
  createdAt: integer({ mode: "timestamp" }).notNull().default(sql`(unixepoch())`),
});
