// Protects batch sending against loss and duplicates, counted at a fake provider: a full run sends
// each snapshot phone once; a duplicated event, a worker that dies mid-batch (before or after the
// messages of a chunk were created) and pause/resume never send twice or lose a recipient; cancel
// stops the rest.
import { InngestTestEngine } from "@inngest/test";
import { and, count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { city, smsBatch, smsBatchRecipient, smsEvent, smsMessage } from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import type { SessionUser } from "@/server/auth/session";
import { jobContext } from "@/server/jobs/context";
import { expandAndSendBatch } from "@/server/jobs/functions";
import type { FakeHttpServer } from "@/server/providers/fakes/fake-http";
import { startFakeZenvia } from "@/server/providers/fakes/zenvia";
import { createTestDb } from "@/test/db";
import { makeUser } from "@/test/factories";
import { cancelBatch, pauseBatch, resumeBatch } from "./controls";
import { createBatch } from "./create-batch";
import { batchMessageKey, loadRenderContexts, renderBatchMessage } from "./render";
import { drainChunk } from "../queue/drain";
import { resetAdapterCache } from "../sms-accounts/account-store";
import { createAccount } from "../sms-accounts/manage-accounts";
import { queueMessage } from "../sms/ledger";
import { MAX_BATCH_CHUNKS_PER_RUN } from "@/server/jobs/handlers/send-batch";
import { BATCH_CHUNK, chunkSizeFor, MAX_BATCH_CHUNK, sendBatchChunk } from "./send-batch-chunk";
import { userContext } from "@/server/services/context";

const db = createTestDb();
let fake: FakeHttpServer;
let op: SessionUser;
let bigCityId: number;

function refsAtProvider(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of fake.requests) {
    const ref = (JSON.parse(r.body) as { externalId: string }).externalId;
    counts.set(ref, (counts.get(ref) ?? 0) + 1);
  }
  return counts;
}

async function newBatch() {
  // "operacional" is not bound by the send window, so the test does not depend on the hour.
  const out = await createBatch(userContext(db, op), { mode: "cidade", valueId: bigCityId, prefix: "0", motivo: "Manutenção", message: "Olá {primeiro_nome}, manutenção hoje.", category: "operacional", idempotencyKey: crypto.randomUUID() });
  expect(out.recipients).toBeGreaterThan(BATCH_CHUNK * 2);
  return out.batch.id;
}

async function runFunction(batchId: number) {
  const t = new InngestTestEngine({ function: expandAndSendBatch, events: [{ name: "sms/batch.requested", data: { batchId } }] });
  return t.execute();
}

/** Every recipient of the batch has a message that the provider received exactly once. */
async function expectEachSentOnce(batchId: number) {
  const rows = await db
    .select({ ref: smsMessage.ref, status: smsMessage.status })
    .from(smsBatchRecipient)
    .innerJoin(smsMessage, eq(smsMessage.id, smsBatchRecipient.messageId))
    .where(eq(smsBatchRecipient.batchId, batchId));
  const [total] = await db.select({ n: count() }).from(smsBatchRecipient).where(eq(smsBatchRecipient.batchId, batchId));
  expect(rows).toHaveLength(total!.n);
  const refs = refsAtProvider();
  for (const r of rows) expect(refs.get(r.ref), r.ref).toBe(1);
  expect(rows.every((r) => r.status === "sent")).toBe(true);
}

beforeAll(async () => {
  await seedDatabase(db, { customers: 600, seed: 7 });
  jobContext.db = () => db;
  fake = await startFakeZenvia({ token: "tk" });
  op = await makeUser(db, "operador");
  const admin = await makeUser(db, "admin");
  await createAccount(userContext(db, admin), { name: "Zenvia", kind: "zenvia", sender: "PROVEDOR", ratePerSecond: 1000, config: { baseUrl: fake.url }, credentials: { apiToken: "tk" }, isDefault: true });
  const [c] = await db.select({ id: city.id }).from(city).where(eq(city.name, "Poços de Caldas"));
  bigCityId = c!.id;
});

beforeEach(() => {
  fake.requests.length = 0;
});

afterAll(async () => {
  await resetAdapterCache();
  await fake.close();
});

