import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { smsEvent, smsMessage } from "@/db/schema";
import type { SmsStatus } from "@/db/schema/constants";

export type MessageRow = typeof smsMessage.$inferSelect;
type Patch = Partial<Omit<typeof smsMessage.$inferInsert, "id" | "status">>;

const FINAL: readonly SmsStatus[] = ["delivered", "undelivered", "failed", "cancelled", "blocked"];

/**
 * Moves a message from one status to another (compare-and-set) and appends the event in the same
 * transaction. Returns the updated row, or null when the message was no longer in `from`.
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
  return db.transaction(async (tx) => {
    const now = new Date();
    const [row] = await tx
      .update(smsMessage)
      .set({ ...patch, status: to, updatedAt: now, ...(FINAL.includes(to) ? { finalAt: now } : {}) })
      .where(and(eq(smsMessage.id, id), eq(smsMessage.status, from)))
      .returning();
    if (!row) return null;
    await tx.insert(smsEvent).values({ messageId: id, type, fromStatus: from, toStatus: to, detail, at: now });
    return row;
  });
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

export type NewMessage = Omit<typeof smsMessage.$inferInsert, "id" | "ref" | "status" | "createdAt" | "updatedAt">;

/**
 * Records a new queued message with its "created" event, once per idempotency key. Returns the
 * existing message (created: false) when the key was already used.
 */
export async function queueMessage(db: Db, values: NewMessage): Promise<{ message: MessageRow; created: boolean }> {
  const inserted = await db.transaction(async (tx) => {
    const [m] = await tx
      .insert(smsMessage)
      .values({ ...values, ref: crypto.randomUUID(), status: "queued" })
      .onConflictDoNothing({ target: smsMessage.idempotencyKey })
      .returning();
    if (m) await tx.insert(smsEvent).values({ messageId: m.id, type: "created", toStatus: "queued", detail: { origin: m.origin, by: m.createdBy } });
    return m;
  });
  if (inserted) return { message: inserted, created: true };
  const [existing] = await db.select().from(smsMessage).where(eq(smsMessage.idempotencyKey, values.idempotencyKey));
  return { message: existing!, created: false };
}
