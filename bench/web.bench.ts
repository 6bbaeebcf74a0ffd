/**
 * The web budget of issue #5: a production build served by scripts/server.ts (as `npm start`) on its own seeded database
 * (.tmp/bench-web), the operator signed in through better-auth's endpoint, Lighthouse 12 (mobile,
 * Debian's Chromium) on the panel route /sms/individual and on the login page, median of 3 runs
 * each, plus the first-load JS of the panel route (every script the page's HTML loads, gzipped).
 * Writes bench/results/web.json; exits 1 if a target is missed.
 * `npm run bench:web` (builds first); `npm run bench:web -- --no-build` reuses the current .next.
 */
import { type ChildProcess, execSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { freePort, signInOperator, startAppServer, stopAppServer, waitFor } from "./support/app-server";

const DIR = ".tmp/bench-web";
const DB_URL = `file:${DIR}/app.db`;
const RUNS = 3;
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const BUDGET = { firstLoadJsKiB: 250, performance: 0.9, accessibility: 0.95, cls: 0.1 };

async function prepareDb() {
  const { createDb } = await import("@/db/client");
  const { ensureFileDir, migrateDb } = await import("@/db/migrate");
  const { assertSeedableUrl, seedDatabase } = await import("@/db/seed");
  assertSeedableUrl(DB_URL);
  rmSync(DIR, { recursive: true, force: true });
  ensureFileDir(DB_URL);
  const db = createDb(DB_URL);
  await migrateDb(db);
  await seedDatabase(db, { customers: 2000 });
  db.$client.close();
}

/** Every script the route's HTML loads (as Next reports "first load JS"), gzipped at level 9. */
async function firstLoadJs(url: string, cookie: string) {
  const res = await fetch(url, { headers: { cookie }, redirect: "manual" });
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  const html = await res.text();
  const srcs = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map((m) => m[1]!))];
  let raw = 0;
  let gzip = 0;
  for (const src of srcs) {
    const body = Buffer.from(await (await fetch(new URL(src, url))).arrayBuffer());
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  return { scripts: srcs.length, rawKiB: round(raw / 1024, 1), gzipKiB: round(gzip / 1024, 1) };
}

const round = (n: number, d = 3) => Math.round(n * 10 ** d) / 10 ** d;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

type RunResult = { performance: number; accessibility: number; cls: number; lcpMs: number; tbtMs: number; fcpMs: number; scriptTransferKiB: number };

