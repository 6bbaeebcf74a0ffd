/**
 * The 5-minute queue drain ("Fila de SMS"): reconcile messages whose send was interrupted, then
 * claim due messages atomically with a lease and send them in chunks.
 */
import { and, asc, eq, gt, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { city, customer, smsMessage } from "@/db/schema";
import type { Uf } from "@/db/schema/constants";
import { dddToUfs } from "@/server/sms/phone";
import { isWindowBound, windowAt, type WindowState } from "@/server/sms/send-window";
import { getSendWindowRules } from "../sms/settings";
import { logger } from "@/server/lib/logger";
import { adapterFor, findAccount } from "../sms-accounts/account-store";
import { sendClaimedMany, settleByLookup } from "../sms/dispatch";
import { appendEvents, claimWhere, type MessageRow, transition } from "../sms/ledger";
import type { ProviderAdapter } from "@/server/providers/types";
import { PENDING_STATUSES } from "./pending-statuses";

export const DRAIN_CHUNK = 100;

// A paused batch's messages wait for its resume (the batch sender creates them ahead of sending).
const DUE = (now: Date) => sql`select ${smsMessage.id} from ${smsMessage}
  where ${smsMessage.status} in ('queued', 'scheduled') and coalesce(${smsMessage.nextAttemptAt}, 0) <= ${now.getTime()}
  and (${smsMessage.batchId} is null or ${smsMessage.batchId} not in (select id from sms_batch where status = 'paused'))
  order by coalesce(${smsMessage.nextAttemptAt}, 0), ${smsMessage.id}`;

/** Claims up to `limit` due messages (see claimWhere): overlapping drains never share one. */
export async function claimDue(db: Db, { limit, now = new Date() }: { limit: number; now?: Date }): Promise<MessageRow[]> {
  return claimWhere(db, sql`${DUE(now)} limit ${limit}`, ["queued", "scheduled"], now);
}

/** Stale messages read per page while reconciling (every page is reconciled in the same call). */
const RECONCILE_PAGE = 500;

/**
 * Messages still "sending" after their lease: the worker died between the provider call and the
 * write of its result. Ask the provider by our reference where it can be asked; otherwise mark
 * them in_doubt for an operator. Never resend them silently. All of them, page by page: a cap per
 * drain left thousands in "sending" for minutes after a crash.
 */
export async function reconcileExpiredLeases(db: Db, now = new Date()): Promise<{ resolved: number; inDoubt: number }> {
  const adapters = new Map<number, Promise<ProviderAdapter | undefined>>();
  const adapterOf = (accountId: number) => {
    if (!adapters.has(accountId)) adapters.set(accountId, findAccount(db, accountId).then((a) => (a ? adapterFor(db, a) : undefined)));
    return adapters.get(accountId)!;
  };
  let resolved = 0;
  let inDoubt = 0;
  for (let after = 0; ; ) {
    const stale = await db
      .select()
      .from(smsMessage)
      .where(and(eq(smsMessage.status, "sending"), lte(smsMessage.leaseUntil, now), gt(smsMessage.id, after)))
      .orderBy(asc(smsMessage.id))
      .limit(RECONCILE_PAGE);
    if (stale.length === 0) break;
    after = stale.at(-1)!.id;
    const doubtful: number[] = [];
    for (const m of stale) {
      const adapter = m.providerAccountId ? await adapterOf(m.providerAccountId) : undefined;
      if (adapter?.lookup && (await settleByLookup(db, m, adapter))) resolved++;
      else doubtful.push(m.id);
    }
    inDoubt += await markInDoubt(db, doubtful, now);
  }
  if (resolved + inDoubt > 0) logger.warn({ area: "queue", resolved, inDoubt }, "reconciled interrupted sends");
  return { resolved, inDoubt };
}

/** sending → in_doubt for `ids` whose lease expired by `now`, with their events, in one batch. */
async function markInDoubt(db: Db, ids: readonly number[], now: Date): Promise<number> {
  if (ids.length === 0) return 0;
  const at = new Date();
  const where = sql`${smsMessage.id} in (select value from json_each(${JSON.stringify(ids)}))
    and +${smsMessage.status} = 'sending' and ${smsMessage.leaseUntil} <= ${now.getTime()}`;
  const [, rows] = await db.batch([
    appendEvents(db, { type: "transition", from: "sending", to: "in_doubt", detail: sql`json_object('reason', 'lease_expired')`, at }, where),
    db
      .update(smsMessage)
      .set({
        status: "in_doubt",
        leaseUntil: null,
        lastErrorCode: "lease_expired",
        lastErrorMessage: "O envio foi interrompido e o provedor não pôde confirmar: confira antes de reenviar.",
        updatedAt: at,
      })
      .where(where)
      .returning({ id: smsMessage.id }),
  ]);
  return rows.length;
}

export type ChunkResult = { claimed: number; sent: number; retrying: number; failed: number; inDoubt: number; blocked: number; scheduled: number };

/** Where each claimed message's customer lives (UF and time zone), in one query. */
async function placesOf(db: Db, msgs: MessageRow[]): Promise<Map<number, { uf: Uf; timeZone: string }>> {
  const ids = [...new Set(msgs.map((m) => m.customerId).filter((id): id is number => id !== null))];
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: customer.id, uf: city.uf, timeZone: city.timeZone })
    .from(customer)
    .innerJoin(city, eq(city.id, customer.cityId))
    .where(inArray(customer.id, ids));
  return new Map(rows.map((r) => [r.id, { uf: r.uf, timeZone: r.timeZone }]));
}

