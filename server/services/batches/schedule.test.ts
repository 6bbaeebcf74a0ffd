// Protects "Agendar" for batches: the snapshot is taken when the batch is scheduled, the batch waits
// (no sender, no pause) until the queue drain releases it at its time and not before, its time,
// motivo and text can be edited — and it can be cancelled — only until then, and a time in the past
// or off the 5-minute marks is refused in Portuguese with nothing stored.
import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { smsBatch, smsMessage } from "@/db/schema";
import type { SessionUser } from "@/server/auth/session";
import { createTestDb } from "@/test/db";
import { makeCustomer, makeNetwork, makeUser, type Network } from "@/test/factories";
import { sendBatchChunk } from "./send-batch-chunk";
import { makeDefaultAccount } from "./batch-test-kit";
import { cancelBatch, pauseBatch, releaseDueBatches, resumeBatch } from "./controls";
import { createBatch } from "./create-batch";
import { getBatch, listBatches } from "./queries";
import { SEND_AT_MESSAGES } from "./send-at";
import { updateScheduledBatch } from "./update-scheduled";
import { systemContext, userContext } from "@/server/services/context";

const db = createTestDb();
let net: Network;
let operator: SessionUser;
const ctx = () => userContext(db, operator);
const CUSTOMERS = 12;
const FIVE_MIN = 300_000;
/** A 5-minute mark `days` ahead. */
const ahead = (days: number) => new Date(Math.ceil((Date.now() + days * 86_400_000) / FIVE_MIN) * FIVE_MIN);

beforeAll(async () => {
  net = await makeNetwork(db);
  operator = await makeUser(db, "operador");
  await makeDefaultAccount(db);
  for (let i = 0; i < CUSTOMERS; i++) {
    await makeCustomer(db, net, { name: i === 0 ? "Maria Conceição de Albuquerque Gonçalves" : undefined, phones: [{ e164: `+55359940000${String(i).padStart(2, "0")}`, isPrimary: true }] });
  }
});

const draft = (sendAt: Date | null) => ({
  mode: "cidade" as const, valueId: net.city.id, motivo: "Manutenção programada", message: "Olá {primeiro_nome}, manutenção amanhã.", category: "operacional" as const,
  idempotencyKey: crypto.randomUUID(), sendAt,
});
const fails = async (p: Promise<unknown>) => (await p.catch((e: unknown) => e)) as { kind?: string; message?: string; fields?: Record<string, string> };
const batchCount = async () => (await db.select({ n: count() }).from(smsBatch))[0]!.n;

