// Protects the precomputed cost of each customer's template values (migration 0005): whenever the
// SQL gives a metric, it is the length and encoding class of the value the renderer produces, with
// and without accents; and the committed migration is the generator's output.
import { readFileSync } from "node:fs";
import { eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { city, connection, customer, plan } from "@/db/schema";
import { gsmSeptets } from "@/server/sms/gsm";
import { transliterateToGsm } from "@/server/sms/transliterate";
import { contextForCustomer } from "@/server/sms/template";
import { createTestDb } from "@/test/db";
import { makeCustomer, makeNetwork, type Network } from "@/test/factories";
import { textMetricsMigrationSql } from "./text-metrics-migration";

const db = createTestDb();
let net: Network;

const NAMES = [
  "Maria da Silva", "MARIA DA SILVA", "maria da silva", "Heloísa Conceição", "JOÃO PEÇANHA", "joão", "Çaique Araújo", "ÇAIQUE ARAÚJO",
  "Calçados São José Ltda", "Dr. João Souza", "Dra Ana Lúcia", "DRA ANA", "Sr Zé", "Srta. Rosa", "Prof Ênio", "Sra", "Rosa Nunes", "Sara Dias",
  "Ñandú Müller", "ÅSA ØSTBY", "Érica Ávila", "ÉRICA", "Ìtalo Ònix", "Àngela", "ÀNGELA", "José  Silva", " Ana ", "Ana\tPaula", "Ana\u00a0Paula",
  "Zoë ßeta", "Straße Groß", "Σοφία", "ΣΟΦΙΑ Lima", "Lúcia 😀", "Ana [Bia]", "Ana-Maria Sá", "D'Ávila Neto", "O’Neill", "- Maria", "İlker Şahin",
  "ĐORĐE Ćosić", "Łukasz", "Æsa", "Mercado Œuvre", "João…", "“Tia” Nena", "Vidraçaria Vilela ME", "Posto Bom Jesus EIRELI", "x", "Ña", "ÑA", "ña",
  "ÐANIEL", "e\u0301rica", "Ana Maria", "Sr.", "Dr", "DR João", "Pröf Ana", "SRTA Ana",
];
const CODES = ["10234", " 77 ", "A-9/2", "ção1", "x{1}", "", "€5"];
const PLACES = ["Poços de Caldas", "São João del-Rei", "Itajubá", "Ouro Fino", "Santa Rita do Sapucaí", "Brasília [DF]", "Mogi 😀"];

/** Length and class the renderer's value has, with accents and without. */
function expected(value: string) {
  const chars = Array.from(value);
  return {
    length: chars.length,
    nonGsm: chars.some((c) => gsmSeptets(c) === 0),
    plainUnits: chars.reduce((n, c) => n + gsmSeptets(c), 0),
    withoutAccents: Array.from(transliterateToGsm(value).text).reduce((n, c) => n + gsmSeptets(c), 0),
    utf16: value.length,
  };
}

async function check(customerId: number) {
  const [row] = await db.all<{ name: string; code: string; city: string | null; plan: string | null; t_nome: number | null; t_first: number | null; t_code: number | null; t_plan: number | null; t_city: number | null }>(sql`
    SELECT c.name, c.code, ci.name AS city,
      (SELECT pl.name FROM connection k JOIN plan pl ON pl.id = k.plan_id WHERE k.customer_id = c.id ORDER BY k.status = 'cancelled', k.id LIMIT 1) AS plan,
      b.t_nome, b.t_first, b.t_code, b.t_plan, b.t_city
    FROM customer c LEFT JOIN city ci ON ci.id = c.city_id JOIN batch_candidate b ON b.customer_id = c.id AND b.dim = 'cidade'
    WHERE c.id = ${customerId}`);
  expect(row, "the customer has a cidade row").toBeDefined();
  const ctx = contextForCustomer({ name: row!.name, code: row!.code, planName: row!.plan, cityName: row!.city });
  const pairs = [["nome", row!.t_nome], ["primeiro_nome", row!.t_first], ["codigo", row!.t_code], ["plano", row!.t_plan], ["cidade", row!.t_city]] as const;
  let regular = 0;
  for (const [name, metric] of pairs) {
    if (metric === null) continue;
    regular++;
    const e = expected(ctx[name]);
    const got = { length: metric >> 2, nonGsm: (metric & 3) === 1 };
    const label = `${name} of ${JSON.stringify(row!.name)} = ${JSON.stringify(ctx[name])}`;
    expect(got, label).toEqual({ length: e.length, nonGsm: e.nonGsm });
    // The length holds in every way the text can be counted.
    expect(e.withoutAccents, label).toBe(e.length);
    expect(e.utf16, label).toBe(e.length);
    if (!e.nonGsm) expect(e.plainUnits, label).toBe(e.length);
  }
  return regular;
}

beforeAll(async () => {
  net = await makeNetwork(db);
});

describe("text metrics", () => {
  it("the committed migration is the generator's output", () => {
    expect(readFileSync("db/migrations/0005_batch_candidate_text.sql", "utf8")).toBe(textMetricsMigrationSql());
  });

  it("agree with the renderer for names, codes, cities and plans of every awkward kind", async () => {
    let regular = 0;
    for (const [i, name] of NAMES.entries()) {
      const [c] = await db.insert(city).values({ name: PLACES[i % PLACES.length]!, uf: (["MG", "SP", "RJ", "BA", "PR", "RS", "SC"] as const)[i % 7]!, timeZone: "America/Sao_Paulo" }).onConflictDoNothing().returning();
      const cust = await makeCustomer(db, net, { name, code: `${CODES[i % CODES.length]}${i}`, phones: [{ e164: `+553599${String(100000 + i).padStart(7, "0")}`, isPrimary: true }] });
      if (c) await db.update(customer).set({ cityId: c.id }).where(eq(customer.id, cust.id));
      regular += await check(cust.id);
    }
    // Most values are decided in SQL; the irregular ones go to JavaScript.
    expect(regular).toBeGreaterThan(NAMES.length * 3);
  });

  it("agree with the renderer for any generated name", async () => {
    const letters = fc.constantFrom(..."aeiouAEIOUáãâéêíóôõúçÁÃÂÉÊÍÓÔÕÚÇàÀèÈñÑüÜåÅøØæÆßΣΩ ''-.".split(""), "  ", "Dr ", "SRA ", "😀", "ĳ", "ſ", "İ");
    await fc.assert(
      fc.asyncProperty(fc.array(letters, { minLength: 1, maxLength: 14 }), async (parts) => {
        const cust = await makeCustomer(db, net, { name: parts.join(""), phones: [{ e164: `+5535998${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`, isPrimary: true }] });
        await check(cust.id);
      }),
      { numRuns: 150 },
    );
  });

  it("follow renames of a customer, its city and its plan, and a cancelled connection's plan", async () => {
    const cust = await makeCustomer(db, net, { name: "Ana Souza", withConnection: false, phones: [{ e164: "+5535999880001", isPrimary: true }] });
    await check(cust.id);
    await db.update(customer).set({ name: "Conceição Araújo", code: "çx9" }).where(eq(customer.id, cust.id));
    await check(cust.id);
    const [pl] = await db.insert(plan).values({ name: "Fibra Básica", downloadMbps: 10, uploadMbps: 5, priceCents: 5000 }).returning();
    await db.insert(connection).values({ customerId: cust.id, login: `cancelada-${cust.id}`, planId: pl!.id, serverId: net.server.id, accessPointId: net.accessPoint.id, status: "cancelled" });
    expect(await check(cust.id)).toBe(5);
    await db.update(plan).set({ name: "Fibra 😀" }).where(eq(plan.id, pl!.id));
    await check(cust.id);
    await db.update(city).set({ name: "Pouso Alegre – Sul" }).where(eq(city.id, net.city.id));
    await check(cust.id);
    const [t] = await db.all<{ t_plan: number | null; t_city: number | null }>(sql`SELECT t_plan, t_city FROM batch_candidate WHERE customer_id = ${cust.id} LIMIT 1`);
    expect(t).toEqual({ t_plan: null, t_city: 18 * 4 + 1 });
  });
});
