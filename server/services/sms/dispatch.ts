/**
 * Sends one claimed message through its provider account and records the outcome. The provider
 * call and the write of its result are separate steps: a failed write is retried without calling
 * the provider again, and an ambiguous outcome is never resent blindly (in_doubt).
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { optOut, smsEvent, smsMessage } from "@/db/schema";
import { mapPool } from "@/server/lib/pool";
import type { SmsStatus } from "@/db/schema/constants";
import type { ProviderAdapter, SendOutcome } from "@/server/providers/types";
import { type AccountRow, adapterFor, sendingAccount, webhookUrl } from "../sms-accounts/account-store";
import { claimWhere, getMessage, MAX_ATTEMPTS, type MessageRow, RETRY_DELAYS_MS, transition } from "./ledger";
import { recordOptOut } from "./opt-outs";
import { outgoingSms } from "@/server/sms/transliterate";
import { paceSend } from "./pacer";
import { applyReportToMessage } from "./reports";

export type DispatchResult = { id: number; status: SmsStatus; errorCode: string | null; errorMessage: string | null };

const result = (m: MessageRow): DispatchResult => ({ id: m.id, status: m.status, errorCode: m.lastErrorCode, errorMessage: m.lastErrorMessage });

/** Claims a queued message (atomic compare-and-set with a lease) so no two workers send it. */
export async function claimMessage(db: Db, id: number, now = new Date()): Promise<MessageRow | null> {
  const [row] = await claimMessages(db, [id], now);
  return row ?? null;
}

/** Claims queued messages (see claimWhere): the ones returned are this caller's to send. */
export async function claimMessages(db: Db, ids: readonly number[], now = new Date()): Promise<MessageRow[]> {
  if (ids.length === 0) return [];
  return claimWhere(db, sql`select value from json_each(${JSON.stringify(ids)})`, ["queued"], now);
}

export async function dispatchMessage(db: Db, id: number): Promise<DispatchResult> {
  const claimed = await claimMessage(db, id);
  if (!claimed) {
    const current = await getMessage(db, id);
    if (!current) throw new Error(`message ${id} not found`);
    return result(current);
  }
  return sendClaimed(db, claimed);
}

async function fail(db: Db, m: MessageRow, to: SmsStatus, code: string, message: string): Promise<DispatchResult> {
  const row = await transition(db, m.id, "sending", to, { lastErrorCode: code, lastErrorMessage: message, leaseUntil: null }, { code, message });
  return result(row ?? (await getMessage(db, m.id))!);
}

/** Sends one claimed message (see sendClaimedMany). */
export async function sendClaimed(db: Db, m: MessageRow): Promise<DispatchResult> {
  const [out] = await sendClaimedMany(db, [m]);
  return out!;
}

/** How many provider calls of one chunk are in flight at once (each account's pacing still caps the rate). */
export const SEND_CONCURRENCY = 32;

type Sendable = { m: MessageRow; account: AccountRow; adapter?: ProviderAdapter; outcome?: SendOutcome };

/**
 * Sends claimed messages and records each outcome; results keep the input order.
 *
 * Per chunk, not per message: one opt-out query for all the numbers, each provider account and
 * adapter looked up once, and one atomic write for all the accepted sends. Provider calls overlap
 * (`concurrency`); every write stays a compare-and-set on the status, so a crash anywhere leaves
 * messages either untouched or in "sending" with a lease that the drain reconciles. `accounts`: the
 * sending account (see sendingAccount) already loaded by the caller, keyed by providerAccountId.
 */
