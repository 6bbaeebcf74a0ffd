// Protects the batch lifecycle: pause/resume/cancel only from the states that allow them (with the
// Portuguese reason otherwise), cancel stops waiting messages with their events, "reenviar falhas"
// gives failed recipients a new attempt, and progress/listing agree with the ledger.
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { customer, smsBatch, smsBatchRecipient, smsEvent, smsMessage } from "@/db/schema";
import { firstName } from "@/server/sms/template";
import type { SmsStatus } from "@/db/schema/constants";
import type { SessionUser } from "@/server/auth/session";
import { createTestDb } from "@/test/db";
import { makeCustomer, makeNetwork, makeUser, type Network } from "@/test/factories";
import { transition } from "../sms/ledger";
import { makeDefaultAccount, simulateSender } from "./batch-test-kit";
import { cancelBatch, finishBatch, markBatchRunning, pauseBatch, resendFailed, resumeBatch } from "./controls";
import { createBatch } from "./create-batch";
import { batchProgress } from "./progress";
import { getBatch, listBatches, listBatchRecipients } from "./queries";
import { systemContext, userContext } from "@/server/services/context";

const db = createTestDb();
let net: Network;
let operator: SessionUser;
const ctx = () => userContext(db, operator);
const CUSTOMERS = 60;

beforeAll(async () => {
  net = await makeNetwork(db);
  operator = await makeUser(db, "operador");
  await makeDefaultAccount(db);
  for (let i = 0; i < CUSTOMERS; i++) {
    await makeCustomer(db, net, { phones: [{ e164: `+55359920000${String(i).padStart(2, "0")}`, isPrimary: true }] });
  }
});

async function newBatch(): Promise<number> {
  const res = await createBatch(ctx(), { mode: "cidade", valueId: net.city.id, motivo: "Aviso geral", message: "Oi {primeiro_nome}", idempotencyKey: crypto.randomUUID() });
  return res.batch.id;
}

const fails = async (p: Promise<unknown>) => ((await p.catch((e: unknown) => e)) as { kind?: string; message?: string });
const status = async (id: number) => (await db.select({ s: smsBatch.status }).from(smsBatch).where(eq(smsBatch.id, id)))[0]!.s;

/** Drives one message through the ledger to a final status. */
async function settle(id: number, to: SmsStatus) {
  await transition(db, id, "queued", "sending");
  if (to === "failed") return void (await transition(db, id, "sending", "failed"));
  await transition(db, id, "sending", "sent");
  await transition(db, id, "sent", to);
}

describe("pause, resume, cancel", () => {
  it("moves through the allowed states and refuses the others with a clear reason", async () => {
    const id = await newBatch();
    expect((await pauseBatch(ctx(), { batchId: id })).status).toBe("paused");
    expect(await fails(pauseBatch(ctx(), { batchId: id }))).toMatchObject({ kind: "conflict", message: "O lote já está pausado." });
    // Never started: back to the queue, not to running.
    expect((await resumeBatch(ctx(), { batchId: id })).status).toBe("queued");
    expect(await fails(resumeBatch(ctx(), { batchId: id }))).toMatchObject({ message: "O lote não está pausado." });
    expect((await markBatchRunning(db, id))?.status).toBe("running");
    expect(await markBatchRunning(db, id)).toBeNull();
    await pauseBatch(ctx(), { batchId: id });
    const resumed = await resumeBatch(ctx(), { batchId: id });
    expect(resumed.status).toBe("running");
    expect(resumed.startedAt).toBeInstanceOf(Date);
    expect((await cancelBatch(ctx(), { batchId: id })).status).toBe("cancelled");
    expect(await fails(cancelBatch(ctx(), { batchId: id }))).toMatchObject({ message: "O lote já foi cancelado." });
    expect(await fails(pauseBatch(ctx(), { batchId: id }))).toMatchObject({ message: "O lote foi cancelado." });
    expect(await fails(resumeBatch(ctx(), { batchId: id }))).toMatchObject({ message: "O lote foi cancelado." });
    expect(await fails(pauseBatch(ctx(), { batchId: 999_999 }))).toMatchObject({ kind: "not_found", message: "Lote não encontrado." });
  });

  it("refuses to pause or cancel a finished batch", async () => {
    const id = await newBatch();
    await markBatchRunning(db, id);
    expect(await finishBatch(db, id)).toBeNull(); // recipients still pending
    const ids = await simulateSender(db, id);
    // Every recipient has a message, but they still wait in the queue: not done yet.
    expect(await finishBatch(db, id)).toBeNull();
    for (const m of ids) await settle(m, "delivered");
    expect((await finishBatch(db, id))?.status).toBe("done");
    for (const verb of [pauseBatch, cancelBatch]) {
      expect(await fails(verb(ctx(), { batchId: id }))).toMatchObject({ kind: "conflict", message: "O lote já foi concluído." });
    }
    expect(await fails(resumeBatch(ctx(), { batchId: id }))).toMatchObject({ message: "O lote já foi concluído." });
  });

  it("cancel stops the waiting messages (with events) and leaves the rest alone", async () => {
    const id = await newBatch();
    await markBatchRunning(db, id);
    const ids = await simulateSender(db, id, 20);
    await settle(ids[0]!, "delivered");
    await transition(db, ids[1]!, "queued", "sending");
    await transition(db, ids[2]!, "queued", "scheduled");
    const res = await cancelBatch(ctx(), { batchId: id });
    expect(res.cancelledMessages).toBe(18);
    const rows = await db.select({ id: smsMessage.id, status: smsMessage.status }).from(smsMessage).where(eq(smsMessage.batchId, id));
    const by = new Map(rows.map((r) => [r.id, r.status]));
    expect([by.get(ids[0]!), by.get(ids[1]!), by.get(ids[2]!)]).toEqual(["delivered", "sending", "cancelled"]);
    const events = await db.select().from(smsEvent).where(sql`${smsEvent.toStatus} = 'cancelled' AND ${smsEvent.messageId} IN (SELECT id FROM sms_message WHERE batch_id = ${id})`);
    expect(events).toHaveLength(18);
    expect(events.find((e) => e.messageId === ids[2])).toMatchObject({ type: "transition", fromStatus: "scheduled", detail: { reason: "batch_cancelled", batchId: id } });
    const progress = await batchProgress(db, id, "cancelled");
    expect(progress).toMatchObject({ total: CUSTOMERS, pending: CUSTOMERS - 20 });
    expect(progress.byStatus).toMatchObject({ delivered: 1, sending: 1, cancelled: 18 });
    // Everything but the message still sending is over: pending recipients never will be sent.
    expect(progress.finished).toBe(CUSTOMERS - 1);
  });
});