describe("chunkSizeFor", () => {
  it("sizes a chunk to ~5 s of the account's rate, between 100 and 1,000 messages", () => {
    expect(chunkSizeFor(1)).toBe(BATCH_CHUNK);
    expect(chunkSizeFor(10)).toBe(BATCH_CHUNK);
    expect(chunkSizeFor(100)).toBe(500);
    expect(chunkSizeFor(10_000)).toBe(MAX_BATCH_CHUNK);
  });
});

describe("expand-and-send-batch", () => {
  it("sends every recipient once, one step per chunk, and marks the batch done", async () => {
    const batchId = await newBatch();
    const { result, ctx } = await runFunction(batchId);
    const steps = (ctx.step.run as unknown as { mock: { calls: [string][] } }).mock.calls.map((c) => c[0]);
    expect(steps[0]).toBe("send-chunk-0");
    expect(result).toMatchObject({ batchId, state: "done" });
    await expectEachSentOnce(batchId);
  });

  it("a duplicated event does not send again", async () => {
    const batchId = await newBatch();
    await runFunction(batchId);
    const sent = fake.requests.length;
    await runFunction(batchId);
    expect(fake.requests.length).toBe(sent);
    await expectEachSentOnce(batchId);
  });

  it("a worker that dies mid-batch loses nothing and sends nothing twice", async () => {
    const batchId = await newBatch();
    await sendBatchChunk(db, batchId, { limit: BATCH_CHUNK });
    // The next chunk's messages are created, then the worker dies before sending them.
    const pending = await db.select().from(smsBatchRecipient).where(eq(smsBatchRecipient.batchId, batchId)).limit(BATCH_CHUNK * 2);
    const batchRow = pending.slice(BATCH_CHUNK);
    const contexts = await loadRenderContexts(db, batchRow.map((r) => r.customerId!));
    for (const r of batchRow) {
      const rendered = renderBatchMessage("Olá {primeiro_nome}, manutenção hoje.", contexts.get(r.customerId!)!, { stripAccents: true, maxParts: 1 });
      const { message } = await queueMessage(db, {
        origin: "batch",
        category: "operacional",
        customerId: r.customerId,
        phoneE164: r.phoneE164,
        batchId,
        motivo: "Manutenção",
        body: rendered.body,
        encoding: rendered.analysis.encoding,
        segments: rendered.analysis.parts,
        characters: rendered.analysis.characters,
        idempotencyKey: batchMessageKey(batchId, r.phoneE164, r.attempt),
      });
      await db.update(smsBatchRecipient).set({ messageId: message.id }).where(eq(smsBatchRecipient.id, r.id));
    }
    // The run is retried from scratch; the queue drain picks up what was created but not sent.
    await runFunction(batchId);
    while ((await drainChunk(db)).claimed > 0);
    await expectEachSentOnce(batchId);
  });

  it("pause stops between chunks; resume sends the rest exactly once", async () => {
    const batchId = await newBatch();
    await sendBatchChunk(db, batchId, { limit: BATCH_CHUNK });
    await pauseBatch(userContext(db, op), { batchId });
    const { result } = await runFunction(batchId);
    expect(result).toMatchObject({ state: "paused" });
    expect(fake.requests).toHaveLength(BATCH_CHUNK);
    // The next chunk was created ahead while the first was sending; the queue drain leaves a
    // paused batch's messages alone.
    while ((await drainChunk(db)).claimed > 0);
    const [waiting] = await db.select({ n: count() }).from(smsMessage).where(and(eq(smsMessage.batchId, batchId), eq(smsMessage.status, "queued")));
    expect(waiting!.n).toBe(BATCH_CHUNK);
    await resumeBatch(userContext(db, op), { batchId });
    await runFunction(batchId);
    await expectEachSentOnce(batchId);
  });

  it("a text over the limit fails visibly once and never reaches the provider", async () => {
    const batchId = await newBatch();
    // A name can push a text over the limit after the batch was accepted (e.g. a longer template
    // under the same id): the sender checks every rendering.
    await db.update(smsBatch).set({ template: `${"x".repeat(160)} {primeiro_nome}` }).where(eq(smsBatch.id, batchId));
    const first = await sendBatchChunk(db, batchId, { limit: BATCH_CHUNK });
    expect(first).toMatchObject({ created: BATCH_CHUNK * 2, failed: BATCH_CHUNK * 2, sent: 0 });
    expect(fake.requests).toHaveLength(0);
    const failed = await db.select({ code: smsMessage.lastErrorCode }).from(smsMessage).where(and(eq(smsMessage.batchId, batchId), eq(smsMessage.status, "failed")));
    expect(failed).toHaveLength(BATCH_CHUNK * 2);
    expect(failed.every((m) => m.code === "too_long")).toBe(true);
    const events = await db.select({ n: count() }).from(smsEvent).innerJoin(smsMessage, eq(smsMessage.id, smsEvent.messageId)).where(and(eq(smsMessage.batchId, batchId), eq(smsEvent.toStatus, "failed")));
    expect(events[0]!.n).toBe(BATCH_CHUNK * 2);
    await cancelBatch(userContext(db, op), { batchId });
  });

  it("cancel stops the rest of the batch", async () => {
    const batchId = await newBatch();
    await sendBatchChunk(db, batchId, { limit: BATCH_CHUNK });
    await cancelBatch(userContext(db, op), { batchId });
    const { result } = await runFunction(batchId);
    expect(result).toMatchObject({ state: "cancelled" });
    expect(fake.requests).toHaveLength(BATCH_CHUNK);
  });

  it("is keyed one run per batch and one run per provider account (the account's pacing holds across servers)", () => {
    const config = expandAndSendBatch["getConfig"]({ baseUrl: new URL("http://localhost/api/inngest"), appPrefix: "painel-sms" })[0] as unknown as {
      triggers: { event?: string }[];
      concurrency?: { key?: string; limit: number }[];
    };
    expect(config.triggers).toEqual([{ event: "sms/batch.requested" }]);
    expect(config.concurrency).toEqual([
      { key: "event.data.batchId", limit: 1 },
      { key: "event.data.accountId", limit: 1 },
    ]);
  });

  it("a cancel that lands while the next chunk is being created ahead leaves nothing to send", async () => {
    const batchId = await newBatch();
    await sendBatchChunk(db, batchId, { limit: BATCH_CHUNK });
    // The next step sends the chunk created ahead and creates the one after it meanwhile; the
    // operator's cancel commits just before that creation does.
    const batchOf = db.batch.bind(db);
    let cancelled = false;
    const spy = vi.spyOn(db, "batch").mockImplementation(async (queries) => {
      const first = queries[0] as unknown as { toSQL?: () => { sql: string } };
      if (!cancelled && first.toSQL?.().sql.startsWith('insert into "sms_message"')) {
        cancelled = true;
        await cancelBatch(userContext(db, op), { batchId });
      }
      return batchOf(queries);
    });
    try {
      await sendBatchChunk(db, batchId, { limit: BATCH_CHUNK });
    } finally {
      spy.mockRestore();
    }
    expect(cancelled).toBe(true);
    while ((await drainChunk(db)).claimed > 0);
    expect(fake.requests).toHaveLength(BATCH_CHUNK * 2);
    const [waiting] = await db.select({ n: count() }).from(smsMessage).where(and(eq(smsMessage.batchId, batchId), inArray(smsMessage.status, ["queued", "scheduled"])));
    expect(waiting!.n).toBe(0);
  });

  it("past the per-run step budget, continues in a child run (event id makes it happen once)", async () => {
    const more = () => ({ state: "more", created: 1, sent: 1, scheduled: 0, failed: 0 });
    const t = new InngestTestEngine({
      function: expandAndSendBatch,
      events: [{ name: "sms/batch.requested", data: { batchId: 42, accountId: 7, run: 2 } }],
      // Every chunk step reports more to send: the run must stop at its budget and hand over.
      // (The event itself is mocked at the edge: there is no Inngest server in tests.)
      steps: [...Array.from({ length: MAX_BATCH_CHUNKS_PER_RUN }, (_, i) => ({ id: `send-chunk-${i}`, handler: more })), { id: "continue-batch", handler: () => ({ ids: ["e1"] }) }],
    });
    const { result, ctx } = await t.execute();
    expect(result).toMatchObject({ batchId: 42, chunks: MAX_BATCH_CHUNKS_PER_RUN, state: "continued", sent: MAX_BATCH_CHUNKS_PER_RUN });
    expect(ctx.step.sendEvent).toHaveBeenCalledWith("continue-batch", { name: "sms/batch.requested", data: { batchId: 42, accountId: 7, run: 3 }, id: "batch-42-run-3" });
    expect(fake.requests).toHaveLength(0);
  });
});
