import { and, asc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Db } from "@/db/client";
import { city, customer, phone } from "@/db/schema";
import { reversedSql } from "@/db/schema/reversed-digits";
import { formatDocument, normalizeSearch } from "@/server/lib/text";
import { formatPhoneNational } from "@/server/sms/phone";
import type { CustomerStatus } from "@/db/schema/constants";
import { invalid } from "../errors";
import { CUSTOMER_PAGE_SIZE, type CustomerView, FIELD_SEARCH_MIN_CHARS, type SearchCustomersInput, type SearchCustomersOutput, searchCustomersInput, customerViewOf } from "./schemas";
import { requirePermission } from "@/server/services/permissions";
import type { ServiceContext } from "@/server/services/context";

/** LIKE pattern with the user's % and _ taken literally. */
function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** National digits of a typed phone: drops +55 / 0 trunk prefixes. */
function nationalDigits(digits: string): string {
  if (digits.length >= 12 && digits.startsWith("55")) return digits.slice(2);
  if (digits.length >= 11 && digits.startsWith("0")) return digits.slice(1);
  return digits;
}

/** Rows whose text starts with `prefix`, as a range an index can seek (LIKE cannot: it ignores case). */
function startsWith(expr: SQL | SQLiteColumn, prefix: string): SQL {
  // Every character typed here is a digit or "+", all below ":" (which follows "9").
  return sql`(${expr} >= ${prefix} and ${expr} < ${`${prefix}:`})`;
}

/** FTS5 query: every word of the name as a token prefix ("joao silv" → "joao"* AND "silv"*). */
export function nameMatchQuery(words: readonly string[]): string {
  return words.map((w) => `"${w}"*`).join(" AND ");
}

function matchCondition(q: string, view: CustomerView): SQL | undefined {
  const raw = q.trim();
  if (!raw) return undefined;
  const digits = raw.replace(/\D/g, "");
  const numeric = digits.length > 0 && /^[\d\s().+\-/]+$/.test(raw);
  // Codes are stored upper-case; an operator may type them either way.
  const byCode = inArray(customer.code, [...new Set([raw, raw.toUpperCase()])]);
  if (numeric) {
    const national = nationalDigits(digits);
    // The number ends with what was typed: a prefix of the reversed E.164 (phone_e164_reversed_idx).
    const byPhone =
      national.length >= 4
        ? sql`${customer.id} in (select ${phone.customerId} from ${phone} where ${startsWith(reversedSql(phone.e164), [...national].reverse().join(""))})`
        : undefined;
    // A technician never learns CPF/CNPJ, so they cannot search by it either (no existence oracle).
    return or(byCode, view === "office" ? startsWith(customer.document, digits) : undefined, byPhone);
  }
  const words = normalizeSearch(raw).split(" ").filter(Boolean);
  const tokens = words.flatMap((w) => w.split(/[^\p{L}\p{N}]+/u)).filter(Boolean);
  // Words with punctuation ("100%") also keep it: checked on the few rows the index found.
  const literal = words.filter((w) => /[^\p{L}\p{N}]/u.test(w)).map((w) => sql`${customer.searchName} like ${`%${likeEscape(w)}%`} escape '\\'`);
  // Only punctuation typed: nothing to look up in the index, so the names are read (rare, and bounded by the page).
  if (tokens.length === 0) return or(and(...literal), byCode);
  const byName = and(sql`${customer.id} in (select rowid from customer_fts where customer_fts match ${nameMatchQuery(tokens)})`, ...literal);
  return or(byName, byCode);
}

/** The page's SELECT, unexecuted: the search runs it, and a test reads its query plan. */
export function customerPageQuery(db: Db, { q, status, offset }: { q: string; status?: CustomerStatus; offset: number }, view: CustomerView) {
  const where = and(matchCondition(q, view), status ? eq(customer.status, status) : undefined);
  const primaryMobile = sql<string | null>`(select ${phone.e164} from ${phone} where ${phone.customerId} = ${customer.id} and ${phone.kind} = 'mobile' order by ${phone.isPrimary} desc, ${phone.id} limit 1)`;
  return db
    .select({
      id: customer.id,
      code: customer.code,
      name: customer.name,
      ...(view === "office" ? { document: customer.document } : {}),
      status: customer.status,
      city: city.name,
      uf: city.uf,
      primaryMobile,
    })
    .from(customer)
    .innerJoin(city, eq(city.id, customer.cityId))
    .where(where)
    .orderBy(asc(customer.searchName), asc(customer.id))
    .limit(CUSTOMER_PAGE_SIZE + 1)
    .offset(offset);
}

/**
 * Server-side customer search by name, code, CPF/CNPJ or phone; paginated by offset. The field view
 * (technicians) needs a term, gets one page at most and no CPF/CNPJ.
 */
export async function searchCustomers(ctx: ServiceContext, input: SearchCustomersInput): Promise<SearchCustomersOutput> {
  requirePermission(ctx, "customers.read");
  const { db } = ctx;
  const view = customerViewOf(ctx.actor);
  const { q, status, cursor } = searchCustomersInput.parse(input);
  if (view === "field") {
    if (q.length < FIELD_SEARCH_MIN_CHARS) throw invalid(`Digite ao menos ${FIELD_SEARCH_MIN_CHARS} letras ou números do nome, código ou telefone do cliente.`, { q: "Informe o que buscar." });
    if (cursor) throw invalid("A busca mostra só os primeiros resultados: refine o nome, o código ou o telefone.");
  }
  const offset = cursor ?? 0;
  const rows = await customerPageQuery(db, { q, status, offset }, view);
  const page = rows.slice(0, CUSTOMER_PAGE_SIZE);
  return {
    items: page.map(({ document, ...r }) => ({
      ...r,
      ...(document !== undefined ? { document: formatDocument(document) } : {}),
      primaryMobile: r.primaryMobile ? formatPhoneNational(r.primaryMobile) : null,
    })),
    nextCursor: view === "office" && rows.length > CUSTOMER_PAGE_SIZE ? offset + CUSTOMER_PAGE_SIZE : null,
  };
}
