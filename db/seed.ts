// `npm run db:seed [-- --customers N] [--seed S] [--if-empty]`: the demo ISP in the local database.
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import type { Db } from "./client";
import { ensureFileDir, migrateDb } from "./migrate";
import {
  assertSeedableUrl, DEFAULT_CUSTOMERS, DEFAULT_SEED, isDatabaseEmpty, isLocalDatabaseUrl, seedDatabase,
  type SeedSummary, wipeSeededData,
} from "./seed/index";

// Re-exported so `@/db/seed` (which resolves to this file, not the folder) offers the whole API.
export * from "./seed/index";

export interface SeedCliOptions {
  customers: number;
  seed: number;
  ifEmpty: boolean;
}

function nonNegativeInt(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value.replace(/_/g, ""));
  if (!/^\d[\d_]*$/.test(value) || !Number.isSafeInteger(n)) throw new Error(`${flag} expects a non-negative integer, got "${value}"`);
  return n;
}

export function parseSeedArgs(argv: readonly string[]): SeedCliOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      customers: { type: "string" },
      seed: { type: "string" },
      "if-empty": { type: "boolean", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  return {
    customers: nonNegativeInt("--customers", values.customers, DEFAULT_CUSTOMERS),
    seed: nonNegativeInt("--seed", values.seed, DEFAULT_SEED),
    ifEmpty: values["if-empty"] ?? false,
  };
}

export function formatSummary(s: SeedSummary): string {
  const n = (v: number) => v.toLocaleString("en-US");
  return [
    `Seeded demo ISP (seed ${s.seed}) in ${(s.elapsedMs / 1000).toFixed(2)} s:`,
    `  ${n(s.customers)} customers, ${n(s.phones)} phones (${n(s.mobiles)} mobile, ${n(s.landlines)} landline), ${n(s.connections)} connections`,
    `  ${s.cities} cities, ${n(s.neighbourhoods)} neighbourhoods, ${n(s.streets)} streets`,
    `  ${s.servers} servers, ${s.accessPoints} access points, ${s.plans} plans, ${s.paymentProfiles} payment profiles, ${s.users} users`,
  ].join("\n");
}

export interface SeedRunContext {
  url: string;
  /** Defaults to the process-wide client (getDb), opened only once the URL passed the guard. */
  db?: Db;
  log?: (line: string) => void;
}

/** The CLI without process handling: returns the exit code, throws SeedRefusedError for remote URLs. */
export async function runSeed(opts: SeedCliOptions, ctx: SeedRunContext): Promise<number> {
  const started = performance.now();
  const log = ctx.log ?? ((line: string) => console.log(line));
  if (!isLocalDatabaseUrl(ctx.url) && opts.ifEmpty) {
    // `npm start` runs `--if-empty` on every boot; a remote database is never seeded, and that is not an error.
    log("DATABASE_URL is not a local file: demo data is only seeded into the embedded database; seed skipped.");
    return 0;
  }
  assertSeedableUrl(ctx.url);

  ensureFileDir(ctx.url);
  const db = ctx.db ?? (await import("./client")).getDb();
  await migrateDb(db);

  if (!(await isDatabaseEmpty(db))) {
    if (opts.ifEmpty) {
      log("Database already has data; seed skipped.");
      return 0;
    }
    log("Database has data: wiping seeded tables before reseeding.");
  }
  // Reference tables can hold rows even without users or customers, so always start clean.
  await wipeSeededData(db);
  const summary = await seedDatabase(db, { customers: opts.customers, seed: opts.seed });
  log(formatSummary(summary));
  log(`Done in ${((performance.now() - started) / 1000).toFixed(2)} s (migrations, wipe and seed).`);
  return 0;
}

async function main(): Promise<number> {
  const opts = parseSeedArgs(process.argv.slice(2));
  const { env } = await import("@/server/env");
  return runSeed(opts, { url: env().databaseUrl });
}

const invokedPath = process.argv[1];
if (invokedPath && (import.meta.url === pathToFileURL(invokedPath).href || invokedPath.endsWith("db/seed.ts"))) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
