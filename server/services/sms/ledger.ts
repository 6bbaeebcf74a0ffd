import { and, eq, getTableColumns, is, SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { smsEvent, smsMessage } from "@/db/schema";
import type { SmsStatus } from "@/db/schema/constants";

export type MessageRow = typeof smsMessage.$inferSelect;
type Insert = Omit<typeof smsMessage.$inferInsert, "id" | "status">;
/** Columns to change with the transition; values may be SQL expressions (e.g. attempts - 1). */
type Patch = { [K in keyof Insert]?: Insert[K] | SQL };

const FINAL: readonly SmsStatus[] = ["delivered", "undelivered", "failed", "cancelled", "blocked"];

/**
 * One event per sms_message row matching `where`, written as INSERT … SELECT so it runs in the same
 * batch as the change it records (and only for the rows that change). `from` is a status or a
 * column expression (the row's own status).
 */
export function appendEvents(
  db: Db,
  e: { type: "created" | "transition" | "attempt" | "report"; from: SmsStatus | SQL | null; to: SmsStatus; detail: SQL; at: Date },
  where: SQL,
) {
  return db.run(
    sql`insert into ${smsEvent} (message_id, type, from_status, to_status, detail, at)
        select ${smsMessage.id}, ${e.type}, ${e.from}, ${e.to}, ${e.detail}, ${e.at.getTime()}
        from ${smsMessage} where ${where}`,
  );
}

/** The compare-and-set condition of a transition: this message, still in `from`. */
const inStatus = (id: number, from: SmsStatus) => and(eq(smsMessage.id, id), eq(smsMessage.status, from))!;

/**
 * Moves a message from one status to another (compare-and-set) and appends the event atomically.
 * Returns the updated row, or null when the message was no longer in `from`.
 *
 * Never an interactive transaction: the embedded libSQL driver is synchronous, so a second
 * writer waiting on an open transaction would block the event loop that must finish it. A batch
 * runs start to end in one call.
 */
export async function transition(
  db: Db,
  id: number,
  from: SmsStatus,
  to: SmsStatus,
  patch: Patch = {},
  detail: Record<string, unknown> = {},
  type: "transition" | "attempt" | "report" = "transition",
): Promise<MessageRow | null> {
  const now = new Date();
  const [, rows] = await db.batch([
    appendEvents(db, { type, from, to, detail: sql`${JSON.stringify(detail)}`, at: now }, inStatus(id, from)),
    db
      .update(smsMessage)
      .set({ ...patch, status: to, updatedAt: now, ...(FINAL.includes(to) ? { finalAt: now } : {}) })
      .where(inStatus(id, from))
      .returning(),
  ]);
  return rows[0] ?? null;
}

export async function getMessage(db: Db, id: number): Promise<MessageRow | undefined> {
  const [row] = await db.select().from(smsMessage).where(eq(smsMessage.id, id));
  return row;
}

/** Retry delays after a retryable failure, by attempt number (1-based); then the message fails. */
export const RETRY_DELAYS_MS = [30_000, 2 * 60_000, 10 * 60_000, 30 * 60_000] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
/** How long a claim holds a message while the provider is called. */
export const SEND_LEASE_MS = 60_000;

/** The "created" event of a new message (who and from where, never the text). */
export const createdEvent = (at: Date) => ({
  type: "created" as const,
  from: null,
  to: "queued" as const,
  detail: sql`json_object('origin', ${smsMessage.origin}, 'by', ${smsMessage.createdBy})`,
  at,
});

/**
 * Claims messages for sending: one atomic batch appends their attempt events and moves them to
 * "sending" with a lease — only those of `ids` (a subquery of ids) still in one of `from`
 * (compare-and-set), so no two workers ever claim the same message.
 */
export async function claimWhere(db: Db, ids: SQL, from: readonly SmsStatus[], now: Date): Promise<MessageRow[]> {
  // "+status": the status is checked on the rows found by id, not used to pick them. Otherwise
  // SQLite walks every message in that status and scans the id list for each (quadratic).
  const statuses = sql.join(from.map((s) => sql`${s}`), sql`, `);
  const where = sql`${smsMessage.id} in (${ids}) and +${smsMessage.status} in (${statuses})`;
  const [, rows] = await db.batch([
    appendEvents(db, { type: "attempt", from: sql`${smsMessage.status}`, to: "sending", detail: sql`json_object('attempt', ${smsMessage.attempts} + 1)`, at: now }, where),
    db
      .update(smsMessage)
      .set({ status: "sending", attempts: sql`${smsMessage.attempts} + 1`, leaseUntil: new Date(now.getTime() + SEND_LEASE_MS), updatedAt: now })
      .where(where)
      .returning(),
  ]);
  return rows;
}

export type NewMessage = Omit<typeof smsMessage.$inferInsert, "id" | "ref" | "status" | "createdAt" | "updatedAt">;

/**
 * `select <every column's value> where <condition>`: the row of an INSERT … SELECT, so the insert
 * happens only when the condition holds at that instant. Values are encoded by their columns, and
 * absent ones take the column default, as Drizzle's `values()` would.
 */
function rowWhere(row: typeof smsMessage.$inferInsert, condition: SQL): SQL {
  // Every column in table order, as Drizzle lists them in the INSERT (sms_message has no generated columns).
  const exprs = Object.entries(getTableColumns(smsMessage)).map(([key, col]) => {
    const value = row[key as keyof typeof row];
    if (value !== undefined) return sql.param(value, col);
    if (col.default === undefined) return sql`null`;
    return is(col.default, SQL) ? col.default : sql.param(col.default, col);
  });
  return sql`select ${sql.join(exprs, sql`, `)} where ${condition}`;
}

/**
 * Records a new queued message with its "created" event, once per idempotency key. Returns the
 * existing message (created: false) when the key was already used.
 */
export async function queueMessage(db: Db, values: NewMessage): Promise<{ message: MessageRow; created: boolean }> {
  const r = await insertQueued(db, values, null);
  return { message: r.message!, created: r.created };
}

/**
 * queueMessage, inserting only when `condition` holds in the same statement: a quota checked and
 * consumed at once (a count followed by an insert lets concurrent calls all pass the count).
 * `message` is null when the condition refused a new key.
 */
export function queueMessageIf(db: Db, values: NewMessage, condition: SQL): Promise<{ message: MessageRow | null; created: boolean }> {
  return insertQueued(db, values, condition);
}

async function insertQueued(db: Db, values: NewMessage, condition: SQL | null) {
  const now = new Date();
  const row = { ...values, ref: crypto.randomUUID(), status: "queued" as const, createdAt: now, updatedAt: now };
  const insert = condition ? db.insert(smsMessage).select(rowWhere(row, condition)) : db.insert(smsMessage).values(row);
  const [inserted] = await db.batch([
    insert.onConflictDoNothing({ target: smsMessage.idempotencyKey }).returning(),
    // changes() = 1 only when the insert above happened (not on an idempotent repeat).
    appendEvents(db, createdEvent(now), sql`${smsMessage.idempotencyKey} = ${values.idempotencyKey} and changes() = 1`),
  ]);
  if (inserted[0]) return { message: inserted[0], created: true };
  const [existing] = await db.select().from(smsMessage).where(eq(smsMessage.idempotencyKey, values.idempotencyKey));
  return { message: existing ?? null, created: false };
}
