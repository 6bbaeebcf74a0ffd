// Protects "Agendar" on the individual send: a scheduled SMS is a "scheduled" message with its time,
// nothing reaches the provider before it, the queue drain sends it once at its time, an operator can
// cancel it or change its time in the Fila until then, and a time in the past is refused in Portuguese
// with nothing written.
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { smsEvent, smsMessage } from "@/db/schema";
import type { SessionUser } from "@/server/auth/session";
import type { FakeHttpServer } from "@/server/providers/fakes/fake-http";
import { startFakeZenvia } from "@/server/providers/fakes/zenvia";
import { createTestDb } from "@/test/db";
import { makeCustomer, makeNetwork, makeUser } from "@/test/factories";
import { SEND_AT_MESSAGES } from "../batches/send-at";
import { claimDue, drainChunk } from "../queue/drain";
import { listQueue } from "../queue/list-queue";
import { cancelQueued, rescheduleQueued } from "../queue/queue-actions";
import { resetAdapterCache } from "../sms-accounts/account-store";
import { createAccount } from "../sms-accounts/manage-accounts";
import { sendIndividual } from "./send-individual";
import { systemContext, userContext } from "@/server/services/context";

const db = createTestDb();
let fake: FakeHttpServer;
let author: SessionUser;
let op: SessionUser;
let customerId: number;
const FIVE_MIN = 300_000;
const tomorrow = () => new Date(Math.ceil((Date.now() + 86_400_000) / FIVE_MIN) * FIVE_MIN);

const input = (sendAt: Date | null, n: number) => ({
  customerId,
  motivo: "Visita técnica",
  ddd: "35",
  number: `99123-45${String(60 + n)}`,
  message: "Olá {primeiro_nome}, o técnico chega amanhã às 8h.",
  confirmed: true as const,
  idempotencyKey: crypto.randomUUID(),
  sendAt,
});

beforeAll(async () => {
  fake = await startFakeZenvia({ token: "tk" });
  const net = await makeNetwork(db);
  customerId = (await makeCustomer(db, net, { name: "Heloísa Gonçalves" })).id;
  author = await makeUser(db, "operador"); // types the number in; technicians only send to registered mobiles
  op = await makeUser(db, "operador");
  const admin = await makeUser(db, "admin");
  await createAccount(userContext(db, admin), { name: "Zenvia", kind: "zenvia", sender: "PROVEDOR", ratePerSecond: 1000, config: { baseUrl: fake.url }, credentials: { apiToken: "tk" }, isDefault: true });
});

beforeEach(() => {
  fake.requests.length = 0;
});

afterAll(async () => {
  await resetAdapterCache();
  await fake.close();
});

