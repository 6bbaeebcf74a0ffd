// Protects the truth of a batch held by the send windows: it is not "Concluído" while its messages
// wait for their window (it says how many and from when), the queue drain finishes it once it sends
// the last of them, and it can be paused (the drain then leaves its scheduled messages alone),
// resumed and cancelled (every waiting message in one write) until then.
import { InngestTestEngine } from "@inngest/test";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { smsBatch, smsEvent, smsMessage } from "@/db/schema";
import type { SessionUser } from "@/server/auth/session";
import { jobContext } from "@/server/jobs/context";
import { expandAndSendBatch } from "@/server/jobs/functions";
import type { FakeHttpServer } from "@/server/providers/fakes/fake-http";
import { startFakeZenvia } from "@/server/providers/fakes/zenvia";
import { createTestDb } from "@/test/db";
import { makeCustomer, makeNetwork, makeUser, type Network } from "@/test/factories";
import { cancelBatch, pauseBatch, resumeBatch, settleBatches } from "./controls";
import { createBatch } from "./create-batch";
import { getBatch } from "./queries";
import { drainChunk } from "../queue/drain";
import { resetAdapterCache } from "../sms-accounts/account-store";
import { createAccount } from "../sms-accounts/manage-accounts";
import { transition } from "../sms/ledger";
import { sendBatchChunk } from "./send-batch-chunk";
import { systemContext, userContext } from "@/server/services/context";

const db = createTestDb();
let fake: FakeHttpServer;
let op: SessionUser;
let net: Network;
const RECIPIENTS = 8;
// Sunday 06/12/2026 12:00 in São Paulo: marketing to MG (weekdays 08–18) waits for Monday 08:00.
const SUNDAY = new Date("2026-12-06T15:00:00Z");
const MONDAY_OPENING = new Date("2026-12-07T11:00:00Z");

beforeAll(async () => {
  jobContext.db = () => db;
  fake = await startFakeZenvia({ token: "tk" });
  op = await makeUser(db, "operador");
  const admin = await makeUser(db, "admin");
  await createAccount(userContext(db, admin), { name: "Zenvia", kind: "zenvia", sender: "PROVEDOR", ratePerSecond: 1000, config: { baseUrl: fake.url }, credentials: { apiToken: "tk" }, isDefault: true });
  net = await makeNetwork(db);
  const names = ["Heloísa Antônia", "João Conceição", "Márcia Gonçalves", "Zé", "Ana Lúcia", "Íris", "Otávio", "Cláudia"];
  for (const [i, name] of names.entries()) {
    await makeCustomer(db, net, { name, phones: [{ e164: `+55359930000${String(i).padStart(2, "0")}`, isPrimary: true }] });
  }
});

beforeEach(() => {
  fake.requests.length = 0;
});

afterAll(async () => {
  await resetAdapterCache();
  await fake.close();
});

/** A marketing batch to the network's city, sent by the sender on Sunday: every message is held. */
async function heldBatch(): Promise<number> {
  const out = await createBatch(userContext(db, op), { mode: "cidade", valueId: net.city.id, motivo: "Promoção de fim de ano", message: "Olá {primeiro_nome}, aproveite!", category: "marketing", idempotencyKey: crypto.randomUUID() });
  expect(out.recipients).toBe(RECIPIENTS);
  let state = "more";
  for (let i = 0; state === "more" && i < 10; i++) state = (await sendBatchChunk(db, out.batch.id, { now: SUNDAY })).state;
  expect(state).toBe("waiting");
  return out.batch.id;
}

const statusOf = async (id: number) => (await db.select({ s: smsBatch.status }).from(smsBatch).where(eq(smsBatch.id, id)))[0]!.s;
const messagesOf = (id: number) => db.select().from(smsMessage).where(eq(smsMessage.batchId, id));