async function lighthouseRuns(url: string, cookie: string | null): Promise<{ median: RunResult; runs: RunResult[]; failedA11y: string[] }> {
  const { launch } = await import("chrome-launcher");
  const lighthouse = (await import("lighthouse")).default;
  const runs: RunResult[] = [];
  const failed = new Set<string>();
  for (let i = 0; i < RUNS; i++) {
    const chrome = await launch({
      chromePath: CHROMIUM,
      chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    try {
      const result = await lighthouse(url, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility"],
        formFactor: "mobile",
        ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
      });
      const lhr = result?.lhr;
      if (!lhr) throw new Error("Lighthouse returned no result");
      if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
      if (lhr.finalDisplayedUrl !== url) throw new Error(`Lighthouse ended on ${lhr.finalDisplayedUrl}, not ${url} (signed out?)`);
      const a = lhr.audits;
      const items = ((a["network-requests"]?.details as { items?: { resourceType?: string; transferSize?: number }[] } | undefined)?.items ?? []);
      runs.push({
        performance: lhr.categories.performance?.score ?? 0,
        accessibility: lhr.categories.accessibility?.score ?? 0,
        cls: round(a["cumulative-layout-shift"]?.numericValue ?? 0, 4),
        lcpMs: Math.round(a["largest-contentful-paint"]?.numericValue ?? 0),
        tbtMs: Math.round(a["total-blocking-time"]?.numericValue ?? 0),
        fcpMs: Math.round(a["first-contentful-paint"]?.numericValue ?? 0),
        scriptTransferKiB: round(items.filter((r) => r.resourceType === "Script").reduce((s, r) => s + (r.transferSize ?? 0), 0) / 1024, 1),
      });
      for (const audit of Object.values(a)) {
        if (audit.score === 0 && lhr.categories.accessibility?.auditRefs.some((r) => r.id === audit.id)) failed.add(audit.id);
      }
    } finally {
      chrome.kill();
    }
  }
  const byPerf = [...runs].sort((x, y) => x.performance - y.performance)[Math.floor(runs.length / 2)]!;
  return {
    median: { ...byPerf, accessibility: median(runs.map((r) => r.accessibility)), cls: median(runs.map((r) => r.cls)) },
    runs,
    failedA11y: [...failed],
  };
}

async function main() {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  if (!process.argv.includes("--no-build")) execSync("npx next build", { stdio: "inherit" });
  await prepareDb();
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  let server: ChildProcess | undefined;
  try {
    // The server `npm start` runs (scripts/server.ts: forwarding headers from the socket), not `next start`.
    server = startAppServer({ dir: DIR, dbUrl: DB_URL, origin, port });
    await waitFor(`${origin}/entrar`);
    const cookie = await signInOperator(origin);
    const panelUrl = `${origin}/sms/individual`;
    const js = await firstLoadJs(panelUrl, cookie);
    const panel = await lighthouseRuns(panelUrl, cookie);
    const login = await lighthouseRuns(`${origin}/entrar`, null);

    const checks = {
      firstLoadJs: js.gzipKiB <= BUDGET.firstLoadJsKiB,
      performance: panel.median.performance >= BUDGET.performance && login.median.performance >= BUDGET.performance,
      accessibility: panel.median.accessibility >= BUDGET.accessibility && login.median.accessibility >= BUDGET.accessibility,
      cls: panel.median.cls <= BUDGET.cls && login.median.cls <= BUDGET.cls,
    };
    const result = {
      budget: BUDGET,
      met: checks,
      panel: { route: "/sms/individual", firstLoadJs: js, lighthouse: panel.median, runs: panel.runs, failedAccessibilityAudits: panel.failedA11y },
      login: { route: "/entrar", lighthouse: login.median, runs: login.runs, failedAccessibilityAudits: login.failedA11y },
      lighthouse: "12.8.2, mobile form factor, simulated throttling, median of 3 runs",
      // Debian's wrapper script prints a warning on stderr; only the version line matters.
      chromium: execSync(`${CHROMIUM} --version`, { stdio: ["ignore", "pipe", "ignore"] }).toString().trim(),
      command: "npm run bench:web",
      node: process.version,
      cores: os.cpus().length,
      date: new Date().toISOString(),
    };
    mkdirSync("bench/results", { recursive: true });
    writeFileSync(path.join("bench/results", "web.json"), `${JSON.stringify(result, null, 2)}\n`);

    const row = (name: string, value: string, target: string, ok: boolean) => console.log(`${ok ? "ok  " : "MISS"} ${name.padEnd(34)} ${value.padStart(10)}   target ${target}`);
    console.log("\nbench:web (bench/results/web.json)");
    row("first-load JS /sms/individual (gzip)", `${js.gzipKiB} KiB`, `≤ ${BUDGET.firstLoadJsKiB} KiB`, checks.firstLoadJs);
    for (const [name, r] of [["/sms/individual", panel.median], ["/entrar", login.median]] as const) {
      row(`performance ${name}`, String(r.performance), `≥ ${BUDGET.performance}`, r.performance >= BUDGET.performance);
      row(`accessibility ${name}`, String(r.accessibility), `≥ ${BUDGET.accessibility}`, r.accessibility >= BUDGET.accessibility);
      row(`CLS ${name}`, String(r.cls), `≤ ${BUDGET.cls}`, r.cls <= BUDGET.cls);
    }
    if (!Object.values(checks).every(Boolean)) process.exitCode = 1;
  } finally {
    stopAppServer(server);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
