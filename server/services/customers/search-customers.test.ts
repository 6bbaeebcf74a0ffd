// Protects the customer search operators rely on: name without accents, code, CPF/CNPJ and phone in
// any typed format, status filter, literal wildcards, and offset pagination.
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/test/db";
import { makeCustomer, makeNetwork } from "@/test/factories";
import { getCustomer } from "./get-customer";
import { customerPageQuery, searchCustomers } from "./search-customers";
import { systemContext } from "@/server/services/context";

const db = createTestDb();
const search = (q: string, extra: { status?: "active" | "suspended" | "cancelled"; cursor?: number } = {}) =>
  searchCustomers(systemContext(db, "test"), { q, ...extra });

beforeAll(async () => {
  const net = await makeNetwork(db);
  await makeCustomer(db, net, {
    name: "João Conceição da Silva",
    code: "C04521",
    document: "52998224725",
    phones: [
      { e164: "+5535991234567", isPrimary: true },
      { e164: "+5535987650000" },
      { e164: "+553537221234", kind: "landline", isPrimary: true },
    ],
  });
  await makeCustomer(db, net, { name: "Maria 100% Fibra", code: "C04522", status: "suspended" });
  await makeCustomer(db, net, { name: "Heloísa Antunes", code: "C04523", document: "11222333000181", phones: [{ e164: "+553599123456" }] });
  for (let i = 0; i < 25; i++) await makeCustomer(db, net, { name: `Zélia Paginada ${String(i).padStart(2, "0")}` });
});

describe("searchCustomers", () => {
  it("finds by name ignoring accents and case, in any word order", async () => {
    for (const q of ["joao", "JOÃO silva", "silva conceicao"]) {
      const r = await search(q);
      expect(r.items.map((i) => i.name), q).toEqual(["João Conceição da Silva"]);
    }
  });

  it("finds by code and by CPF typed with or without punctuation", async () => {
    expect((await search("C04521")).items[0]?.name).toBe("João Conceição da Silva");
    expect((await search("529.982.247-25")).items[0]?.document).toBe("529.982.247-25");
    expect((await search("52998224725")).items).toHaveLength(1);
  });

  it("finds by phone in every format an operator types, including additional numbers", async () => {
    for (const q of ["(35) 99123-4567", "35991234567", "035991234567", "+55 35 9 9123-4567", "99123-4567", "98765-0000", "3722-1234"]) {
      const r = await search(q);
      expect(r.items.map((i) => i.code), q).toEqual(["C04521"]);
    }
  });

  it("finds 8-digit legacy numbers, CNPJ by prefix, a code typed in lower case, and accented names by word prefix", async () => {
    for (const q of ["9912-3456", "(35) 9912-3456", "11.222.333", "c04523", "heloisa", "HELO ant"]) {
      expect((await search(q)).items.map((i) => i.code), q).toEqual(["C04523"]);
    }
    // A word prefix, not any substring: "ilva" is inside "Silva" but starts no word.
    expect((await search("ilva")).items).toEqual([]);
  });

  it("looks up name, phone, CPF and code through indexes, never scanning customers or phones", async () => {
    for (const q of ["joao silva", "(35) 99123-4567", "9912-3456", "529.982.247-25", "C04521"]) {
      const query = customerPageQuery(db, { q, offset: 0 }, "office").toSQL();
      const plan = await db.$client.execute({ sql: `EXPLAIN QUERY PLAN ${query.sql}`, args: query.params as never });
      const details = plan.rows.map((r) => String(r.detail));
      expect(details.filter((d) => /^SCAN (customer|phone)\b/.test(d)), `${q}\n${details.join("\n")}`).toEqual([]);
    }
  });

  it("returns the primary mobile in national format", async () => {
    expect((await search("C04521")).items[0]?.primaryMobile).toBe("(35) 99123-4567");
  });

  it("takes % and _ literally and filters by status", async () => {
    expect((await search("100%")).items.map((i) => i.code)).toEqual(["C04522"]);
    expect((await search("%")).items.map((i) => i.code)).toEqual(["C04522"]);
    expect((await search("", { status: "suspended" })).items.map((i) => i.code)).toEqual(["C04522"]);
  });

  it("paginates 20 at a time with a cursor", async () => {
    const first = await search("zelia paginada");
    expect(first.items).toHaveLength(20);
    expect(first.nextCursor).toBe(20);
    const second = await search("zelia paginada", { cursor: first.nextCursor! });
    expect(second.items).toHaveLength(5);
    expect(second.nextCursor).toBeNull();
    const names = [...first.items, ...second.items].map((i) => i.name);
    expect(new Set(names).size).toBe(25);
    expect(names).toEqual([...names].sort());
  });

  it("rejects an over-long query with a message in Portuguese", async () => {
    await expect(search("x".repeat(101))).rejects.toThrow("A busca aceita no máximo 100 caracteres.");
  });
});

describe("getCustomer", () => {
  it("returns phones mobile-first with the primary first, and the connection", async () => {
    const id = (await search("C04521")).items[0]!.id;
    const c = await getCustomer(systemContext(db, "test"), { id });
    expect(c.phones.map((p) => [p.kind, p.isPrimary, p.national])).toEqual([
      ["mobile", true, "(35) 99123-4567"],
      ["mobile", false, "(35) 98765-0000"],
      ["landline", true, "(35) 3722-1234"],
    ]);
    expect(c.connections).toHaveLength(1);
    expect(c.address.uf).toBe("MG");
  });

  it("says the customer was not found", async () => {
    await expect(getCustomer(systemContext(db, "test"), { id: 999_999 })).rejects.toThrow("Cliente não encontrado.");
  });
});
