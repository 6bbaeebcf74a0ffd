// Protects least privilege on customers (issue 12 §9): through the real router, a technician gets what
// a field visit needs — name, address, phones, connection status — and never CPF/CNPJ, e-mail,
// payment profile or PPPoE logins; cannot list or page through the base, nor search by CPF.
// Operators and admins keep everything.
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/db/schema/constants";
import { createTestDb } from "@/test/db";
import { makeCustomer, makeNetwork, makeUser } from "@/test/factories";
import type { SessionUser } from "@/server/auth/session";
import { createCaller } from "../root";
import { createInnerContext } from "../trpc";

const db = createTestDb();
const users = {} as Record<Role, SessionUser>;
let customerId: number;
const as = (role: Role) => createCaller(createInnerContext({ db, user: users[role] }));

beforeAll(async () => {
  const net = await makeNetwork(db);
  customerId = (
    await makeCustomer(db, net, {
      name: "Conceição Araújo Gonçalves",
      document: "52998224725",
      withConnection: true,
      phones: [{ e164: "+5535991234567", isPrimary: true }, { e164: "+553537221234", kind: "landline" }],
    })
  ).id;
  for (let i = 0; i < 30; i++) await makeCustomer(db, net, { name: `Conceição Paginada ${String(i).padStart(2, "0")}` });
  for (const r of ["admin", "operador", "tecnico"] as const) users[r] = await makeUser(db, r);
});

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "OK";
  } catch (err) {
    return err instanceof TRPCError ? `${err.code}: ${err.message}` : String(err);
  }
}

describe("customers as a technician sees them", () => {
  it("the record has name, address, phones and connection status, and nothing else personal", async () => {
    const c = await as("tecnico").customer.get({ id: customerId });
    expect(c.name).toBe("Conceição Araújo Gonçalves");
    expect(c.address.city).toBeTruthy();
    expect(c.phones.map((p) => p.e164)).toEqual(["+5535991234567", "+553537221234"]);
    expect(c.connections.length).toBeGreaterThan(0);
    expect(c.connections[0]).toMatchObject({ status: "active" });
    for (const key of ["document", "email", "paymentProfile"]) expect(c, key).not.toHaveProperty(key);
    for (const conn of c.connections) expect(conn).not.toHaveProperty("login");
    expect(JSON.stringify(c)).not.toMatch(/529\.?982|52998224725/);
  });

  it("search results carry no CPF/CNPJ, and CPF is not a search key", async () => {
    const r = await as("tecnico").customer.search({ q: "conceicao araujo" });
    expect(r.items.map((i) => i.name)).toEqual(["Conceição Araújo Gonçalves"]);
    expect(r.items[0]).not.toHaveProperty("document");
    expect((await as("tecnico").customer.search({ q: "52998224725" })).items).toEqual([]);
    expect((await as("tecnico").customer.search({ q: "99123-4567" })).items.map((i) => i.id)).toEqual([customerId]);
  });

  it("a term is required and results stop at one page", async () => {
    expect(await refusal(as("tecnico").customer.search({ q: "" }))).toBe("BAD_REQUEST: Digite ao menos 2 letras ou números do nome, código ou telefone do cliente.");
    expect(await refusal(as("tecnico").customer.search({ q: " a " }))).toMatch(/^BAD_REQUEST: Digite ao menos 2/);
    const first = await as("tecnico").customer.search({ q: "conceicao" });
    expect(first.items).toHaveLength(20);
    expect(first.nextCursor).toBeNull();
    expect(await refusal(as("tecnico").customer.search({ q: "conceicao", cursor: 20 }))).toBe("BAD_REQUEST: A busca mostra só os primeiros resultados: refine o nome, o código ou o telefone.");
  });
});

describe("customers as operators and admins see them", () => {
  for (const role of ["operador", "admin"] as const) {
    it(`${role}: CPF/CNPJ, e-mail, payment profile and logins, the whole base page by page`, async () => {
      const c = await as(role).customer.get({ id: customerId });
      expect(c.document).toBe("529.982.247-25");
      expect(c).toHaveProperty("email");
      expect(c).toHaveProperty("paymentProfile");
      expect(c.connections[0]?.login).toBeTruthy();
      expect((await as(role).customer.search({ q: "52998224725" })).items[0]?.document).toBe("529.982.247-25");
      const all = await as(role).customer.search({ q: "" });
      expect(all.nextCursor).toBe(20);
      expect((await as(role).customer.search({ q: "", cursor: 20 })).items.length).toBeGreaterThan(0);
    });
  }
});
