/**
 * Cross-site request guard for the tRPC endpoint: a mutation must be a JSON POST whose Origin is
 * this site (or a configured trusted origin). A form or another site's page cannot forge one.
 */
export type GuardResult = { ok: true } | { ok: false; status: number; message: string };

const first = (v: string | null) => v?.split(",")[0]?.trim() || null;

/**
 * The origin the browser used to reach this server (Host, or the proxy's X-Forwarded-Host/-Proto),
 * or null when it is not a plain http(s) origin. A browser cannot forge these headers on another
 * site's behalf (custom headers need a CORS preflight this server never grants).
 */
export function requestOrigin(req: Request): string | null {
  const host = first(req.headers.get("x-forwarded-host")) ?? req.headers.get("host") ?? new URL(req.url).host;
  // Nothing that could turn it into a pattern, a path or credentials.
  if (!host || /[*?\s/@#\\]/.test(host)) return null;
  const proto = first(req.headers.get("x-forwarded-proto")) ?? new URL(req.url).protocol.replace(":", "");
  if (proto !== "http" && proto !== "https") return null;
  try {
    // Normalised as browsers write Origin (lower case, default port dropped).
    return new URL(`${proto}://${host}`).origin;
  } catch {
    return null;
  }
}

export function guardTrpcRequest(req: Request, trustedOrigins: readonly string[]): GuardResult {
  if (req.method === "GET" || req.method === "HEAD") return { ok: true };
  if (req.method !== "POST") return { ok: false, status: 405, message: "Método não permitido." };
  const type = req.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") return { ok: false, status: 415, message: "Envie JSON (application/json)." };
  const fetchSite = req.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") {
    return { ok: false, status: 403, message: "Requisição de outro site recusada." };
  }
  const origin = req.headers.get("origin");
  if (!origin) return { ok: false, status: 403, message: "Requisição sem origem recusada." };
  if (origin !== requestOrigin(req) && !trustedOrigins.includes(origin)) {
    return { ok: false, status: 403, message: "Requisição de outro site recusada." };
  }
  return { ok: true };
}
