/**
 * Sends one claimed message through its provider account and records the outcome. The provider
 * call and the write of its result are separate steps: a failed write is retried without calling
 * the provider again, and an ambiguous outcome is never resent blindly (in_doubt).
 */
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { smsMessage } from "@/db/schema";
import type { SmsStatus } from "@/db/schema/constants";
import type { ProviderAdapter, SendOutcome } from "@/server/providers/types";
import { adapterFor, findAccount, findDefaultAccount, webhookUrl } from "../sms-accounts/account-store";
import { claimWhere, getMessage, MAX_ATTEMPTS, type MessageRow, RETRY_DELAYS_MS, transition } from "./ledger";
import { activeOptOut, recordOptOut } from "./opt-outs";
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

export async function sendClaimed(db: Db, m: MessageRow): Promise<DispatchResult> {
  // Consent is re-checked at dispatch: the number may have sent PARE since the message was queued.
  const opted = await activeOptOut(db, m.phoneE164);
  if (opted) return fail(db, m, "blocked", "opted_out", "O número pediu para não receber SMS (opt-out).");

  const account = (m.providerAccountId ? await findAccount(db, m.providerAccountId) : undefined) ?? (await findDefaultAccount(db));
  if (!account || !account.active) return fail(db, m, "failed", "no_account", "Nenhuma conta de SMS ativa.");

  let outcome: SendOutcome;
  let adapter: ProviderAdapter | undefined;
  try {
    adapter = await adapterFor(db, account);
    await paceSend(account.id, account.ratePerSecond);
    outcome = await adapter.send({
      messageId: m.ref,
      to: m.phoneE164,
      text: m.body,
      encoding: m.encoding,
      segments: m.segments,
      statusCallbackUrl: `${webhookUrl(account)}?ref=${encodeURIComponent(m.ref)}`,
    });
  } catch (err) {
    // An adapter bug after the request may have left: treat as ambiguous, never resend blindly.
    outcome = { kind: "retryable", code: "adapter_error", message: `Erro inesperado no envio: ${(err as Error).message}`.slice(0, 300), maybeAccepted: true };
  }
  return recordOutcome(db, m, account.id, outcome, adapter);
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