describe("a batch held by the send windows", () => {
  it("is not done while its messages wait: it says how many and from when, and the drain finishes it", async () => {
    const id = await heldBatch();
    expect(fake.requests).toHaveLength(0);
    const held = await getBatch(systemContext(db, "test"), { batchId: id });
    expect(held.status).toBe("running");
    expect(held.finishedAt).toBeNull();
    expect(held.progress).toMatchObject({ total: RECIPIENTS, percent: 0, held: { window: { count: RECIPIENTS, from: MONDAY_OPENING }, retry: null } });
    expect(held.progress.byStatus.scheduled).toBe(RECIPIENTS);

    // Still Sunday: the drain sends nothing and the batch stays running.
    expect((await drainChunk(db, { now: SUNDAY })).claimed).toBe(0);
    expect(await settleBatches(db, SUNDAY)).toEqual([]);
    expect(await statusOf(id)).toBe("running");

    // Monday 08:00: the drain sends them, and the batch is done by itself.
    expect(await drainChunk(db, { now: MONDAY_OPENING })).toMatchObject({ claimed: RECIPIENTS, sent: RECIPIENTS });
    expect(await settleBatches(db, MONDAY_OPENING)).toEqual([id]);
    const done = await getBatch(systemContext(db, "test"), { batchId: id });
    expect(done).toMatchObject({ status: "done", finishedAt: MONDAY_OPENING, progress: { percent: 100, held: { window: null, retry: null } } });
    expect(fake.requests).toHaveLength(RECIPIENTS);
  });

  it("pause keeps the drain off its scheduled messages; resume releases them; the sender's run ends instead of spinning", async () => {
    const id = await heldBatch();
    expect((await pauseBatch(userContext(db, op), { batchId: id })).status).toBe("paused");
    expect((await drainChunk(db, { now: MONDAY_OPENING })).claimed).toBe(0);
    expect((await messagesOf(id)).every((m) => m.status === "scheduled")).toBe(true);

    expect((await resumeBatch(userContext(db, op), { batchId: id })).status).toBe("running");
    // The resumed run finds nothing left for the sender: it ends waiting, in one step.
    const { result } = await new InngestTestEngine({ function: expandAndSendBatch, events: [{ name: "sms/batch.requested", data: { batchId: id } }] }).execute();
    expect(result).toMatchObject({ state: "waiting", chunks: 1 });
    expect(await drainChunk(db, { now: MONDAY_OPENING })).toMatchObject({ claimed: RECIPIENTS, sent: RECIPIENTS });
    expect(await settleBatches(db, MONDAY_OPENING)).toEqual([id]);
  });

  it("cancel cancels every waiting message, held by the window or waiting for a retry, in one write", async () => {
    const id = await heldBatch();
    // Two of them failed a first try and wait for a retry an hour from now.
    const retryAt = new Date(Date.now() + 3_600_000);
    const [a, b] = await messagesOf(id);
    for (const m of [a!, b!]) await transition(db, m.id, "scheduled", "queued", { nextAttemptAt: retryAt, lastErrorCode: "http_503" });
    const before = await getBatch(systemContext(db, "test"), { batchId: id });
    expect(before.progress.held).toEqual({ window: { count: RECIPIENTS - 2, from: MONDAY_OPENING }, retry: { count: 2, from: retryAt } });

    const writes = vi.spyOn(db, "batch");
    try {
      const res = await cancelBatch(userContext(db, op), { batchId: id });
      expect(res).toMatchObject({ status: "cancelled", cancelledMessages: RECIPIENTS });
      // The batch's status, the messages and their events: one atomic batch of statements.
      expect(writes).toHaveBeenCalledTimes(1);
    } finally {
      writes.mockRestore();
    }
    expect((await messagesOf(id)).every((m) => m.status === "cancelled")).toBe(true);
    const events = await db
      .select()
      .from(smsEvent)
      .where(and(eq(smsEvent.toStatus, "cancelled"), inArray(smsEvent.messageId, (await messagesOf(id)).map((m) => m.id))));
    expect(events).toHaveLength(RECIPIENTS);
    expect((await drainChunk(db, { now: MONDAY_OPENING })).claimed).toBe(0);
    expect(fake.requests).toHaveLength(0);
  });
});
