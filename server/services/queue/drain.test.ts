// Protects the queue drain against loss and duplicates: every due message is sent exactly once,
// overlapping drains never claim the same message, a worker that dies between the provider call and
// the write of its result leaves the message in_doubt (never resent), and retries wait their turn.
// "Sent" is counted at the fake provider, not in our own tables.
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { city, smsEvent, smsMessage } from "@/db/schema";
import { startFakeZenvia } from "@/server/providers/fakes/zenvia";
import type { FakeHttpServer } from "@/server/providers/fakes/fake-http";
import { jsonReply } from "@/server/providers/fakes/fake-http";
import type { SessionUser } from "@/server/auth/session";
import { createTestDb } from "@/test/db";
import { makeCustomer, makeNetwork, makeUser } from "@/test/factories";
import { adapterFor, findAccount, resetAdapterCache } from "../sms-accounts/account-store";
import { createAccount } from "../sms-accounts/manage-accounts";
import { queueMessage } from "../sms/ledger";
import { claimDue, drainChunk, reconcileExpiredLeases } from "./drain";
import { userContext } from "@/server/services/context";

const db = createTestDb();
let fake: FakeHttpServer;
let admin: SessionUser;
let accountId: number;

async function queue(n: number, extra: Partial<Parameters<typeof queueMessage>[1]> = {}) {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const { message } = await queueMessage(db, {
      origin: "billing",
      // Not bound by the send window, so these tests do not depend on the hour they run at.
      category: "operacional",
      phoneE164: `+55359${String(81_000_000 + Math.floor(Math.random() * 9_000_000))}`,
      motivo: "Cobrança",
      body: "Sua fatura vence amanha.",
      encoding: "GSM7",
      segments: 1,
      characters: 24,
      providerAccountId: accountId,
      idempotencyKey: crypto.randomUUID(),
      ...extra,
    });
    ids.push(message.id);
  }
  return ids;
}

/** How many times the provider received each of our references. */
function receivedRefs(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of fake.requests) {
    const ref = (JSON.parse(r.body) as { externalId: string }).externalId;
    counts.set(ref, (counts.get(ref) ?? 0) + 1);
  }
  return counts;
}

async function statuses(ids: number[]) {
  const rows = await db.select({ id: smsMessage.id, status: smsMessage.status, ref: smsMessage.ref }).from(smsMessage).where(inArray(smsMessage.id, ids));
  return rows;
}

beforeAll(async () => {
  fake = await startFakeZenvia({ token: "tk" });
  admin = await makeUser(db, "admin");
  accountId = (
    await createAccount(userContext(db, admin), { name: "Zenvia", kind: "zenvia", sender: "PROVEDOR", ratePerSecond: 1000, config: { baseUrl: fake.url }, credentials: { apiToken: "tk" }, isDefault: true })
  ).id;
});

beforeEach(async () => {
  // Each test starts with an empty queue and a fresh count at the provider.
  await db.update(smsMessage).set({ status: "cancelled" }).where(inArray(smsMessage.status, ["queued", "scheduled", "sending"]));
  fake.requests.length = 0;
});

afterAll(async () => {
  await resetAdapterCache();
  await fake.close();
});

