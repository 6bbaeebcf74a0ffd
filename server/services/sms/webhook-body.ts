/**
 * Bounded request bodies for the SMS webhook (issue 12, item 6): a provider's report or reply is a
 * few hundred bytes, so anything past WEBHOOK_BODY_LIMIT is refused — from Content-Length before
 * anything else, and while streaming for chunked bodies, cancelling the stream at the limit.
 */

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
export async function readBodyCapped(req: Request, limit = WEBHOOK_BODY_LIMIT): Promise<string | null> {
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder().decode(bytes);
}
