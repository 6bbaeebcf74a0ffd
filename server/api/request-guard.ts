/**
 * Cross-site request guard for the tRPC endpoint: a mutation must be a JSON POST whose Origin is
 * this site (or a configured trusted origin). A form or another site's page cannot forge one.
 */
import { forwardingSanitised } from "@/server/http/forwarding";

export type GuardResult = { ok: true } | { ok: false; status: number; message: string };

const first = (v: string | null) => v?.split(",")[0]?.trim() || null;

/**
 * The origin the browser used to reach this server (Host, or X-Forwarded-Host/-Proto when our
 * server vouches for them: they came from a TRUSTED_PROXIES peer — server/http/forwarding.ts), or
 * null when it is not a plain http(s) origin.
 */
export function requestOrigin(req: Request): string | null {
  const forwarded = forwardingSanitised();
  const host = (forwarded ? first(req.headers.get("x-forwarded-host")) : null) ?? req.headers.get("host") ?? new URL(req.url).host;
  // Nothing that could turn it into a pattern, a path or credentials.
  if (!host || /[*?\s/@#\\]/.test(host)) return null;
  const proto = (forwarded ? first(req.headers.get("x-forwarded-proto")) : null) ?? new URL(req.url).protocol.replace(":", "");
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