describe("queue drain", () => {
  it("sends every due message exactly once, in chunks", async () => {
    const ids = await queue(250);
    const claimed: number[] = [];
    for (;;) {
      const r = await drainChunk(db, { limit: 100 });
      claimed.push(r.claimed);
      if (r.claimed === 0) break;
    }
    expect(claimed).toEqual([100, 100, 50, 0]);
    const rows = await statuses(ids);
    expect(rows.every((r) => r.status === "sent")).toBe(true);
    const refs = receivedRefs();
    expect(refs.size).toBe(250);
    expect([...refs.values()].every((n) => n === 1)).toBe(true);
    expect(new Set(rows.map((r) => r.ref))).toEqual(new Set(refs.keys()));
  });

  it("two overlapping drains never claim the same message", async () => {
    const ids = await queue(150);
    const [a, b, c] = await Promise.all([drainChunk(db, { limit: 60 }), drainChunk(db, { limit: 60 }), drainChunk(db, { limit: 60 })]);
    expect(a.claimed + b.claimed + c.claimed).toBe(150);
    expect((await statuses(ids)).every((r) => r.status === "sent")).toBe(true);
    expect([...receivedRefs().values()].every((n) => n === 1)).toBe(true);
    expect(receivedRefs().size).toBe(150);
  });

  it("a message queued with accents goes without them when the account says so, and the history keeps what went", async () => {
    const [id] = await queue(1, { body: "Sua fatura vence amanhã. Obrigado pela atenção!", encoding: "UCS2", characters: 47 });
    fake.requests.length = 0;
    await drainChunk(db);
    const sent = fake.requests.map((r) => JSON.parse(r.body) as { externalId: string; contents: { text: string }[] });
    const [row] = await db.select().from(smsMessage).where(eq(smsMessage.id, id!));
    expect(sent.find((r) => r.externalId === row!.ref)?.contents[0]?.text).toBe("Sua fatura vence amanha. Obrigado pela atencao!");
    expect(row).toMatchObject({ status: "sent", body: "Sua fatura vence amanha. Obrigado pela atencao!", encoding: "GSM7", segments: 1 });
    const events = await db.select().from(smsEvent).where(eq(smsEvent.messageId, id!));
    expect(events.some((e) => e.type === "note" && (e.detail as { code?: string } | null)?.code === "sent_without_accents")).toBe(true);
  });

  it("a worker that dies after the provider call leaves the message in_doubt, never sent twice", async () => {
    const ids = await queue(5);
    const claimed = await claimDue(db, { limit: 10 });
    const adapter = await adapterFor(db, (await findAccount(db, accountId))!);
    // The provider accepts each message, then the worker dies before recording the result.
    for (const m of claimed) await adapter.send({ messageId: m.ref, to: m.phoneE164, text: m.body, encoding: m.encoding, segments: 1, statusCallbackUrl: "http://127.0.0.1:9/x" });
    expect((await drainChunk(db)).claimed).toBe(0);
    const later = new Date(Date.now() + 61_000);
    expect(await reconcileExpiredLeases(db, later)).toEqual({ resolved: 0, inDoubt: 5 });
    expect((await drainChunk(db, { now: later })).claimed).toBe(0);
    expect((await statuses(ids)).map((r) => r.status)).toEqual(Array(5).fill("in_doubt"));
    expect([...receivedRefs().values()]).toEqual(Array(5).fill(1));
  });

  it("reconciles every expired lease in one call, not 500 per drain", async () => {
    const ids = await queue(620);
    // A worker claimed them all and died before any result was written.
    expect(await claimDue(db, { limit: 1000 })).toHaveLength(620);
    const later = new Date(Date.now() + 61_000);
    expect(await reconcileExpiredLeases(db, later)).toEqual({ resolved: 0, inDoubt: 620 });
    expect(new Set((await statuses(ids)).map((r) => r.status))).toEqual(new Set(["in_doubt"]));
    const events = await db.select().from(smsEvent).where(inArray(smsEvent.messageId, ids));
    expect(events.filter((e) => e.toStatus === "in_doubt")).toHaveLength(620);
    expect(fake.requests).toHaveLength(0);
  });

  it("a 429 goes back to the queue with Retry-After and is sent once when due", async () => {
    const [id] = await queue(1);
    fake.script(jsonReply(429, { code: "TOO_MANY_REQUESTS", message: "slow down" }, { "retry-after": "120" }));
    expect((await drainChunk(db)).retrying).toBe(1);
    const [m] = await db.select().from(smsMessage).where(eq(smsMessage.id, id!));
    expect(m?.status).toBe("queued");
    expect(m!.nextAttemptAt!.getTime() - Date.now()).toBeGreaterThan(110_000);
    expect((await drainChunk(db)).claimed).toBe(0);
    expect((await drainChunk(db, { now: new Date(Date.now() + 121_000) })).sent).toBe(1);
    expect(fake.requests).toHaveLength(2);
  });

  it("defers a collection message outside its window to the next opening, without counting an attempt", async () => {
    const net = await makeNetwork(db);
    await db.update(city).set({ uf: "SP", timeZone: "America/Sao_Paulo" }).where(eq(city.id, net.city.id));
    const c = await makeCustomer(db, net);
    const [id] = await queue(1, { category: "cobranca", customerId: c.id });
    // Sunday 29/11/2026 10:00 in São Paulo: SP forbids collection messages on Sundays.
    const sunday = new Date("2026-11-29T13:00:00Z");
    expect((await drainChunk(db, { now: sunday })).scheduled).toBe(1);
    const [m] = await db.select().from(smsMessage).where(eq(smsMessage.id, id!));
    expect(m).toMatchObject({ status: "scheduled", attempts: 0, lastErrorCode: "send_window" });
    expect(m!.nextAttemptAt!.toISOString()).toBe("2026-11-30T11:00:00.000Z");
    expect(m!.lastErrorMessage).toContain("Agendada para 30/11 às 08:00");
    expect(fake.requests).toHaveLength(0);
    expect((await drainChunk(db, { now: new Date("2026-11-30T10:59:00Z") })).claimed).toBe(0);
    expect((await drainChunk(db, { now: new Date("2026-11-30T11:00:00Z") })).sent).toBe(1);
    expect(fake.requests).toHaveLength(1);
  });

  it("leaves scheduled messages alone until their opening", async () => {
    const opening = new Date(Date.now() + 3_600_000);
    const ids = await queue(2);
    await db.update(smsMessage).set({ status: "scheduled", nextAttemptAt: opening }).where(inArray(smsMessage.id, ids));
    expect((await drainChunk(db)).claimed).toBe(0);
    expect((await drainChunk(db, { now: new Date(opening.getTime() + 1) })).sent).toBe(2);
  });
});
