/**
 * Issue #4 figures on a 100,000-customer seed, in one run (results: bench/results/batch.json):
 * - preview counts per Considerar mode, p50/p95, beside a raw libSQL COUNT of the same customers;
 * - snapshot of a large batch (INSERT … SELECT), beside a raw INSERT … SELECT of the same phones;
 * - sending throughput against a zero-latency local fake provider, and against one with 50 ms
 *   latency and a 100 msg/s account cap (never above the cap, within 5% of it).
 * Targets: preview p95 ≤ 50 ms; 50k snapshot ≤ 3 s; ≥ 1,000 msg/s; capped run within 5% of the cap.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { fork } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { systemContext, userContext } from "@/server/services/context";

process.env.DATA_DIR = ".tmp/bench/batch";
process.env.LOG_LEVEL = "silent";
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! * 100) / 100;
};

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const v = await fn();
  return [performance.now() - t0, v];
}

/**
 * A Zenvia-compatible fake that answers after `latencyMs`, in a child process of its own (the
 * provider is another machine in real life; here it must not take the sender's CPU).
 */
async function fakeProvider(latencyMs: number) {
  const child = fork(path.resolve("bench/support/fake-provider.mjs"), { env: { ...process.env, LATENCY_MS: String(latencyMs) } });
  const url = await new Promise<string>((resolve) => child.once("message", (m) => resolve((m as { url: string }).url)));
  return {
    url,
    arrivals: () =>
      new Promise<number[]>((resolve) => {
        child.once("message", (m) => resolve((m as { arrivals: number[] }).arrivals));
        child.send("arrivals");
      }),
    close: () => new Promise<void>((resolve) => (child.once("exit", () => resolve()), child.send("close"))),
  };
}

