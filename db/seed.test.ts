import { verifyPassword } from "better-auth/crypto";
import { parsePhoneNumberWithError } from "libphonenumber-js/max";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/test/db";
import { DEMO_PASSWORD, DEMO_USERS, isDatabaseEmpty, runSeed, seedDatabase, type SeedSummary, wipeSeededData } from "./seed";

// Written independently of the generator: Anatel's allocated DDDs.
const REAL_DDDS = new Set(
  "11 12 13 14 15 16 17 18 19 21 22 24 27 28 31 32 33 34 35 37 38 41 42 43 44 45 46 47 48 49 51 53 54 55 61 62 63 64 65 66 67 68 69 71 73 74 75 77 79 81 82 83 84 85 86 87 88 89 91 92 93 94 95 96 97 98 99".split(" "),
);

function isValidCpf(cpf: string): boolean {
  if (!/^\d{11}$/.test(cpf) || /^(\d)\1+$/.test(cpf)) return false;
  const d = [...cpf].map(Number);
  const check = (len: number) => {
    let sum = 0;
    for (let i = 0; i < len; i++) sum += (d[i] ?? 0) * (len + 1 - i);
    const r = (sum * 10) % 11;
    return r === 10 ? 0 : r;
  };
  return check(9) === d[9] && check(10) === d[10];
}

function isValidCnpj(cnpj: string): boolean {
  if (!/^\d{14}$/.test(cnpj) || /^(\d)\1+$/.test(cnpj)) return false;
  const d = [...cnpj].map(Number);
  const check = (len: number) => {
    let sum = 0;
    let weight = len - 7;
    for (let i = 0; i < len; i++) {
      sum += (d[i] ?? 0) * weight;
      weight = weight === 2 ? 9 : weight - 1;
    }
    const r = sum % 11;
    return r < 2 ? 0 : 11 - r;
  };
  return check(12) === d[12] && check(13) === d[13];
}

type Db = ReturnType<typeof createTestDb>;

async function rows<T>(db: Db, sql: string, args: (string | number)[] = []): Promise<T[]> {
  const res = await db.$client.execute({ sql, args });
  return res.rows as unknown as T[];
}

async function count(db: Db, sql: string): Promise<number> {
  const res = await db.$client.execute(sql);
  return Number(res.rows[0]?.[0] ?? 0);
}