describe("Agendar a batch", () => {
  it("refuses a time in the past, off the 5-minute marks or too far, storing nothing", async () => {
    const before = await batchCount();
    const past = new Date(Math.floor((Date.now() - 60_000) / FIVE_MIN) * FIVE_MIN);
    expect(await fails(createBatch(ctx(), draft(past)))).toMatchObject({ kind: "validation", message: SEND_AT_MESSAGES.past, fields: { sendAt: SEND_AT_MESSAGES.past } });
    expect(await fails(createBatch(ctx(), draft(new Date(ahead(1).getTime() + 60_000))))).toMatchObject({ message: SEND_AT_MESSAGES.step });
    expect(await fails(createBatch(ctx(), draft(ahead(400))))).toMatchObject({ message: SEND_AT_MESSAGES.tooFar });
    expect(await batchCount()).toBe(before);
  });

  it("takes the snapshot now, waits for its time (no sender, no pause) and is released then, not before", async () => {
    const sendAt = ahead(1);
    const out = await createBatch(ctx(), draft(sendAt));
    expect(out).toMatchObject({ recipients: CUSTOMERS, batch: { status: "scheduled", scheduledAt: sendAt, startedAt: null } });
    expect((await listBatches(systemContext(db, "test"), { status: "scheduled" })).items.map((b) => b.id)).toContain(out.batch.id);
    const id = out.batch.id;

    // A sender run (a stray event) creates nothing for a batch that is not released.
    expect(await sendBatchChunk(db, id)).toMatchObject({ state: "scheduled", created: 0 });
    expect((await db.select({ n: count() }).from(smsMessage).where(eq(smsMessage.batchId, id)))[0]!.n).toBe(0);
    const scheduledMsg = "O lote está agendado e ainda não começou: altere o horário ou cancele o agendamento.";
    expect(await fails(pauseBatch(ctx(), { batchId: id }))).toMatchObject({ kind: "conflict", message: scheduledMsg });
    expect(await fails(resumeBatch(ctx(), { batchId: id }))).toMatchObject({ kind: "conflict", message: scheduledMsg });

    expect(await releaseDueBatches(db, new Date(sendAt.getTime() - FIVE_MIN))).toEqual([]);
    expect((await getBatch(systemContext(db, "test"), { batchId: id })).status).toBe("scheduled");
    expect(await releaseDueBatches(db, sendAt)).toEqual([id]);
    expect((await getBatch(systemContext(db, "test"), { batchId: id })).status).toBe("queued");
    // Released once: a second drain at the same time finds nothing to release.
    expect(await releaseDueBatches(db, sendAt)).toEqual([]);
  });

  it("edits time, motivo and text until the release, checking the new text against the snapshot", async () => {
    const { batch } = await createBatch(ctx(), draft(ahead(1)));
    const later = ahead(2);
    const edited = await updateScheduledBatch(ctx(), { batchId: batch.id, sendAt: later, motivo: "Manutenção remarcada", message: "Olá {primeiro_nome}, a manutenção mudou de dia." });
    expect(edited).toMatchObject({ status: "scheduled", scheduledAt: later, motivo: "Manutenção remarcada", template: "Olá {primeiro_nome}, a manutenção mudou de dia." });

    const tooLong = `${"Aviso importante. ".repeat(7)}{nome}`;
    const err = await fails(updateScheduledBatch(ctx(), { batchId: batch.id, sendAt: later, motivo: "Manutenção", message: tooLong }));
    expect(err).toMatchObject({ kind: "validation" });
    expect(err.message).toMatch(/^Para Maria Conceição de Albuquerque Gonçalves: .*Use \{primeiro_nome\} no lugar de \{nome\}/);
    const past = new Date(Math.floor((Date.now() - 60_000) / FIVE_MIN) * FIVE_MIN);
    expect(await fails(updateScheduledBatch(ctx(), { batchId: batch.id, sendAt: past, motivo: "Manutenção", message: "Oi" }))).toMatchObject({ message: SEND_AT_MESSAGES.past });
    expect((await getBatch(systemContext(db, "test"), { batchId: batch.id })).template).toBe("Olá {primeiro_nome}, a manutenção mudou de dia.");

    await releaseDueBatches(db, later);
    expect(await fails(updateScheduledBatch(ctx(), { batchId: batch.id, sendAt: ahead(3), motivo: "Outro", message: "Oi" }))).toMatchObject({
      kind: "conflict",
      message: "Este lote já foi liberado para envio: não pode mais ser alterado. Pause-o ou cancele-o.",
    });
  });

  it("checks an edited text with the batch's own rules: the parts it allows and its account's accents", async () => {
    const { batch } = await createBatch(ctx(), { ...draft(ahead(1)), maxParts: 2 });
    // 2 SMS once the accents go (the account sends without them); 1 SMS is the admin's default.
    const twoParts = `Olá {primeiro_nome}, ${"a manutenção da rede será às 8h. ".repeat(6)}`;
    const edited = await updateScheduledBatch(ctx(), { batchId: batch.id, sendAt: ahead(1), motivo: "Manutenção", message: twoParts });
    expect(edited.template).toBe(twoParts);
    const threeParts = `{nome}, ${"a manutenção da rede será às 8h. ".repeat(9)}`;
    const err = await fails(updateScheduledBatch(ctx(), { batchId: batch.id, sendAt: ahead(1), motivo: "Manutenção", message: threeParts }));
    expect(err).toMatchObject({ kind: "validation", fields: { message: err.message } });
    expect(err.message).toMatch(/^Para .+: /);
    expect((await getBatch(systemContext(db, "test"), { batchId: batch.id })).template).toBe(twoParts);
  });

  it("is cancelled before its time: nothing will be sent and the drain never releases it", async () => {
    const sendAt = ahead(1);
    const { batch } = await createBatch(ctx(), draft(sendAt));
    const res = await cancelBatch(ctx(), { batchId: batch.id });
    expect(res).toMatchObject({ status: "cancelled", cancelledMessages: 0 });
    expect((await getBatch(systemContext(db, "test"), { batchId: batch.id })).progress).toMatchObject({ total: CUSTOMERS, finished: CUSTOMERS, percent: 100 });
    expect(await releaseDueBatches(db, sendAt)).not.toContain(batch.id);
  });
});
