/**
 * The history filters as a query string (?de=…&ate=…&situacao=sent,delivered…), shared by the
 * grids' "Exportar CSV" link and the export route. Browser-safe.
 */
import type { MessageFiltersInput } from "./schemas";

const KEYS = { from: "de", to: "ate", statuses: "situacao", customerId: "cliente", operatorId: "operador", origin: "origem", phone: "telefone" } as const;

export function filtersToSearchParams(f: MessageFiltersInput): URLSearchParams {
  const p = new URLSearchParams();
  if (f.from) p.set(KEYS.from, f.from);
  if (f.to) p.set(KEYS.to, f.to);
  if (f.statuses && f.statuses.length > 0) p.set(KEYS.statuses, f.statuses.join(","));
  if (f.customerId) p.set(KEYS.customerId, String(f.customerId));
  if (f.operatorId) p.set(KEYS.operatorId, f.operatorId);
  if (f.origin) p.set(KEYS.origin, f.origin);
  if (f.phone && f.phone.trim()) p.set(KEYS.phone, f.phone.trim());
  return p;
}

/** Raw values from a query string; the zod schema decides whether they are valid. */
export function filtersFromSearchParams(p: URLSearchParams): Record<string, unknown> {
  const text = (k: string) => p.get(k) || undefined;
  const customer = text(KEYS.customerId);
  const statuses = text(KEYS.statuses);
  return {
    from: text(KEYS.from),
    to: text(KEYS.to),
    statuses: statuses ? statuses.split(",").filter(Boolean) : undefined,
    customerId: customer === undefined ? undefined : /^\d{1,15}$/.test(customer) ? Number(customer) : Number.NaN,
    operatorId: text(KEYS.operatorId),
    origin: text(KEYS.origin),
    phone: text(KEYS.phone),
  };
}
