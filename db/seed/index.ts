// Demo data for a Brazilian regional ISP. `db/seed.ts` is the CLI around these functions.
import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import type { Db } from "@/db/client";
import { providerAccount } from "@/db/schema";
import { env } from "@/server/env";
import { encryptJson, importKey, randomToken } from "@/server/lib/crypto";
import { resolveCredentialsKey } from "@/server/lib/data-secrets";
import { generateCustomers } from "./customers";
import { DEMO_USERS } from "./demo-users";
import { insertDemoQueue } from "./demo-queue";
import { SeedRefusedError } from "./guard";
import { buildReference, insertReference } from "./reference";
import { ACCOUNT, CONNECTION, CUSTOMER, insertRows, PHONE, type Row, USER, withLargePageCache } from "./sql";

export { DEMO_PASSWORD, DEMO_USERS, type DemoUser } from "./demo-users";
export { assertSeedableUrl, isLocalDatabaseUrl, SeedRefusedError } from "./guard";

export const DEFAULT_CUSTOMERS = 2000;
export const DEFAULT_SEED = 20240917;

export interface SeedOptions {
  customers: number;
  /** PRNG seed; the same seed gives the same customers, phones and connections. */
  seed?: number;
  /** Wipe the seeded tables first instead of failing when they hold data. */
  wipe?: boolean;
}

export interface SeedSummary {
  seed: number;
  cities: number;
  neighbourhoods: number;
  streets: number;
  servers: number;
  accessPoints: number;
  plans: number;
  paymentProfiles: number;
  customers: number;
  phones: number;
  mobiles: number;
  landlines: number;
  connections: number;
  users: number;
  elapsedMs: number;
}

/** Tables the seed fills, children before parents. Tables that reference them are wiped too. */
export const SEEDED_TABLES = [
  "phone", "connection", "customer", "street", "neighbourhood", "access_point", "city", "server", "plan",
  "payment_profile", "session", "account", "verification", "login_failure", "provider_account", "user",
] as const;

function assertLocalClient(db: Db): void {
  if (db.$client.protocol !== "file") {
    throw new SeedRefusedError(`Refusing to seed or wipe a ${db.$client.protocol} database: only the local file database can be seeded.`);
  }
}

/** True when there are no users and no customers (what `--if-empty` checks). */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const res = await db.$client.execute(
    'SELECT EXISTS (SELECT 1 FROM "user") OR EXISTS (SELECT 1 FROM customer) AS n',
  );
  return Number(res.rows[0]?.n ?? 0) === 0;
}

async function hasSeededRows(db: Db): Promise<boolean> {
  const probes = SEEDED_TABLES.map((t) => `SELECT 1 FROM "${t}"`).join(" UNION ALL ");
  const res = await db.$client.execute(`SELECT EXISTS (${probes}) AS n`);
  return Number(res.rows[0]?.n ?? 0) === 1;
}

/** The seeded tables plus every table that references them, directly or not, so nothing dangles. */
async function tablesToWipe(db: Db): Promise<string[]> {
  const res = await db.$client.execute(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'",
  );
  const all = res.rows.map((r) => String(r.name));
  const parents = new Map<string, string[]>();
  for (const table of all) {
    const fks = await db.$client.execute(`PRAGMA foreign_key_list("${table.replace(/"/g, '""')}")`);
    parents.set(table, fks.rows.map((r) => String(r.table)));
  }
  const wiped = new Set<string>(SEEDED_TABLES.filter((t) => all.includes(t)));
  const dependents: string[] = [];
  for (let grew = true; grew; ) {
    grew = false;
    for (const table of all) {
      if (wiped.has(table)) continue;
      if ((parents.get(table) ?? []).some((p) => wiped.has(p))) {
        wiped.add(table);
        dependents.unshift(table);
        grew = true;
      }
    }
  }
  return [...dependents, ...SEEDED_TABLES.filter((t) => all.includes(t))];
}