describe("seedDatabase with 2,000 customers", () => {
  let db: Db;
  let summary: SeedSummary;

  beforeAll(async () => {
    db = createTestDb();
    summary = await seedDatabase(db, { customers: 2000 });
  });
  afterAll(() => db.$client.close());

  it("reports what it inserted", async () => {
    expect(summary.customers).toBe(2000);
    expect(await count(db, "SELECT count(*) FROM customer")).toBe(2000);
    expect(await count(db, "SELECT count(*) FROM phone")).toBe(summary.phones);
    expect(await count(db, "SELECT count(*) FROM connection")).toBe(summary.connections);
  });

  it("creates the sandbox as the one default SMS account, with encrypted (empty) credentials", async () => {
    const accounts = await rows<{ kind: string; is_default: number; credentials_enc: string }>(db, "SELECT kind, is_default, credentials_enc FROM provider_account");
    expect(accounts).toHaveLength(1);
    expect(accounts[0]).toMatchObject({ kind: "sandbox", is_default: 1 });
    expect(accounts[0]!.credentials_enc).toMatch(/^v1:/);
  });

  it("leaves billing reminders and notices pending in the queue (some due, some scheduled)", async () => {
    const queue = await rows<{ origin: string; status: string; n: number }>(
      db,
      "SELECT origin, status, count(*) AS n FROM sms_message GROUP BY origin, status ORDER BY origin, status",
    );
    expect(queue.map((r) => [r.origin, r.status, Number(r.n)])).toEqual([
      ["billing", "queued", 3],
      ["billing", "scheduled", 2],
      ["notification", "queued", 1],
      ["notification", "scheduled", 2],
    ]);
  });

  it("stores only valid Brazilian numbers, typed by libphonenumber", async () => {
    const phones = await rows<{ kind: string; e164: string }>(db, "SELECT kind, e164 FROM phone");
    expect(phones.length).toBeGreaterThan(2000);
    for (const { kind, e164 } of phones) {
      const parsed = parsePhoneNumberWithError(e164);
      expect(parsed.isValid(), e164).toBe(true);
      expect(parsed.country, e164).toBe("BR");
      const ddd = e164.slice(3, 5);
      expect(REAL_DDDS.has(ddd), e164).toBe(true);
      if (kind === "mobile") {
        expect(e164).toMatch(/^\+55\d{2}9\d{8}$/);
        expect(parsed.getType(), e164).toBe("MOBILE");
      } else {
        expect(kind).toBe("landline");
        expect(e164).toMatch(/^\+55\d{2}[2-5]\d{7}$/);
        expect(parsed.getType(), e164).toBe("FIXED_LINE");
      }
    }
  });

  it("varies the digit after the leading 9 and uses other DDDs too", async () => {
    const second = await rows<{ d: string }>(db, "SELECT DISTINCT substr(e164, 7, 1) AS d FROM phone WHERE kind = 'mobile'");
    expect(second.length).toBeGreaterThanOrEqual(4);
    const foreign = await count(
      db,
      "SELECT count(*) FROM phone p JOIN customer c ON c.id = p.customer_id WHERE p.kind = 'mobile' AND substr(p.e164, 4, 2) NOT IN ('35', '19')",
    );
    expect(foreign).toBeGreaterThan(0);
  });

  it("gives every customer a valid, unique CPF or CNPJ", async () => {
    // The validators themselves, on published examples.
    expect(isValidCpf("52998224725")).toBe(true);
    expect(isValidCpf("52998224724")).toBe(false);
    expect(isValidCpf("11111111111")).toBe(false);
    expect(isValidCnpj("11222333000181")).toBe(true);
    expect(isValidCnpj("11222333000180")).toBe(false);
    const docs = await rows<{ person_type: string; document: string }>(db, "SELECT person_type, document FROM customer");
    for (const { person_type, document } of docs) {
      if (person_type === "individual") expect(isValidCpf(document), document).toBe(true);
      else expect(isValidCnpj(document), document).toBe(true);
    }
    expect(new Set(docs.map((d) => d.document)).size).toBe(docs.length);
    const companies = docs.filter((d) => d.person_type === "company").length;
    expect(companies / docs.length).toBeGreaterThan(0.05);
    expect(companies / docs.length).toBeLessThan(0.15);
  });

  it("folds names into searchName", async () => {
    const sample = await rows<{ name: string; search_name: string }>(db, "SELECT name, search_name FROM customer");
    for (const { name, search_name } of sample) {
      expect(search_name).toBe(name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase());
      expect(search_name).toMatch(/^[a-z0-9 &/-]+$/);
    }
  });

  it("keeps street → neighbourhood → city consistent", async () => {
    const broken = await count(
      db,
      `SELECT count(*) FROM customer c
       LEFT JOIN street s ON s.id = c.street_id
       LEFT JOIN neighbourhood n ON n.id = c.neighbourhood_id
       WHERE c.street_id IS NULL OR s.neighbourhood_id IS NOT c.neighbourhood_id OR n.city_id IS NOT c.city_id`,
    );
    expect(broken).toBe(0);
  });

  it("keeps every connection's access point on its server", async () => {
    const broken = await count(
      db,
      "SELECT count(*) FROM connection c JOIN access_point a ON a.id = c.access_point_id WHERE a.server_id <> c.server_id",
    );
    expect(broken).toBe(0);
    expect(await count(db, "SELECT count(*) FROM connection WHERE ipv4 IS NOT NULL AND ipv4 NOT LIKE '10.%'")).toBe(0);
  });

  it("has at most one primary number per customer and kind", async () => {
    expect(
      await count(db, "SELECT count(*) FROM (SELECT 1 FROM phone WHERE is_primary = 1 GROUP BY customer_id, kind HAVING count(*) > 1)"),
    ).toBe(0);
  });

  it("labels some additional mobiles as customers do (Cônjuge, WhatsApp…) and every landline", async () => {
    for (const label of ["Cônjuge", "WhatsApp"]) {
      expect(await count(db, `SELECT count(*) FROM phone WHERE kind = 'mobile' AND is_primary = 0 AND label = '${label}'`)).toBeGreaterThan(0);
    }
    expect(await count(db, "SELECT count(*) FROM phone WHERE kind = 'landline' AND label IS NULL")).toBe(0);
  });

  it("covers the mix the batch filters need", async () => {
    expect(await count(db, "SELECT count(*) FROM customer WHERE id NOT IN (SELECT customer_id FROM connection)")).toBeGreaterThan(0);
    expect(
      await count(db, "SELECT count(*) FROM (SELECT customer_id FROM connection GROUP BY customer_id HAVING count(*) > 1)"),
    ).toBeGreaterThan(0);
    expect(
      await count(db, "SELECT count(*) FROM customer WHERE id NOT IN (SELECT customer_id FROM phone WHERE kind = 'mobile')"),
    ).toBeGreaterThan(0);
    expect(await count(db, "SELECT count(*) FROM phone WHERE kind = 'mobile' AND is_primary = 0")).toBeGreaterThan(0);
    expect(await count(db, "SELECT count(*) FROM phone WHERE kind = 'landline'")).toBeGreaterThan(0);
    expect(await count(db, "SELECT count(DISTINCT uf) FROM city")).toBeGreaterThanOrEqual(2);
    expect(await count(db, "SELECT count(*) FROM plan")).toBeGreaterThanOrEqual(5);
    expect(await count(db, "SELECT count(*) FROM payment_profile")).toBeGreaterThanOrEqual(4);
    const servers = await count(db, "SELECT count(*) FROM server");
    expect(servers).toBeGreaterThanOrEqual(2);
    expect(servers).toBeLessThanOrEqual(3);
    const statuses = await rows<{ status: string; n: number }>(db, "SELECT status, count(*) AS n FROM customer GROUP BY status");
    expect(statuses.map((s) => s.status).sort()).toEqual(["active", "cancelled", "suspended"]);
    const active = Number(statuses.find((s) => s.status === "active")?.n ?? 0);
    expect(active / 2000).toBeGreaterThan(0.8);
    expect(await count(db, "SELECT count(*) FROM city WHERE time_zone <> 'America/Sao_Paulo'")).toBe(0);
  });

  it("creates the demo users with verifiable credential accounts", async () => {
    for (const demo of DEMO_USERS) {
      const [user] = await rows<{ id: string; role: string; name: string; email_verified: number; disabled: number }>(
        db,
        'SELECT id, role, name, email_verified, disabled FROM "user" WHERE email = ?',
        [demo.email],
      );
      expect(user).toMatchObject({ role: demo.role, name: demo.name, email_verified: 1, disabled: 0 });
      const [account] = await rows<{ account_id: string; password: string }>(
        db,
        "SELECT account_id, password FROM account WHERE user_id = ? AND provider_id = 'credential'",
        [user?.id ?? ""],
      );
      expect(account?.account_id).toBe(user?.id);
      expect(await verifyPassword({ hash: account?.password ?? "", password: DEMO_PASSWORD })).toBe(true);
      expect(await verifyPassword({ hash: account?.password ?? "", password: "wrong-password" })).toBe(false);
    }
    expect(DEMO_USERS.map((u) => u.role).sort()).toEqual(["admin", "operador", "tecnico"]);
  });
});

