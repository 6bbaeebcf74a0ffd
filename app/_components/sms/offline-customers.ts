/**
 * The customer search without a connection: only among the customers this device saved (earlier
 * search results and opened customers), with the server's matching rules in short — name words
 * without accents, code, CPF/CNPJ or phone digits. Never the previous search's results.
 */
import type { CustomerDetail, SearchCustomersOutput } from "@/server/services/customers/schemas";
import { normalizeSearch } from "@/server/lib/text";
import { formatPhoneNational } from "@/server/sms/phone";

export type SavedCustomer = SearchCustomersOutput["items"][number];

const MAX_RESULTS = 20;

/** A saved customer's detail in the shape of a search result. */
export function fromDetail(d: CustomerDetail): SavedCustomer {
  const mobiles = d.phones.filter((p) => p.kind === "mobile").sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary));
  return {
    id: d.id,
    code: d.code,
    name: d.name,
    document: d.document,
    status: d.status,
    city: d.address.city,
    uf: d.address.uf,
    primaryMobile: mobiles[0] ? formatPhoneNational(mobiles[0].e164) : null,
  };
}

function matches(c: SavedCustomer, q: string): boolean {
  const raw = q.trim();
  if (!raw) return false;
  const digits = raw.replace(/\D/g, "");
  if (c.code.toLowerCase().startsWith(raw.toLowerCase())) return true;
  if (digits.length > 0 && /^[\d\s().+\-/]+$/.test(raw)) {
    const national = digits.length >= 12 && digits.startsWith("55") ? digits.slice(2) : digits;
    if (c.document?.replace(/\D/g, "").startsWith(digits)) return true;
    return national.length >= 4 && (c.primaryMobile ?? "").replace(/\D/g, "").includes(national);
  }
  const name = normalizeSearch(c.name);
  return normalizeSearch(raw)
    .split(" ")
    .every((w) => name.includes(w));
}

/** Matching saved customers, one per id (an opened customer's detail wins over a list row), by name. */
export function findSavedCustomers(q: string, lists: readonly SearchCustomersOutput[], details: readonly CustomerDetail[]): SavedCustomer[] {
  const byId = new Map<number, SavedCustomer>();
  for (const list of lists) for (const c of list.items) byId.set(c.id, c);
  for (const d of details) byId.set(d.id, fromDetail(d));
  return [...byId.values()]
    .filter((c) => matches(c, q))
    .sort((a, b) => a.name.localeCompare(b.name, "pt-BR"))
    .slice(0, MAX_RESULTS);
}
