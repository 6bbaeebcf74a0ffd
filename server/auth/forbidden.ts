/**
 * The "Sem permissão" page's address: what was tried and which roles may open it, carried in the
 * query so the page can say so. Display only: the page grants nothing, and the values are checked
 * again when read.
 */
import { ROLES, type Role } from "@/db/schema/constants";

/** Request header set by proxy.ts with the path being opened (pages cannot read their own path). */
export const PATHNAME_HEADER = "x-painel-path";
export const FORBIDDEN_PATH = "/sem-permissao";

/** Only a path of this site, without its query (which may carry anything). */
export function safeTriedPath(path: unknown): string | null {
  if (typeof path !== "string" || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return null;
  const bare = path.split(/[?#]/)[0]!;
  return bare.length > 200 ? null : bare;
}

export function forbiddenHref(tried: string | null, roles: readonly Role[]): string {
  const q = new URLSearchParams();
  const path = safeTriedPath(tried);
  if (path) q.set("pagina", path);
  q.set("perfis", roles.join(","));
  return `${FORBIDDEN_PATH}?${q.toString()}`;
}

export function parseForbiddenQuery(q: { pagina?: string | string[]; perfis?: string | string[] }): { path: string | null; roles: Role[] } {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const wanted = (one(q.perfis) ?? "").split(",");
  return { path: safeTriedPath(one(q.pagina)), roles: ROLES.filter((r) => wanted.includes(r)) };
}
