import { and, asc, eq, like, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { city, customer, phone } from "@/db/schema";
import { formatDocument, normalizeSearch } from "@/server/lib/text";
import { formatPhoneNational } from "@/server/sms/phone";
import { CUSTOMER_PAGE_SIZE, type SearchCustomersInput, type SearchCustomersOutput, searchCustomersInput } from "./schemas";

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

function matchCondition(q: string): SQL | undefined {
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
    return or(codeMatch, like(customer.document, `${digits}%`), byPhone);
  }
  const words = normalizeSearch(raw).split(" ").filter(Boolean);
  const byName = and(...words.map((w) => sql`${customer.searchName} like ${`%${likeEscape(w)}%`} escape '\\'`));
  return or(byName, codeMatch);
}

/** Server-side customer search by name, code, CPF/CNPJ or phone; paginated by offset. */
export async function searchCustomers({ db, input }: { db: Db; input: SearchCustomersInput }): Promise<SearchCustomersOutput> {
  const { q, status, cursor } = searchCustomersInput.parse(input);
  const offset = cursor ?? 0;
  const where = and(matchCondition(q), status ? eq(customer.status, status) : undefined);
  const primaryMobile = sql<string | null>`(select ${phone.e164} from ${phone} where ${phone.customerId} = ${customer.id} and ${phone.kind} = 'mobile' order by ${phone.isPrimary} desc, ${phone.id} limit 1)`;
  const rows = await db
    .select({
      id: customer.id,
      code: customer.code,
      name: customer.name,
      document: customer.document,
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
    items: page.map((r) => ({
      ...r,
      document: formatDocument(r.document),
      primaryMobile: r.primaryMobile ? formatPhoneNational(r.primaryMobile) : null,
    })),
    nextCursor: rows.length > CUSTOMER_PAGE_SIZE ? offset + CUSTOMER_PAGE_SIZE : null,
  };
}
