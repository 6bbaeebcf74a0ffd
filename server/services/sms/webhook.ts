import type { Db } from "@/db/client";
import { timingSafeEqualStr } from "@/server/lib/crypto";
import { logger } from "@/server/lib/logger";
import { adapterFor, findAccount } from "../sms-accounts/account-store";
import { recordProviderEvents } from "./reports";

export type WebhookAnswer = { status: number; contentType: string; body: string };

const NOT_FOUND: WebhookAnswer = { status: 404, contentType: "text/plain", body: "not found" };

type AccountRow = NonNullable<Awaited<ReturnType<typeof findAccount>>>;
export type WebhookRequestParts = { publicUrl: string; method: string; headers: Headers; rawBody: string };

/**
 * The account a webhook URL names, when its secret matches; undefined otherwise. One indexed read
 * and no body: the route calls this before reading anything a stranger sent.
 */
export async function authenticateWebhook(db: Db, accountId: string, secret: string): Promise<AccountRow | undefined> {
  const id = Number(accountId);
  if (!Number.isInteger(id) || id <= 0) return undefined;
  const account = await findAccount(db, id);
  // Same answer for an unknown account and a wrong secret: nothing to learn by probing.
  return account && timingSafeEqualStr(secret, account.webhookSecret) ? account : undefined;
}

/** Answer to an unknown account or a wrong secret. */
export const WEBHOOK_NOT_FOUND = NOT_FOUND;

/** Parses (and for Twilio verifies) an authenticated account's webhook and records it. */
export async function processProviderWebhook(db: Db, account: AccountRow, req: WebhookRequestParts): Promise<WebhookAnswer> {
  const adapter = await adapterFor(db, account);
  const parsed = await adapter.parseWebhook({ url: req.publicUrl, method: req.method, headers: req.headers, rawBody: req.rawBody });
  if (!parsed.ok) {
    logger.warn({ area: "webhook", accountId: account.id, status: parsed.status }, parsed.error);
    return { status: parsed.status, contentType: "text/plain", body: parsed.error };
  }
  const ref = new URL(req.publicUrl).searchParams.get("ref");
  const summary = await recordProviderEvents(db, account.id, parsed, ref);
  if (summary.unknown > 0) logger.info({ area: "webhook", accountId: account.id, unknown: summary.unknown }, "report for an unknown message");
  return parsed.response ?? { status: 200, contentType: "text/plain", body: "ok" };
}

/**
 * One webhook per account: /api/webhooks/sms/{accountId}/{secret}. The secret in the path
 * authenticates providers that do not sign; Twilio's signature is checked by its adapter.
 */
export async function handleProviderWebhook(db: Db, req: WebhookRequestParts & { accountId: string; secret: string }): Promise<WebhookAnswer> {
  const account = await authenticateWebhook(db, req.accountId, req.secret);
  return account ? processProviderWebhook(db, account, req) : NOT_FOUND;
}