describe("sendIndividual with Agendar", () => {
  it("refuses a time in the past, writing nothing", async () => {
    const [before] = await db.select({ n: count() }).from(smsMessage);
    const past = new Date(Math.floor((Date.now() - 60_000) / FIVE_MIN) * FIVE_MIN);
    await expect(sendIndividual(userContext(db, author), input(past, 1))).rejects.toMatchObject({ kind: "validation", message: SEND_AT_MESSAGES.past, fields: { sendAt: SEND_AT_MESSAGES.past } });
    const [after] = await db.select({ n: count() }).from(smsMessage);
    expect(after!.n).toBe(before!.n);
  });

  it("records a scheduled message with its time, sent by the drain at that time and not before", async () => {
    const sendAt = tomorrow();
    const out = await sendIndividual(userContext(db, author), input(sendAt, 2));
    expect(out).toMatchObject({ status: "scheduled", scheduledFor: sendAt, body: "Ola Heloisa, o técnico chega amanha às 8h.", replayed: false });
    expect(fake.requests).toHaveLength(0);
    const events = await db.select().from(smsEvent).where(eq(smsEvent.messageId, out.id)).orderBy(smsEvent.id);
    expect(events.map((e) => [e.fromStatus, e.toStatus, (e.detail as { reason?: string } | null)?.reason ?? null])).toEqual([
      [null, "queued", null],
      ["queued", "scheduled", "operator_schedule"],
    ]);
    const queue = await listQueue(systemContext(db, "test"), { status: "scheduled" });
    expect(queue.items.find((i) => i.id === out.id)).toMatchObject({ origin: "individual", status: "scheduled", nextAttemptAt: sendAt });

    expect((await claimDue(db, { limit: 10, now: new Date(sendAt.getTime() - FIVE_MIN) })).map((m) => m.id)).not.toContain(out.id);
    expect(await drainChunk(db, { now: sendAt })).toMatchObject({ claimed: 1, sent: 1 });
    expect(fake.requests).toHaveLength(1);
    const [sent] = await db.select().from(smsMessage).where(eq(smsMessage.id, out.id));
    expect(sent?.status).toBe("sent");
  });

  it("can be cancelled in the Fila before its time", async () => {
    const out = await sendIndividual(userContext(db, author), input(tomorrow(), 3));
    expect(await cancelQueued(userContext(db, op), { id: out.id, status: "scheduled" })).toMatchObject({ status: "cancelled" });
    expect((await drainChunk(db, { now: tomorrow() })).claimed).toBe(0);
    expect(fake.requests).toHaveLength(0);
  });

  it("has its time changed in the Fila until the drain takes it: sent at the new time, not the old one", async () => {
    const first = tomorrow();
    const out = await sendIndividual(userContext(db, author), input(first, 4));
    const later = new Date(first.getTime() + 2 * 3_600_000);
    const past = new Date(Math.floor((Date.now() - 60_000) / FIVE_MIN) * FIVE_MIN);
    await expect(rescheduleQueued(userContext(db, op), { id: out.id, sendAt: past })).rejects.toMatchObject({ kind: "validation", fields: { sendAt: SEND_AT_MESSAGES.past } });
    expect(await rescheduleQueued(userContext(db, op), { id: out.id, sendAt: later })).toMatchObject({ status: "scheduled", nextAttemptAt: later });
    const queue = await listQueue(systemContext(db, "test"), { status: "scheduled" });
    expect(queue.items.find((i) => i.id === out.id)).toMatchObject({ nextAttemptAt: later, reschedulable: true });
    const events = await db.select().from(smsEvent).where(eq(smsEvent.messageId, out.id)).orderBy(smsEvent.id);
    expect(events.at(-1)).toMatchObject({ fromStatus: "scheduled", toStatus: "scheduled", detail: { reason: "operator_reschedule", from: first.toISOString(), sendAt: later.toISOString() } });

    expect((await drainChunk(db, { now: first })).claimed).toBe(0);
    expect(fake.requests).toHaveLength(0);
    expect(await drainChunk(db, { now: later })).toMatchObject({ claimed: 1, sent: 1 });
    expect(fake.requests).toHaveLength(1);
    // Gone from the Fila: nothing left to reschedule.
    await expect(rescheduleQueued(userContext(db, op), { id: out.id, sendAt: tomorrow() })).rejects.toMatchObject({ kind: "conflict" });
  });

  it("keeps the time of a message held by its send window: only an Agendar time can be changed", async () => {
    const out = await sendIndividual(userContext(db, author), input(null, 5));
    const [m] = await db.select().from(smsMessage).where(eq(smsMessage.id, out.id));
    // Make it a message the window deferred, as the drain does.
    await db.update(smsMessage).set({ status: "scheduled", attempts: 0, lastErrorCode: "send_window", lastErrorMessage: "Fora do horário permitido.", nextAttemptAt: tomorrow() }).where(eq(smsMessage.id, m!.id));
    expect((await listQueue(systemContext(db, "test"), { status: "scheduled" })).items.find((i) => i.id === out.id)).toMatchObject({ reschedulable: false });
    await expect(rescheduleQueued(userContext(db, op), { id: out.id, sendAt: tomorrow() })).rejects.toMatchObject({
      kind: "conflict",
      message: "Só o horário de um SMS individual agendado pode ser alterado; esta mensagem aguarda o horário permitido ou uma nova tentativa.",
    });
  });
});
