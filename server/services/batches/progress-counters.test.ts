// Protects the batch page's O(1) progress: the counters the database keeps per batch and status agree
// with a recount of the recipients' current messages after sends, windows, reports, retries,
// "reenviar falhas" and a cancel — and the progress read from them is the recount's, field by field.
import { userContext } from "@/server/services/context";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { smsMessage } from "@/db/schema";
import type { SessionUser } from "@/server/auth/session";
import type { FakeHttpServer } from "@/server/providers/fakes/fake-http";
import { startFakeZenvia } from "@/server/providers/fakes/zenvia";
import { createTestDb } from "@/test/db";
import { makeCustomer, makeNetwork, makeUser, type Network } from "@/test/factories";
import { resetAdapterCache } from "../sms-accounts/account-store";
import { createAccount } from "../sms-accounts/manage-accounts";
import { transition } from "../sms/ledger";
import { cancelBatch, pauseBatch, resendFailed } from "./controls";
import { createBatch } from "./create-batch";
import { batchProgressMany, recountBatchProgress } from "./progress";
import { findBatch } from "./queries";
import { sendBatchChunk } from "./send-batch-chunk";

const db = createTestDb();
let fake: FakeHttpServer;
let op: SessionUser;
let net: Network;
const RECIPIENTS = 12;
// Sunday in São Paulo: marketing waits for Monday's window; a notice goes at once.
const SUNDAY = new Date("2026-12-06T15:00:00Z");
const MONDAY_NOON = new Date("2026-12-07T15:00:00Z");

beforeAll(async () => {
  fake = await startFakeZenvia({ token: "tk" });
  op = await makeUser(db, "operador");
  const admin = await makeUser(db, "admin");
  await createAccount(userContext(db, admin), { name: "Zenvia", kind: "zenvia", sender: "PROVEDOR", ratePerSecond: 1000, config: { baseUrl: fake.url }, credentials: { apiToken: "tk" }, isDefault: true });
  net = await makeNetwork(db);
  for (let i = 0; i < RECIPIENTS; i++) await makeCustomer(db, net, { phones: [{ e164: `+55359940000${String(i).padStart(2, "0")}`, isPrimary: true }] });
});

afterAll(async () => {
  await resetAdapterCache();
  await fake.close();
});

async function newBatch(category: "aviso" | "marketing"): Promise<number> {
  const out = await createBatch(userContext(db, op), { mode: "cidade", valueId: net.city.id, motivo: "Contadores", message: "Oi {primeiro_nome}", category, idempotencyKey: crypto.randomUUID() });
  return out.batch.id;
}

async function sendAll(id: number, limit: number, now = MONDAY_NOON) {
  for (let i = 0, state = "more"; state === "more" && i < 20; i++) state = (await sendBatchChunk(db, id, { limit, now })).state;
}

/** The counters agree with the recount, and so does the progress read from them. */
async function expectCountersTrue(ids: number[], now = new Date()) {
  const counters = await db.all<{ batch_id: number; status: string; n: number }>(sql`
    SELECT batch_id, status, n FROM sms_batch_counts WHERE n <> 0 ORDER BY batch_id, status`);
  const recount = await db.all<{ batch_id: number; status: string; n: number }>(sql`
    SELECT r.batch_id, m.status, count(*) AS n FROM sms_batch_recipient r JOIN sms_message m ON m.id = r.message_id
    GROUP BY r.batch_id, m.status ORDER BY r.batch_id, m.status`);
  expect(counters).toEqual(recount);
  const batches = await Promise.all(ids.map((id) => findBatch(db, id)));
  const fast = await batchProgressMany(db, batches, now);
  for (const b of batches) expect(fast.get(b.id), `batch ${b.id}`).toEqual(await recountBatchProgress(db, b, now));
}

const messagesOf = async (id: number) => (await db.select().from(smsMessage).where(eq(smsMessage.batchId, id))).sort((a, b) => a.id - b.id);

describe("batch progress counters", () => {
  it("match a recount through sends, reports, retries, re-sends and a cancel", async () => {
    const notice = await newBatch("aviso");
    const held = await newBatch("marketing");
    await expectCountersTrue([notice, held]);

    // Half sent, then paused: the rest are recipients without a message.
    await sendBatchChunk(db, notice, { limit: 4, now: MONDAY_NOON });
    await pauseBatch(userContext(db, op), { batchId: notice });
    await expectCountersTrue([notice, held]);

    // Marketing on Sunday: every message waits for the window.
    await sendAll(held, 5, SUNDAY);
    await expectCountersTrue([notice, held], SUNDAY);

    // Delivery reports, a failure, and a retry not due yet.
    const sent = (await messagesOf(notice)).filter((m) => m.status === "sent");
    expect(sent.length).toBeGreaterThanOrEqual(3);
    await transition(db, sent[0]!.id, "sent", "delivered", {}, {}, "report");
    await transition(db, sent[1]!.id, "sent", "undelivered", {}, {}, "report");
    await transition(db, sent[2]!.id, "sent", "failed");
    const later = new Date(Date.now() + 3_600_000);
    if (sent[3]) await transition(db, sent[3].id, "sent", "queued", { nextAttemptAt: later });
    await expectCountersTrue([notice, held]);

    // "Reenviar falhas": the failed and undelivered get new messages; the old ones leave the counts.
    const { resent } = await resendFailed(userContext(db, op), { batchId: notice });
    expect(resent).toBe(2);
    await expectCountersTrue([notice, held]);
    await db.run(sql`UPDATE sms_batch SET status = 'running' WHERE id = ${notice}`);
    await sendAll(notice, 100);
    await expectCountersTrue([notice, held]);

    // Cancel stops every waiting message in one write.
    await cancelBatch(userContext(db, op), { batchId: held });
    await expectCountersTrue([notice, held], SUNDAY);
    const progress = (await batchProgressMany(db, [await findBatch(db, held)])).get(held)!;
    expect(progress.byStatus.cancelled).toBe(RECIPIENTS);
  });

  it("reads progress without recounting the recipients or the batch's messages", async () => {
    const id = await newBatch("aviso");
    await sendAll(id, 100);
    const plans: string[] = [];
    const original = db.$client.execute.bind(db.$client);
    // Every statement the read runs, explained: none may walk all of a batch's rows.
    const spy = async (stmt: Parameters<typeof original>[0]) => {
      const s = typeof stmt === "string" ? { sql: stmt, args: [] } : stmt;
      const plan = await original({ sql: `EXPLAIN QUERY PLAN ${s.sql}`, args: s.args } as never);
      plans.push(...plan.rows.map((r) => String(r.detail)));
      return original(stmt as never);
    };
    Object.assign(db.$client, { execute: spy });
    try {
      await batchProgressMany(db, [await findBatch(db, id)]);
    } finally {
      Object.assign(db.$client, { execute: original });
    }
    expect(plans.length).toBeGreaterThan(0);
    expect(plans.filter((d) => /sms_batch_recipient|SCAN sms_message|USE TEMP B-TREE FOR GROUP BY/.test(d) && !/r\.message_id|sms_batch_recipient_message_idx/.test(d)), plans.join("\n")).toEqual([]);
  });
});
