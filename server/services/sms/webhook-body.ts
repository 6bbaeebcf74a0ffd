/**
 * Bounded request bodies for the SMS webhook (issue 12, item 6): a provider's report or reply is a
 * few hundred bytes, so anything past WEBHOOK_BODY_LIMIT is refused — from Content-Length before
 * anything else, and while streaming for chunked bodies, cancelling the stream at the limit.
 */

import { readBodyCapped } from "@/server/lib/capped-body";

/** Zenvia and Infobip may batch several events in one callback; 16 KiB still holds dozens. */
export const WEBHOOK_BODY_LIMIT = 16 * 1024;

/** True when the request declares a body larger than `limit` (or an unreadable length). */
export function declaresTooLarge(headers: Headers, limit = WEBHOOK_BODY_LIMIT): boolean {
  const raw = headers.get("content-length");
  if (raw === null) return false;
  const length = Number(raw);
  return !Number.isSafeInteger(length) || length < 0 || length > limit;
}

/** The body as UTF-8 text, or null as soon as it passes `limit` bytes (the rest is never read). */
export async function readWebhookText(req: Request, limit = WEBHOOK_BODY_LIMIT): Promise<string | null> {
  const read = await readBodyCapped(req, limit);
  if (!read.ok) return null;
  return read.body ? new TextDecoder().decode(read.body) : "";
}