async function main() {
  const { createDb } = await import("@/db/client");
  const { migrateDb } = await import("@/db/migrate");
  const { seedDatabase } = await import("@/db/seed");
  const { makeUser } = await import("@/test/factories");
  const { createAccount, setDefaultAccount } = await import("@/server/services/sms-accounts/manage-accounts");
  const { previewBatch } = await import("@/server/services/batches/preview-batch");
  const { createBatch } = await import("@/server/services/batches/create-batch");
  const { sendBatchChunk } = await import("@/server/services/batches/send-batch-chunk");
  const { resetAdapterCache } = await import("@/server/services/sms-accounts/account-store");

  rmSync(".tmp/bench/batch", { recursive: true, force: true });
  mkdirSync(".tmp/bench/batch", { recursive: true });
  const db = createDb("file:.tmp/bench/batch/app.db");
  await migrateDb(db);
  const [seedMs] = await time(() => seedDatabase(db, { customers: CUSTOMERS }));
  const op = await makeUser(db, "operador");
  const admin = await makeUser(db, "admin");
  const q = async (sqlText: string) => Number((await db.$client.execute(sqlText)).rows[0]?.v);

  // The largest value of each mode.
  const values = {
    cidade: await q("select city_id as v from customer where status='active' group by city_id order by count(*) desc limit 1"),
    ponto_acesso: await q("select access_point_id as v from connection group by access_point_id order by count(*) desc limit 1"),
    servidor: await q("select server_id as v from connection group by server_id order by count(*) desc limit 1"),
    plano: await q("select plan_id as v from connection group by plan_id order by count(*) desc limit 1"),
    profile_pagamento: await q("select payment_profile_id as v from customer where status='active' group by payment_profile_id order by count(*) desc limit 1"),
  } as const;
  const rawCount = {
    cidade: (v: number) => `select count(*) as v from customer where city_id = ${v} and status = 'active'`,
    ponto_acesso: (v: number) => `select count(distinct customer_id) as v from connection where access_point_id = ${v}`,
    servidor: (v: number) => `select count(distinct customer_id) as v from connection where server_id = ${v}`,
    plano: (v: number) => `select count(distinct customer_id) as v from connection where plan_id = ${v}`,
    profile_pagamento: (v: number) => `select count(*) as v from customer where payment_profile_id = ${v} and status = 'active'`,
  };

  const preview: Record<string, unknown> = {};
  for (const [mode, valueId] of Object.entries(values) as [keyof typeof values, number][]) {
    const input = { mode, valueId, prefix: "0", allPhones: true, motivo: "Bench", message: "Olá {primeiro_nome}, aviso." };
    const runs: number[] = [];
    const raws: number[] = [];
    let phones = 0;
    for (let i = 0; i < 23; i++) {
      const [ms, out] = await time(() => previewBatch(systemContext(db, "bench"), input));
      const [rawMs] = await time(() => db.$client.execute(rawCount[mode](valueId)));
      if (i >= 3) {
        runs.push(ms);
        raws.push(rawMs);
      }
      phones = out.phonesToSend;
    }
    preview[mode] = { phonesToSend: phones, p50: pct(runs, 50), p95: pct(runs, 95), rawCountP50: pct(raws, 50), ratioP50: Math.round((pct(runs, 50) / Math.max(0.01, pct(raws, 50))) * 10) / 10 };
  }

  // The same preview after the operator unticked 1,000 customers of the largest city.
  let previewUnticked: { p50: number; p95: number };
  {
    const ids = (await db.$client.execute(`select id from customer where city_id = ${values.cidade} and status = 'active' order by id`)).rows.map((r) => Number(r.id));
    const deselectedCustomerIds = ids.filter((_, i) => i % Math.floor(ids.length / 1000) === 0).slice(0, 1000);
    const input = { mode: "cidade" as const, valueId: values.cidade, prefix: "0", allPhones: true, motivo: "Bench", message: "Olá {primeiro_nome}, aviso.", deselectedCustomerIds };
    const runs: number[] = [];
    for (let i = 0; i < 23; i++) {
      const [ms] = await time(() => previewBatch(systemContext(db, "bench"), input));
      if (i >= 3) runs.push(ms);
    }
    previewUnticked = { p50: pct(runs, 50), p95: pct(runs, 95) };
  }

  // Issue 11 §1: the texts' fit counted for every recipient of the largest city. A long {nome}
  // template sent with accents (many recipients over the limit, counted in SQL), and the worst case:
  // a template SQL cannot count (a combining mark after a variable), so every recipient is rendered.
  const previewText: Record<string, { p50: number; p95: number; overLimit: number; totalParts: number }> = {};
  {
    const cases = {
      longNameWithAccents: { message: `{nome}, informamos que a manutenção preventiva da rede de fibra será feita amanhã cedo, das 2h às 5h. Obrigado!`, strip: false },
      longNameWithoutAccents: { message: `{nome}, informamos que a manutenção preventiva da rede de fibra será feita amanhã cedo, das 2h às 5h. Obrigado!`, strip: true },
      everyRecipientRendered: { message: "{primeiro_nome}\u0301, aviso.", strip: true },
    };
    for (const [label, c] of Object.entries(cases)) {
      await db.$client.execute(`update provider_account set strip_accents = ${c.strip ? 1 : 0} where is_default = 1`);
      const input = { mode: "cidade" as const, valueId: values.cidade, prefix: "0", allPhones: true, motivo: "Bench", message: c.message };
      const runs: number[] = [];
      let out: Awaited<ReturnType<typeof previewBatch>> | undefined;
      for (let i = 0; i < (label === "everyRecipientRendered" ? 8 : 23); i++) {
        const [ms, o] = await time(() => previewBatch(systemContext(db, "bench"), input));
        if (i >= 3) runs.push(ms);
        out = o;
      }
      previewText[label] = { p50: pct(runs, 50), p95: pct(runs, 95), overLimit: out!.estimate.overLimit, totalParts: out!.estimate.totalParts };
    }
    await db.$client.execute("update provider_account set strip_accents = 1 where is_default = 1");
  }

  // Snapshot: the mode with the most phones, all phones.
  const biggest = (Object.entries(preview) as [keyof typeof values, { phonesToSend: number }][]).sort((a, b) => b[1].phonesToSend - a[1].phonesToSend)[0]!;
  const [snapMs, created] = await time(() =>
    createBatch(userContext(db, op), { mode: biggest[0], valueId: values[biggest[0]], prefix: "0", allPhones: true, motivo: "Bench", message: "Olá {primeiro_nome}, aviso.", category: "operacional", idempotencyKey: crypto.randomUUID() }),
  );
  await db.$client.execute("create table bench_raw (batch_id integer, phone text, unique(batch_id, phone))");
  const [rawSnapMs] = await time(() =>
    db.$client.execute(`insert or ignore into bench_raw select 1, r.phone_e164 from sms_batch_recipient r where r.batch_id = ${created.batch.id}`),
  );
  const snapshot = { mode: biggest[0], recipients: created.recipients, ms: Math.round(snapMs), msPer50k: Math.round((snapMs / created.recipients) * 50_000), rawInsertSelectMs: Math.round(rawSnapMs) };

  // Throughput.
  async function sendRun(latencyMs: number, rate: number, limitRecipients: number) {
    const fake = await fakeProvider(latencyMs);
    const acc = await createAccount(userContext(db, admin), { name: `Fake ${latencyMs}ms`, kind: "zenvia", sender: "BENCH", ratePerSecond: rate, config: { baseUrl: fake.url }, credentials: { apiToken: "x" } });
    await setDefaultAccount(userContext(db, admin), { id: acc.id });
    const b = await createBatch(userContext(db, op), { mode: "cidade", valueId: values.cidade, prefix: "0", motivo: "Bench", message: "Olá {primeiro_nome}, aviso.", category: "operacional", idempotencyKey: crypto.randomUUID() });
    // Only the first `limitRecipients` are sent: drop the rest of the snapshot.
    await db.$client.execute(`delete from sms_batch_recipient where batch_id = ${b.batch.id} and id not in (select id from sms_batch_recipient where batch_id = ${b.batch.id} order by id limit ${limitRecipients})`);
    const t0 = performance.now();
    let state = "more";
    while (state === "more") state = (await sendBatchChunk(db, b.batch.id)).state;
    const seconds = (performance.now() - t0) / 1000;
    const arrivals = await fake.arrivals();
    const sent = arrivals.length;
    // The busiest one-second window seen by the provider.
    let maxPerSecond = 0;
    for (let i = 0, j = 0; i < arrivals.length; i++) {
      while (arrivals[i]! - arrivals[j]! >= 1000) j++;
      maxPerSecond = Math.max(maxPerSecond, i - j + 1);
    }
    // Raw figures for the same rows, in the same run: the provider calls alone (plain fetch, same
    // concurrency, no database), and one libSQL UPDATE per 1,000 of the batch's messages (no HTTP).
    let rawHttp: number | null = null;
    if (latencyMs === 0) {
      const h0 = performance.now();
      let left = sent;
      await Promise.all(Array.from({ length: 32 }, async () => {
        while (left-- > 0) await (await fetch(`${fake.url}/v2/channels/sms/messages`, { method: "POST", body: "{}", headers: { "content-type": "application/json" } })).arrayBuffer();
      }));
      rawHttp = Math.round(sent / ((performance.now() - h0) / 1000));
    }
    const ids = (await db.$client.execute(`select id from sms_message where batch_id = ${b.batch.id} order by id`)).rows.map((r) => Number(r.id));
    const w0 = performance.now();
    for (let i = 0; i < ids.length; i += 1000) {
      await db.$client.execute(`update sms_message set updated_at = updated_at + 1 where id in (${ids.slice(i, i + 1000).join(",")})`);
    }
    const rawLibsql = Math.round(ids.length / ((performance.now() - w0) / 1000));
    await fake.close();
    const msgPerSecond = Math.round(sent / seconds);
    return {
      latencyMs, accountCap: rate, sent, seconds: Math.round(seconds * 100) / 100, msgPerSecond, maxInAnySecond: maxPerSecond,
      rawHttpMsgPerSecond: rawHttp, rawLibsqlUpdateRowsPerSecond: rawLibsql, ratioToRawHttp: rawHttp ? Math.round((msgPerSecond / rawHttp) * 100) / 100 : null,
    };
  }
  const zeroLatency = await sendRun(0, 10_000, 10_000);
  const capped = await sendRun(50, 100, 2_000);
  await resetAdapterCache();

  const result = {
    customers: CUSTOMERS,
    seedSeconds: Math.round(seedMs / 100) / 10,
    previewMs: preview,
    previewCidadeWith1000UntickedMs: previewUnticked,
    previewCidadeTextFitMs: previewText,
    snapshot,
    throughput: { zeroLatency, capped, cappedWithin5Percent: Math.abs(capped.msgPerSecond - 100) <= 5 && capped.maxInAnySecond <= 100 },
    targets: { previewP95Ms: 50, snapshot50kMs: 3000, zeroLatencyMsgPerSecond: 1000, cappedWithin: "5% of 100 msg/s, never above" },
    command: "npm run bench:batch",
    node: process.version,
    cores: os.cpus().length,
    date: new Date().toISOString(),
  };
  mkdirSync("bench/results", { recursive: true });
  writeFileSync("bench/results/batch.json", `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
  db.$client.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
