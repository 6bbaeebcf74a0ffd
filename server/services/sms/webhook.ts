import type { Db } from "@/db/client";
import { timingSafeEqualStr } from "@/server/lib/crypto";
import { logger } from "@/server/lib/logger";
import { adapterFor, findAccount } from "../sms-accounts/account-store";
import { recordProviderEvents } from "./reports";

export type WebhookAnswer = { status: number; contentType: string; body: string };

const NOT_FOUND: WebhookAnswer = { status: 404, contentType: "text/plain", body: "not found" };

/**
 * One webhook per account: /api/webhooks/sms/{accountId}/{secret}. The secret in the path
 * authenticates providers that do not sign; Twilio's signature is checked by its adapter.
 */
export async function handleProviderWebhook(
  db: Db,
  req: { accountId: string; secret: string; publicUrl: string; method: string; headers: Headers; rawBody: string },
): Promise<WebhookAnswer> {
  const id = Number(req.accountId);
  if (!Number.isInteger(id) || id <= 0) return NOT_FOUND;
  const account = await findAccount(db, id);
  // Same answer for an unknown account and a wrong secret: nothing to learn by probing.
  if (!account || !timingSafeEqualStr(req.secret, account.webhookSecret)) return NOT_FOUND;
  const adapter = await adapterFor(db, account);
  const parsed = await adapter.parseWebhook({ url: req.publicUrl, method: req.method, headers: req.headers, rawBody: req.rawBody });
  if (!parsed.ok) {
    logger.warn({ area: "webhook", accountId: id, status: parsed.status }, parsed.error);
    return { status: parsed.status, contentType: "text/plain", body: parsed.error };
  }
  const ref = new URL(req.publicUrl).searchParams.get("ref");
  const summary = await recordProviderEvents(db, account.id, parsed, ref);
  if (summary.unknown > 0) logger.info({ area: "webhook", accountId: id, unknown: summary.unknown }, "report for an unknown message");
  return parsed.response ?? { status: 200, contentType: "text/plain", body: "ok" };
}