/** A message without a customer is placed by its DDD (first UF of that area code), Brasília time. */
function placeByPhone(e164: string): { uf: Uf; timeZone: string } {
  return { uf: dddToUfs(e164.slice(3, 5))[0] ?? "SP", timeZone: "America/Sao_Paulo" };
}

/** The send window of one message right now (its customer's UF and zone, else its DDD's), with the UF. */
export async function windowOf(db: Db, m: MessageRow, at: Date): Promise<{ uf: Uf; state: WindowState }> {
  const place = (m.customerId !== null ? (await placesOf(db, [m])).get(m.customerId) : undefined) ?? placeByPhone(m.phoneE164);
  return { uf: place.uf, state: windowAt(at, { ...place, category: m.category, rules: await getSendWindowRules(db) }) };
}

/**
 * Claimed messages outside their send window (in the customer's UF and time zone) go back to
 * "scheduled" for the next opening; a deferral is not a failed attempt. Returns the ids deferred.
 */
export async function deferOutsideWindow(db: Db, claimed: MessageRow[], at: Date): Promise<Set<number>> {
  const deferred = new Set<number>();
  const bound = claimed.filter((m) => isWindowBound(m.category));
  if (bound.length === 0) return deferred;
  const places = await placesOf(db, bound);
  const rules = await getSendWindowRules(db);
  for (const m of bound) {
    const place = (m.customerId !== null ? places.get(m.customerId) : undefined) ?? placeByPhone(m.phoneE164);
    const w = windowAt(at, { ...place, category: m.category, rules });
    if (w.open) continue;
    await transition(
      db,
      m.id,
      "sending",
      "scheduled",
      { nextAttemptAt: w.nextOpening, leaseUntil: null, attempts: sql`${smsMessage.attempts} - 1`, lastErrorCode: "send_window", lastErrorMessage: w.reason },
      { reason: "send_window", nextOpening: w.nextOpening.toISOString() },
    );
    deferred.add(m.id);
  }
  return deferred;
}

/** Claims one chunk and sends it; returns what happened (counts only: no phones or texts). */
export async function drainChunk(db: Db, { limit = DRAIN_CHUNK, now }: { limit?: number; now?: Date } = {}): Promise<ChunkResult> {
  const at = now ?? new Date();
  const claimed = await claimDue(db, { limit, now: at });
  const res: ChunkResult = { claimed: claimed.length, sent: 0, retrying: 0, failed: 0, inDoubt: 0, blocked: 0, scheduled: 0 };
  const deferred = await deferOutsideWindow(db, claimed, at);
  res.scheduled = deferred.size;
  // Provider calls overlap (each account's pacing still caps its rate); database writes stay serial.
  const outs = await sendClaimedMany(db, claimed.filter((m) => !deferred.has(m.id)));
  for (const out of outs) {
    if (out.status === "sent" || out.status === "delivered") res.sent++;
    else if (out.status === "queued") res.retrying++;
    else if (out.status === "in_doubt") res.inDoubt++;
    else if (out.status === "blocked") res.blocked++;
    else res.failed++;
  }
  return res;
}

/** Messages still pending (queued, scheduled, sending or awaiting an operator). */
export async function pendingCount(db: Db): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)` }).from(smsMessage).where(inArray(smsMessage.status, [...PENDING_STATUSES]));
  return Number(r?.n ?? 0);
}