export async function sendClaimedMany(
  db: Db,
  messages: readonly MessageRow[],
  { concurrency = SEND_CONCURRENCY, accounts: known = [] }: { concurrency?: number; accounts?: Iterable<[number | null, AccountRow | undefined]> } = {},
): Promise<DispatchResult[]> {
  const results = new Map<number, DispatchResult>();
  // Consent is re-checked at dispatch: the number may have sent PARE since the message was queued.
  const opted = await optedOutAmong(db, messages.map((m) => m.phoneE164));
  const accounts = new Map(known);
  const toSend: Sendable[] = [];
  const rewritten: MessageRow[] = [];
  for (const m of messages) {
    if (opted.has(m.phoneE164)) {
      results.set(m.id, await fail(db, m, "blocked", "opted_out", "O número pediu para não receber SMS (opt-out)."));
      continue;
    }
    const key = m.providerAccountId;
    if (!accounts.has(key)) accounts.set(key, await sendingAccount(db, key));
    const account = accounts.get(key);
    if (!account || !account.active) {
      results.set(m.id, await fail(db, m, "failed", "no_account", "Nenhuma conta de SMS ativa."));
      continue;
    }
    const plain = account.stripAccents ? withoutAccents(m) : m;
    if (plain !== m) rewritten.push(plain);
    toSend.push({ m: plain, account });
  }
  await storeRewritten(db, rewritten);
  await assignAccounts(db, toSend.filter((s) => s.m.providerAccountId === null));

  const adapters = new Map<number, Promise<ProviderAdapter>>();
  await mapPool(toSend, concurrency, async (s) => {
    try {
      if (!adapters.has(s.account.id)) adapters.set(s.account.id, adapterFor(db, s.account));
      s.adapter = await adapters.get(s.account.id)!;
      await paceSend(s.account.id, s.account.ratePerSecond);
      s.outcome = await s.adapter.send({
        messageId: s.m.ref,
        to: s.m.phoneE164,
        text: s.m.body,
        encoding: s.m.encoding,
        segments: s.m.segments,
        statusCallbackUrl: `${webhookUrl(s.account)}?ref=${encodeURIComponent(s.m.ref)}`,
      });
    } catch (err) {
      // An adapter bug after the request may have left: treat as ambiguous, never resend blindly.
      s.outcome = { kind: "retryable", code: "adapter_error", message: `Erro inesperado no envio: ${(err as Error).message}`.slice(0, 300), maybeAccepted: true };
    }
  });

  const accepted = toSend.filter((s) => s.outcome!.kind === "accepted");
  for (const [id, r] of await recordAcceptedMany(db, accepted)) results.set(id, r);
  for (const s of toSend) {
    if (s.outcome!.kind !== "accepted") results.set(s.m.id, await recordOutcome(db, s.m, s.account.id, s.outcome!, s.adapter));
  }
  return messages.map((m) => results.get(m.id)!);
}

/**
 * A message written with accents (queued by another origin, or before the account's "Enviar sem
 * acentos" was turned on) goes without them: the same row with the text the customer will read.
 */
function withoutAccents(m: MessageRow): MessageRow {
  if (m.encoding !== "UCS2") return m;
  const out = outgoingSms(m.body, { stripAccents: true });
  return { ...m, body: out.text, encoding: out.analysis.encoding, segments: out.analysis.parts, characters: out.analysis.characters };
}

/** The history keeps what was sent: the new texts (still "sending", ours by the lease) with a note each. */
async function storeRewritten(db: Db, rows: readonly MessageRow[]): Promise<void> {
  if (rows.length === 0) return;
  const now = new Date();
  await db.batch([
    db.insert(smsEvent).values(rows.map((m) => ({ messageId: m.id, type: "note" as const, detail: { code: "sent_without_accents" }, at: now }))),
    ...rows.map((m) => db.update(smsMessage).set({ body: m.body, encoding: m.encoding, segments: m.segments, characters: m.characters, updatedAt: now })
      .where(and(eq(smsMessage.id, m.id), eq(smsMessage.status, "sending")))),
  ]);
}

/**
 * Messages queued for "the default account" get that account before the provider call: reports are
 * looked up by (account, reference), so one arriving before our write of the result must find it.
 */
async function assignAccounts(db: Db, items: readonly Sendable[]): Promise<void> {
  if (items.length === 0) return;
  const [first, ...rest] = items.map((s) =>
    db.update(smsMessage).set({ providerAccountId: s.account.id }).where(and(eq(smsMessage.id, s.m.id), eq(smsMessage.status, "sending"))),
  );
  await db.batch([first!, ...rest]);
  for (const s of items) s.m = { ...s.m, providerAccountId: s.account.id };
}

/** The numbers among `phones` with an active opt-out (one query). */
async function optedOutAmong(db: Db, phones: readonly string[]): Promise<Set<string>> {
  if (phones.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ phone: optOut.phoneE164 })
    .from(optOut)
    .where(and(isNull(optOut.liftedAt), sql`${optOut.phoneE164} in (select value from json_each(${JSON.stringify([...new Set(phones)])}))`));
  return new Set(rows.map((r) => r.phone));
}

/**
 * The accepted sends of a chunk in one atomic batch: their "sent" events, then the move
 * sending → sent with the provider's ids (compare-and-set). A message that a fast delivery report
 * already moved past "sent" keeps that status and gets the ids (recordOutcome's path).
 */