describe("determinism, emptiness and reseeding", () => {
  let db: Db;
  let other: Db;
  beforeAll(() => {
    db = createTestDb();
    other = createTestDb();
  });
  afterAll(() => {
    db.$client.close();
    other.$client.close();
  });

  const firstCustomers = (d: Db) =>
    rows(
      d,
      `SELECT c.code, c.name, c.document, c.street_id, group_concat(p.e164) AS phones
       FROM customer c LEFT JOIN phone p ON p.customer_id = c.id
       WHERE c.id <= 30 GROUP BY c.id ORDER BY c.id`,
    );

  it("gives the same customers for the same seed, and different ones for another", async () => {
    expect(await isDatabaseEmpty(db)).toBe(true);
    await seedDatabase(db, { customers: 100, seed: 42 });
    await seedDatabase(other, { customers: 100, seed: 42 });
    const a = await firstCustomers(db);
    expect(a).toHaveLength(30);
    expect(await firstCustomers(other)).toEqual(a);

    await seedDatabase(other, { customers: 100, seed: 43, wipe: true });
    expect(await firstCustomers(other)).not.toEqual(a);
  });

  it("refuses to seed over data unless asked to wipe, and the wipe leaves no duplicates", async () => {
    expect(await isDatabaseEmpty(db)).toBe(false);
    await expect(seedDatabase(db, { customers: 10 })).rejects.toThrow(/already has seeded data/);
    await seedDatabase(db, { customers: 150, wipe: true });
    expect(await count(db, "SELECT count(*) FROM customer")).toBe(150);
    expect(await count(db, 'SELECT count(*) FROM "user"')).toBe(3);
    expect(await count(db, "SELECT count(*) FROM account")).toBe(3);
    expect(await count(db, "SELECT count(*) FROM city")).toBe(7);
  });

  it("also wipes rows of other tables that point at seeded ones", async () => {
    await db.$client.execute(
      "CREATE TABLE IF NOT EXISTS test_note (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customer(id))",
    );
    await db.$client.execute("INSERT INTO test_note (customer_id) VALUES (1)");
    const wiped = await wipeSeededData(db);
    expect(wiped).toContain("test_note");
    expect(await count(db, "SELECT count(*) FROM test_note")).toBe(0);
    expect(await isDatabaseEmpty(db)).toBe(true);
  });

  it("runs the CLI flow: --if-empty seeds an empty database, then skips", async () => {
    await wipeSeededData(other);
    const url = `file:${other.filePath}`;
    const log: string[] = [];
    const opts = { customers: 40, seed: 7, ifEmpty: true };
    expect(await runSeed(opts, { url, db: other, log: (l) => log.push(l) })).toBe(0);
    expect(await count(other, "SELECT count(*) FROM customer")).toBe(40);
    expect(await runSeed(opts, { url, db: other, log: (l) => log.push(l) })).toBe(0);
    expect(log.at(-1)).toBe("Database already has data; seed skipped.");
    expect(await count(other, "SELECT count(*) FROM customer")).toBe(40);

    // Without --if-empty it reseeds from scratch.
    expect(await runSeed({ ...opts, ifEmpty: false, customers: 25 }, { url, db: other, log: (l) => log.push(l) })).toBe(0);
    expect(await count(other, "SELECT count(*) FROM customer")).toBe(25);
    expect(await count(other, 'SELECT count(*) FROM "user"')).toBe(3);
  });
});
