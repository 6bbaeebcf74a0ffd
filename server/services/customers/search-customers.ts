import { and, asc, eq, like, or, type SQL, sql } from "drizzle-orm";
import { city, customer, phone } from "@/db/schema";
import { formatDocument, normalizeSearch } from "@/server/lib/text";
import { formatPhoneNational } from "@/server/sms/phone";
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

function matchCondition(q: string, view: CustomerView): SQL | undefined {
  const raw = q.trim();
  if (!raw) return undefined;
  const digits = raw.replace(/\D/g, "");
  const numeric = digits.length > 0 && /^[\d\s().+\-/]+$/.test(raw);
  const codeMatch = sql`${customer.code} like ${`${likeEscape(raw)}%`} escape '\\'`;
  if (numeric) {
    const national = nationalDigits(digits);
    const byPhone =
      national.length >= 4
        ? sql`exists (select 1 from ${phone} where ${phone.customerId} = ${customer.id} and ${phone.e164} like ${`%${likeEscape(national)}`} escape '\\')`
        : undefined;
    // A technician never learns CPF/CNPJ, so they cannot search by it either (no existence oracle).
    return or(codeMatch, view === "office" ? like(customer.document, `${digits}%`) : undefined, byPhone);
  }
  const words = normalizeSearch(raw).split(" ").filter(Boolean);
  const byName = and(...words.map((w) => sql`${customer.searchName} like ${`%${likeEscape(w)}%`} escape '\\'`));
  return or(byName, codeMatch);
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
  const where = and(matchCondition(q, view), status ? eq(customer.status, status) : undefined);
  const primaryMobile = sql<string | null>`(select ${phone.e164} from ${phone} where ${phone.customerId} = ${customer.id} and ${phone.kind} = 'mobile' order by ${phone.isPrimary} desc, ${phone.id} limit 1)`;
  const rows = await db
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
