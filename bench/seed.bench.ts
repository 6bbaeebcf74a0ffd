// `npm run bench:seed [-- --customers N]`: times `npm run db:seed` end to end on a fresh file database
// and records the figure in bench/results/seed.json. The budget for 100k customers is 30 s.
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createClient } from "@libsql/client";

const BUDGET_SECONDS = 30;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { customers: { type: "string", default: "100000" } } });
  const customers = Number(values.customers);
  if (!Number.isSafeInteger(customers) || customers < 0) throw new Error(`--customers expects a non-negative integer, got ${values.customers}`);

  const dir = path.resolve(".tmp/bench");
  const file = path.join(dir, "seed.db");
  mkdirSync(dir, { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });

  // The same command a user runs (tsx startup, migrations and all), not just the insert loop.
  const tsx = path.resolve("node_modules/.bin/tsx");
  const args = ["db/seed.ts", "--customers", String(customers)];
  const started = performance.now();
  const run = spawnSync(tsx, args, {
    env: { ...process.env, DATABASE_URL: `file:${file}` },
    encoding: "utf8",
  });
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(run.stdout);
  if (run.status !== 0) {
    process.stderr.write(run.stderr);
    throw new Error(`db/seed.ts exited with ${run.status}`);
  }

  const client = createClient({ url: `file:${file}` });
  const countOf = async (table: string) => Number((await client.execute(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n ?? 0);
  const result = {
    customers: await countOf("customer"),
    phones: await countOf("phone"),
    connections: await countOf("connection"),
    seconds: Number(seconds.toFixed(2)),
    seedSeconds: Number(/in ([\d.]+) s:/.exec(run.stdout)?.[1] ?? Number.NaN),
    budgetSeconds: BUDGET_SECONDS,
    command: `DATABASE_URL=file:.tmp/bench/seed.db tsx ${args.join(" ")}`,
    node: process.version,
    date: new Date().toISOString(),
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? "unknown",
    platform: `${os.platform()} ${os.release()}`,
  };
  client.close();

  const out = path.resolve("bench/results/seed.json");
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\n${result.customers} customers, ${result.phones} phones, ${result.connections} connections in ${result.seconds} s wall time → ${path.relative(process.cwd(), out)}`);
  if (customers >= 100_000 && seconds >= BUDGET_SECONDS) {
    console.error(`Over budget: ${seconds.toFixed(2)} s >= ${BUDGET_SECONDS} s`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
