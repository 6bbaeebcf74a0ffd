/**
 * Issue 13 §3, "no request stalls the server": the production server (`scripts/server.ts` over a
 * `next build`) on its own seeded database (.tmp/bench-http: N customers, one delivered message per
 * mobile), the operator signed in over HTTP, then tRPC over HTTP: customer search by name, phone
 * and CPF, the history's first and a deep page and its phone filter — each p50/p95 beside the same
 * query run in this process on the same file (the indexed SQL alone) — and `me` idle and while four
 * clients search at once (the embedded driver is synchronous: a slow query makes everyone wait).
 * Writes bench/results/http.json. `npm run bench:http [-- --customers 1000000] [--no-build]`.
 */
import { type ChildProcess, execSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { freePort, signInOperator, startAppServer, stopAppServer, waitFor } from "./support/app-server";

const DIR = ".tmp/bench-http";
const DB_URL = `file:${DIR}/app.db`;
const RUNS = 40;
const CONCURRENT_CLIENTS = 4;

const { values: args } = parseArgs({ options: { customers: { type: "string", default: "100000" }, "no-build": { type: "boolean", default: false } } });
const CUSTOMERS = Number(args.customers);

const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;
function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => round(s[Math.min(s.length - 1, Math.floor(p * s.length))]!);
  return { n: s.length, p50: at(0.5), p95: at(0.95), max: round(s.at(-1)!) };
}
async function timed(fn: () => Promise<unknown>, runs = RUNS): Promise<number[]> {
  await fn(); // warm: the first call compiles the route and fills the page cache
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

async function prepareDb() {
  const { createDb } = await import("@/db/client");
  const { ensureFileDir, migrateDb } = await import("@/db/migrate");
  const { assertSeedableUrl, seedDatabase } = await import("@/db/seed");
  assertSeedableUrl(DB_URL);
  rmSync(DIR, { recursive: true, force: true });
  ensureFileDir(DB_URL);
  const db = createDb(DB_URL);
  await migrateDb(db);
  const t = performance.now();
  await seedDatabase(db, { customers: CUSTOMERS });
  // History: one delivered message per mobile, a minute apart, newest last.
  await db.$client.execute(`INSERT INTO sms_message (ref, origin, category, customer_id, phone_e164, motivo, body, encoding, segments, characters, status, idempotency_key, created_at, updated_at, final_at)
    SELECT 'bench-' || p.id, 'individual', 'aviso', p.customer_id, p.e164, 'Bench', 'Oi', 'GSM7', 1, 2, 'delivered', 'bench-' || p.id,
      1767225600000 + p.id * 60000, 1767225600000 + p.id * 60000, 1767225600000 + p.id * 60000
    FROM phone p WHERE p.kind = 'mobile'`);
  await db.$client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
  const seconds = round((performance.now() - t) / 1000, 1);
  return { db, seconds };
}

async function main() {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  const uptimeBefore = os.loadavg().map((l) => round(l));
  if (!args["no-build"]) execSync("npx next build", { stdio: "inherit" });
  const { db, seconds: seedSeconds } = await prepareDb();
  const { customerPageQuery } = await import("@/server/services/customers/search-customers");
  const { encodeCursor, messageConditions, messagePageQuery } = await import("@/server/services/messages/list-messages");
  const { formatDocument } = await import("@/server/lib/text");
  const { formatPhoneNational } = await import("@/server/sms/phone");

  // Terms from the data itself, taken from the middle of the file (not the first rows the cache holds).
  const mid = Math.floor(CUSTOMERS / 2);
  const [sample] = (await db.$client.execute({ sql: `SELECT c.name, c.document, p.e164 FROM customer c JOIN phone p ON p.customer_id = c.id AND p.kind = 'mobile' WHERE c.id >= ? LIMIT 1`, args: [mid] })).rows;
  const words = String(sample!.name).split(" ");
  // First name and the start of the last, as an operator types them.
  const terms = { name: `${words[0]} ${words.at(-1)!.slice(0, 3)}`, phone: formatPhoneNational(String(sample!.e164)), cpf: formatDocument(String(sample!.document)) };
  const [deep] = (await db.$client.execute({ sql: "SELECT id, created_at FROM sms_message ORDER BY created_at DESC, id DESC LIMIT 1 OFFSET ?", args: [mid] })).rows;
  const deepCursor = encodeCursor({ createdAt: new Date(Number(deep!.created_at)), id: Number(deep!.id) });
  const viewer = { id: "bench", role: "operador" as const };

  const port = await freePort();
  const origin = `http://localhost:${port}`;
  let server: ChildProcess | undefined;
  try {
    server = startAppServer({ dir: DIR, dbUrl: DB_URL, origin, port });
    await waitFor(`${origin}/entrar`, 120_000);
    const cookie = await signInOperator(origin);
    const trpc = async (proc: string, input: unknown) => {
      const res = await fetch(`${origin}/api/trpc/${proc}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`, { headers: { cookie } });
      if (!res.ok) throw new Error(`${proc} answered ${res.status}: ${await res.text()}`);
      return res.json();
    };

    const cases = {
      searchName: { http: () => trpc("customer.search", { q: terms.name }), raw: () => customerPageQuery(db, { q: terms.name, offset: 0 }, "office") },
      searchPhone: { http: () => trpc("customer.search", { q: terms.phone }), raw: () => customerPageQuery(db, { q: terms.phone, offset: 0 }, "office") },
      searchCpf: { http: () => trpc("customer.search", { q: terms.cpf }), raw: () => customerPageQuery(db, { q: terms.cpf, offset: 0 }, "office") },
      historyFirstPage: { http: () => trpc("message.list", { limit: 50 }), raw: () => messagePageQuery(db, messageConditions(viewer, {}), null, 50) },
      historyDeepPage: { http: () => trpc("message.list", { limit: 50, cursor: deepCursor }), raw: () => messagePageQuery(db, messageConditions(viewer, {}), deepCursor, 50) },
      historyPhone: { http: () => trpc("message.list", { limit: 50, phone: terms.phone }), raw: () => messagePageQuery(db, messageConditions(viewer, { phone: terms.phone }), null, 50) },
    };
    const results: Record<string, { http: ReturnType<typeof stats>; rawQuery: ReturnType<typeof stats>; rawQuerySqliteDefaultCache: ReturnType<typeof stats> }> = {};
    const cachePages = Number((await db.$client.execute("PRAGMA cache_size")).rows[0]!.cache_size);
    for (const [name, c] of Object.entries(cases)) {
      const http = stats(await timed(c.http));
      const rawQuery = stats(await timed(async () => c.raw()));
      // The same query on a connection with SQLite's default 2 MB cache: what the pragma buys.
      await db.$client.execute("PRAGMA cache_size = -2000");
      const rawQuerySqliteDefaultCache = stats(await timed(async () => c.raw()));
      await db.$client.execute(`PRAGMA cache_size = ${cachePages}`);
      results[name] = { http, rawQuery, rawQuerySqliteDefaultCache };
    }

    const meIdle = stats(await timed(() => trpc("me.get", undefined)));
    let stop = false;
    let searches = 0;
    const load = Array.from({ length: CONCURRENT_CLIENTS }, async (_, i) => {
      const qs = [terms.name, terms.phone, terms.cpf];
      while (!stop) {
        await trpc("customer.search", { q: qs[(i + searches) % qs.length] });
        searches++;
      }
    });
    const meLoaded = stats(await timed(() => trpc("me.get", undefined)));
    stop = true;
    await Promise.all(load);

    const result = {
      customers: CUSTOMERS,
      messages: Number((await db.$client.execute("SELECT count(*) AS n FROM sms_message")).rows[0]!.n),
      seedSeconds,
      terms: { ...terms, deepCursor },
      runsPerCase: RUNS,
      cachePages,
      ms: results,
      me: { idle: meIdle, whileSearching: meLoaded, concurrentSearchClients: CONCURRENT_CLIENTS, searchesMeanwhile: searches },
      loadAverage: { before: uptimeBefore, after: os.loadavg().map((l) => round(l)) },
      command: `npm run bench:http -- --customers ${CUSTOMERS}`,
      node: process.version,
      cores: os.cpus().length,
      date: new Date().toISOString(),
    };
    mkdirSync("bench/results", { recursive: true });
    writeFileSync(path.join("bench/results", "http.json"), `${JSON.stringify(result, null, 2)}\n`);
    console.log(`\nbench:http, ${CUSTOMERS} customers (bench/results/http.json), ms p50/p95`);
    for (const [name, r] of Object.entries(results)) {
      console.log(`${name.padEnd(18)} http ${r.http.p50}/${r.http.p95}   query ${r.rawQuery.p50}/${r.rawQuery.p95}   query, 2 MB cache ${r.rawQuerySqliteDefaultCache.p50}/${r.rawQuerySqliteDefaultCache.p95}`);
    }
    console.log(`me idle ${meIdle.p50}/${meIdle.p95}   while ${CONCURRENT_CLIENTS} clients search ${meLoaded.p50}/${meLoaded.p95} (${searches} searches)`);
    console.log(`load average before ${uptimeBefore.join(" ")}, after ${result.loadAverage.after.join(" ")}`);
  } finally {
    // The whole process group: npx, tsx and the server under them.
    stopAppServer(server);
    db.$client.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
