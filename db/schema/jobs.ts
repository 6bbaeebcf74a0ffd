import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Job requests of the embedded runner (server/jobs/outbox.ts): an event is a row before anything
 * runs it, so a request survives a restart or `kill -9`. A runner claims a row with a lease; a row
 * whose lease expired (its runner died) is claimed again. `event_id` makes a repeated request one row.
 */
export const jobOutbox = sqliteTable(
  "job_outbox",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    eventId: text().notNull().unique(),
    name: text().notNull(),
    data: text({ mode: "json" }).$type<Record<string, unknown>>().notNull(),
    status: text({ enum: ["pending", "running", "done", "failed"] }).notNull().default("pending"),
    attempts: integer().notNull().default(0),
    /** Epoch ms: not claimed before (the backoff after a failed run). */
    runAfter: integer().notNull().default(0),
    leaseOwner: text(),
    /** Epoch ms: past it, the run is taken as dead and the row is claimed again. */
    leaseUntil: integer(),
    lastError: text(),
    createdAt: integer({ mode: "timestamp_ms" }).notNull().default(sql`(cast(unixepoch('subsecond') * 1000 as integer))`),
  },
  (t) => [index("job_outbox_claim_idx").on(t.status, t.runAfter)],
);