/** Deletes every seeded row (and rows of other tables that point at them) in one transaction. */
export async function wipeSeededData(db: Db): Promise<string[]> {
  assertLocalClient(db);
  const tables = await tablesToWipe(db);
  const tx = await db.$client.transaction("write");
  try {
    // Checked at commit, when every referencing row is gone, so deletion order cannot fail.
    await tx.execute("PRAGMA defer_foreign_keys = ON");
    await withLargePageCache(tx, async () => {
      for (const table of tables) await tx.execute(`DELETE FROM "${table.replace(/"/g, '""')}"`);
    });
    const hasSequence = await tx.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'");
    if (hasSequence.rows.length > 0) {
      await tx.execute({ sql: `DELETE FROM sqlite_sequence WHERE name IN (${tables.map(() => "?").join(",")})`, args: tables });
    }
    await tx.commit();
  } finally {
    tx.close();
  }
  return tables;
}

async function demoUserRows(createdAtMs: number): Promise<{ users: Row[]; accounts: Row[] }> {
  const hashes = await Promise.all(DEMO_USERS.map((u) => hashPassword(u.password)));
  const users: Row[] = [];
  const accounts: Row[] = [];
  DEMO_USERS.forEach((u, i) => {
    const userId = randomUUID();
    users.push([userId, u.name, u.email, 1, u.role, 0, createdAtMs, createdAtMs]);
    accounts.push([randomUUID(), userId, "credential", userId, hashes[i] as string, createdAtMs, createdAtMs]);
  });
  return { users, accounts };
}

/** The embedded default SMS account: the sandbox, which sends nothing real and reports delivery. */
async function insertSandboxAccount(db: Db): Promise<number> {
  const key = await importKey(resolveCredentialsKey(env()));
  const [row] = await db.insert(providerAccount).values({
    name: "Sandbox (demonstração)",
    kind: "sandbox",
    sender: "PROVEDOR",
    config: { deliveryDelayMs: 1500, failureRate: 0 },
    credentialsEnc: await encryptJson(key, {}),
    credentialsMasked: {},
    webhookSecret: randomToken(),
    ratePerSecond: 20,
    isDefault: true,
  }).returning({ id: providerAccount.id });
  return row!.id;
}

/** Fills an empty (or, with `wipe`, wiped) local database with the demo ISP. */
export async function seedDatabase(db: Db, opts: SeedOptions): Promise<SeedSummary> {
  const started = performance.now();
  assertLocalClient(db);
  if (!Number.isInteger(opts.customers) || opts.customers < 0) throw new Error(`customers must be a non-negative integer, got ${opts.customers}`);
  const seed = opts.seed ?? DEFAULT_SEED;
  if (opts.wipe) await wipeSeededData(db);
  else if (await hasSeededRows(db)) throw new Error("The database already has seeded data; wipe it first (wipeSeededData or { wipe: true }).");

  // Everything is generated before the write lock is taken; the transaction only inserts.
  const nowMs = Date.now();
  const ref = buildReference(Math.floor(nowMs / 1000));
  const generated = generateCustomers(ref, opts.customers, seed);
  const auth = await demoUserRows(nowMs);

  const tx = await db.$client.transaction("write");
  try {
    await withLargePageCache(tx, async () => {
      await insertReference(tx, ref);
      await insertRows(tx, CUSTOMER, generated.customers);
      await insertRows(tx, PHONE, generated.phones);
      await insertRows(tx, CONNECTION, generated.connections);
      await insertRows(tx, USER, auth.users);
      await insertRows(tx, ACCOUNT, auth.accounts);
    });
    await tx.commit();
  } finally {
    tx.close();
  }
  const accountId = await insertSandboxAccount(db);
  await insertDemoQueue(db, accountId);

  return {
    seed,
    cities: ref.rows.cities.length,
    neighbourhoods: ref.rows.neighbourhoods.length,
    streets: ref.rows.streets.length,
    servers: ref.rows.servers.length,
    accessPoints: ref.rows.accessPoints.length,
    plans: ref.rows.plans.length,
    paymentProfiles: ref.rows.paymentProfiles.length,
    customers: generated.customers.length,
    phones: generated.phones.length,
    mobiles: generated.mobiles,
    landlines: generated.landlines,
    connections: generated.connections.length,
    users: auth.users.length,
    elapsedMs: Math.round(performance.now() - started),
  };
}