async function recordAcceptedMany(db: Db, accepted: readonly Sendable[]): Promise<Map<number, DispatchResult>> {
  const out = new Map<number, DispatchResult>();
  if (accepted.length === 0) return out;
  if (accepted.length === 1) {
    const [s] = accepted;
    out.set(s!.m.id, await recordOutcome(db, s!.m, s!.account.id, s!.outcome!, s!.adapter));
    return out;
  }
  const now = new Date();
  const list = JSON.stringify(
    accepted.map((s) => [s.m.id, (s.outcome as Extract<SendOutcome, { kind: "accepted" }>).providerMessageId, s.account.id]),
  );
  // "+status" keeps SQLite on the id list (see claimWhere).
  const items = sql`(select json_extract(value, '$[0]') as id, json_extract(value, '$[1]') as pmid, json_extract(value, '$[2]') as acc from json_each(${list}))`;
  const [, updated] = await db.batch([
    db.run(sql`insert into ${smsEvent} (message_id, type, from_status, to_status, detail, at)
        select m.id, 'transition', 'sending', 'sent', json_object('providerMessageId', j.pmid), ${now.getTime()}
        from ${items} j join ${smsMessage} m on m.id = j.id where +m.status = 'sending'`),
    db.all<{ id: number }>(sql`update ${smsMessage} set status = 'sent', provider_message_id = j.pmid, provider_account_id = j.acc,
        sent_at = ${now.getTime()}, lease_until = null, last_error_code = null, last_error_message = null, updated_at = ${now.getTime()}
        from ${items} j where ${smsMessage.id} = j.id and +${smsMessage.status} = 'sending' returning ${smsMessage.id} as id`),
  ]);
  const done = new Set(updated.map((r) => Number(r.id)));
  for (const s of accepted) {
    if (done.has(s.m.id)) out.set(s.m.id, { id: s.m.id, status: "sent", errorCode: null, errorMessage: null });
    else out.set(s.m.id, await recordOutcome(db, s.m, s.account.id, s.outcome!, s.adapter));
  }
  return out;
}

/**
 * When a send may or may not have reached the provider, ask the provider by our reference (where
 * its contract allows) and apply what it says. True when that settled the message.
 */
export async function settleByLookup(db: Db, m: MessageRow, adapter: ProviderAdapter | undefined): Promise<boolean> {
  const found = adapter?.lookup ? await adapter.lookup(m.ref).catch(() => null) : null;
  return found !== null && (await applyReportToMessage(db, m.id, { ...found, messageId: m.ref })) === "applied";
}

/** Writes the provider's answer; safe to retry (every write is a compare-and-set on the status). */
export async function recordOutcome(
  db: Db,
  m: MessageRow,
  accountId: number,
  outcome: SendOutcome,
  adapter?: ProviderAdapter,
): Promise<DispatchResult> {
  const now = new Date();
  if (outcome.kind === "accepted") {
    const ids = { providerMessageId: outcome.providerMessageId, providerAccountId: accountId, sentAt: now };
    const row = await transition(db, m.id, "sending", "sent", { ...ids, leaseUntil: null, lastErrorCode: null, lastErrorMessage: null }, { providerMessageId: outcome.providerMessageId });
    if (row) return result(row);
    // A fast delivery report already moved it past "sent": keep that status, add the ids.
    const [moved] = await db.update(smsMessage).set({ ...ids, updatedAt: now }).where(eq(smsMessage.id, m.id)).returning();
    return result(moved!);
  }
  if (outcome.kind === "permanent") {
    if (outcome.reason === "opted_out") {
      await recordOptOut(db, { phoneE164: m.phoneE164, source: "provider", detail: outcome.code, providerAccountId: accountId });
      return fail(db, m, "blocked", outcome.code, outcome.message);
    }
    return fail(db, m, "failed", outcome.code, outcome.message);
  }
  if (outcome.maybeAccepted) {
    if (await settleByLookup(db, m, adapter)) return result((await getMessage(db, m.id))!);
    return fail(db, m, "in_doubt", outcome.code, `${outcome.message} Confira no provedor antes de reenviar.`);
  }
  if (m.attempts >= MAX_ATTEMPTS) return fail(db, m, "failed", outcome.code, `${outcome.message} (desistimos após ${m.attempts} tentativas)`);
  const backoff = RETRY_DELAYS_MS[Math.min(m.attempts, RETRY_DELAYS_MS.length) - 1] ?? RETRY_DELAYS_MS[0];
  const delay = Math.max(backoff, outcome.retryAfterMs ?? 0);
  const row = await transition(
    db,
    m.id,
    "sending",
    "queued",
    { nextAttemptAt: new Date(now.getTime() + delay), leaseUntil: null, lastErrorCode: outcome.code, lastErrorMessage: outcome.message },
    { code: outcome.code, message: outcome.message, retryInMs: delay },
  );
  return result(row ?? (await getMessage(db, m.id))!);
}
