/**
 * Reads a request body under a byte cap: a declared Content-Length over the cap is refused without
 * reading a byte, and a body without one (chunked) is read only up to the cap, so neither a lying
 * header nor an endless stream makes the server hold more than `maxBytes`. Used by the tRPC and auth
 * routes (server/api/body-limit.ts) and the SMS webhook (server/services/sms/webhook-body.ts).
 */

export type CappedBody = { ok: true; body: Uint8Array | null } | { ok: false };

/** Reads the whole body only when it fits in `maxBytes`; cancels the stream as soon as it does not. */
export async function readBodyCapped(req: Request, maxBytes: number): Promise<CappedBody> {
  const declared = req.headers.get("content-length");
  if (declared !== null && !(Number(declared) <= maxBytes)) {
    await req.body?.cancel().catch(() => {});
    return { ok: false };
  }
  if (!req.body) return { ok: true, body: null };
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      return { ok: false };
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    body.set(c, at);
    at += c.byteLength;
  }
  return { ok: true, body };
}
