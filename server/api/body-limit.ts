/**
 * Caps request bodies before anything parses them: a declared Content-Length over the cap is refused
 * without reading a byte, and a body without one (chunked) is read only up to the cap, so neither a
 * lying header nor an endless stream can make the server hold more than `maxBytes` in memory.
 */

import { readBodyCapped } from "@/server/lib/capped-body";

export const BODY_TOO_LARGE_MESSAGE = "O pedido é grande demais para o servidor. Envie menos dados de uma vez.";

/** Sign-in and the other auth calls: e-mail, password and a few flags. */
export const AUTH_BODY_MAX_BYTES = 8 * 1024;

/**
 * tRPC: the biggest legitimate input is the batch preview with the most unticked customers
 * (MAX_DESELECTED = 100,000 ids ≈ 0.9 MB as superjson with 8-digit ids; see body-limit.test.ts).
 */
export const TRPC_BODY_MAX_BYTES = 2 * 1024 * 1024;

export function bodyTooLarge(): Response {
  return Response.json({ error: { message: BODY_TOO_LARGE_MESSAGE } }, { status: 413 });
}

/**
 * The same request with its body read under the cap (a fresh Request that handlers may parse
 * freely), or a 413 answer in Portuguese. Bodiless requests pass unchanged.
 */
export async function withBodyLimit(req: Request, maxBytes: number): Promise<Request | Response> {
  if (req.method === "GET" || req.method === "HEAD") return req;
  const read = await readBodyCapped(req, maxBytes);
  if (!read.ok) return bodyTooLarge();
  const headers = new Headers(req.headers);
  headers.delete("transfer-encoding");
  headers.set("content-length", String(read.body?.byteLength ?? 0));
  return new Request(req.url, { method: req.method, headers, body: read.body as BodyInit | null, signal: req.signal });
}