describe("resendFailed", () => {
  it("gives failed and undelivered recipients a new attempt and requeues a done batch", async () => {
    const id = await newBatch();
    expect(await fails(resendFailed(ctx(), { batchId: id }))).toMatchObject({
      message: "O lote ainda está enviando: pause-o ou aguarde terminar para reenviar as falhas.",
    });
    await markBatchRunning(db, id);
    const ids = await simulateSender(db, id);
    for (const [i, m] of ids.entries()) await settle(m, i < 3 ? "failed" : i < 5 ? "undelivered" : "delivered");
    await finishBatch(db, id);
    const before = await getBatch(systemContext(db, "test"), { batchId: id });
    expect(before.progress).toMatchObject({ total: CUSTOMERS, pending: 0, finished: CUSTOMERS, percent: 100 });
    expect(before.progress.byStatus).toMatchObject({ failed: 3, undelivered: 2, delivered: CUSTOMERS - 5 });

    const res = await resendFailed(ctx(), { batchId: id });
    expect(res).toMatchObject({ resent: 5, status: "queued", finishedAt: null });
    const reset = await db.select().from(smsBatchRecipient).where(sql`${smsBatchRecipient.batchId} = ${id} AND ${smsBatchRecipient.messageId} IS NULL`);
    expect(reset.map((r) => r.attempt)).toEqual([2, 2, 2, 2, 2]);
    expect((await batchProgress(db, id, "queued")).pending).toBe(5);

    await markBatchRunning(db, id);
    const again = await simulateSender(db, id);
    expect(again).toHaveLength(5);
    expect(again.some((m) => ids.includes(m))).toBe(false); // new messages, new keys
    for (const m of again) await settle(m, "delivered");
    await finishBatch(db, id);
    const after = await getBatch(systemContext(db, "test"), { batchId: id });
    // The old failed messages stay in the history but no longer count.
    expect(after.progress.byStatus).toMatchObject({ failed: 0, undelivered: 0, delivered: CUSTOMERS });
    expect(await fails(resendFailed(ctx(), { batchId: id }))).toMatchObject({ message: "Nenhuma mensagem com falha para reenviar." });
  });

  it("refuses a cancelled batch", async () => {
    const id = await newBatch();
    await cancelBatch(ctx(), { batchId: id });
    expect(await fails(resendFailed(ctx(), { batchId: id }))).toMatchObject({ message: "O lote foi cancelado: não há falhas a reenviar." });
  });
});

describe("listing", () => {
  it("lists batches newest first with keyset pages, and recipients with their message status", async () => {
    const ids = [await newBatch(), await newBatch(), await newBatch()];
    const first = await listBatches(systemContext(db, "test"), { limit: 2 });
    expect(first.items.map((b) => b.id)).toEqual([ids[2], ids[1]]);
    const second = await listBatches(systemContext(db, "test"), { limit: 2, cursor: first.nextCursor });
    expect(second.items[0]?.id).toBe(ids[0]);
    expect(second.items[0]?.progress.total).toBe(CUSTOMERS);
    const paused = await pauseBatch(ctx(), { batchId: ids[1]! });
    expect((await listBatches(systemContext(db, "test"), { status: "paused" })).items.map((b) => b.id)).toContain(paused.id);

    await simulateSender(db, ids[2]!, 10);
    const page1 = await listBatchRecipients(systemContext(db, "test"), { batchId: ids[2]! });
    expect(page1.items).toHaveLength(50);
    const firstMessage = await db.select().from(smsMessage).where(eq(smsMessage.id, page1.items[0]!.messageId!));
    expect(page1.items[0]).toMatchObject({ status: "queued", attempt: 1, phone: "(35) 99200-0000", body: firstMessage[0]!.body });
    // Not sent yet: the text the sender will render for that customer.
    const pendingCustomer = await db.select().from(customer).where(eq(customer.id, page1.items[10]!.customerId!));
    expect(page1.items[10]).toMatchObject({ status: null, messageId: null, body: `Oi ${firstName(pendingCustomer[0]!.name)}` });
    const page2 = await listBatchRecipients(systemContext(db, "test"), { batchId: ids[2]!, cursor: page1.nextCursor });
    expect(page2.items).toHaveLength(CUSTOMERS - 50);
    expect(page2.nextCursor).toBeNull();
    expect(await status(ids[2]!)).toBe("queued");
  });
});
