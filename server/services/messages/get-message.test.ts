// Protects the message page's data: the whole timeline written by the real ledger (created, each
// attempt, a retry with its reason and time, acceptance with the provider's id, the delivery or
// failure report with its reason), only named facts of each event (never the stored payload), and
// the rule that a technician opens only their own messages.
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { smsEvent } from "@/db/schema";
import type { SessionUser } from "@/server/auth/session";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import { createTestDb } from "@/test/db";
import { makeCustomer, makeNetwork, makeUser } from "@/test/factories";
import { DomainError } from "../errors";
import { createAccount } from "../sms-accounts/manage-accounts";
import { claimMessage, recordOutcome } from "../sms/dispatch";
import { queueMessage } from "../sms/ledger";
import { applyReportToMessage } from "../sms/reports";
import { getMessageDetail } from "./get-message";
import { userContext } from "@/server/services/context";

const db = createTestDb();
let admin: SessionUser;
let op: SessionUser;
let tec: SessionUser;
let otherTec: SessionUser;
let accountId: number;
let customerId: number;
let delivered: number;
let failed: number;

async function newMessage(by: SessionUser, motivo: string) {
  const { message } = await queueMessage(db, {
    origin: "individual",
    customerId,
    phoneE164: "+5535991234567",
    motivo,
    body: "Olá Heloísa, chego às 14h.",
    encoding: "UCS2",
    segments: 1,
    characters: 26,
    createdBy: by.id,
    idempotencyKey: crypto.randomUUID(),
  });
  return message.id;
}

/** Claims the message as a sender would and returns the claimed row. */
async function claim(id: number) {
  const row = await claimMessage(db, id);
  if (!row) throw new Error(`message ${id} was not claimable`);
  return row;
}

beforeAll(async () => {
  const net = await makeNetwork(db);
  admin = await makeUser(db, "admin");
  op = await makeUser(db, "operador");
  tec = await makeUser(db, "tecnico");
  otherTec = await makeUser(db, "tecnico");
  customerId = (await makeCustomer(db, net, { name: "Heloísa Conceição", code: "7001", phones: [{ e164: "+5535991234567", isPrimary: true }] })).id;
  const account = await createAccount(userContext(db, admin), { name: "Gateway Principal", kind: "sandbox", ratePerSecond: 10, config: {}, credentials: {}, isDefault: true });
  accountId = account.id;

  // A technician's message: a 503, a retry, then accepted and delivered.
  delivered = await newMessage(tec, "Visita técnica");
  await recordOutcome(db, await claim(delivered), accountId, { kind: "retryable", code: "http_503", message: "Provedor indisponível (503).", retryAfterMs: 60_000, maybeAccepted: false });
  await recordOutcome(db, await claim(delivered), accountId, { kind: "accepted", providerMessageId: "SBX-7781" });
  await applyReportToMessage(db, delivered, { status: "delivered", providerMessageId: "SBX-7781", occurredAt: new Date("2026-03-16T17:05:00Z") });

  // An operator's message the handset never got.
  failed = await newMessage(op, "Aviso de manutenção");
  await recordOutcome(db, await claim(failed), accountId, { kind: "accepted", providerMessageId: "SBX-9000" });
  await applyReportToMessage(db, failed, { status: "undelivered", providerMessageId: "SBX-9000", errorCode: "EC_ABSENT", errorMessage: "Aparelho desligado ou fora de área." });
});

describe("getMessageDetail", () => {
  it("returns the message with every event in order, each with its facts", async () => {
    const m = await getMessageDetail(userContext(db, op), { id: delivered });
    expect(m).toMatchObject({
      id: delivered,
      status: "delivered",
      customer: { id: customerId, name: "Heloísa Conceição", code: "7001" },
      phone: { e164: "+5535991234567", national: "(35) 99123-4567" },
      operator: { id: tec.id },
      account: { name: "Gateway Principal" },
      providerMessageId: "SBX-7781",
      attempts: 2,
      body: "Olá Heloísa, chego às 14h.",
    });
    expect(m.events.map((e) => [e.type, e.from, e.to])).toEqual([
      ["created", null, "queued"],
      ["attempt", "queued", "sending"],
      ["transition", "sending", "queued"],
      ["attempt", "queued", "sending"],
      ["transition", "sending", "sent"],
      ["report", "sent", "delivered"],
    ]);
    const [, firstTry, retry, secondTry, sent, report] = m.events;
    expect(firstTry!.attempt).toBe(1);
    expect(secondTry!.attempt).toBe(2);
    expect(retry).toMatchObject({ errorCode: "http_503", errorMessage: "Provedor indisponível (503)." });
    // The retry waits for the backoff (or the provider's Retry-After, whichever is longer) after the failure.
    expect(retry!.waitUntil!.getTime() - retry!.at.getTime()).toBe(60_000);
    expect(sent!.providerMessageId).toBe("SBX-7781");
    expect(report).toMatchObject({ providerMessageId: "SBX-7781", occurredAt: new Date("2026-03-16T17:05:00Z") });
    for (let i = 1; i < m.events.length; i++) expect(m.events[i]!.at.getTime()).toBeGreaterThanOrEqual(m.events[i - 1]!.at.getTime());
  });

  it("gives the reason of a failed delivery", async () => {
    const m = await getMessageDetail(userContext(db, admin), { id: failed });
    expect(m.status).toBe("undelivered");
    expect(m.events.at(-1)).toMatchObject({ type: "report", to: "undelivered", errorCode: "EC_ABSENT", errorMessage: "Aparelho desligado ou fora de área." });
    expect(m.errorMessage).toBe("Aparelho desligado ou fora de área.");
  });

  it("shows only the named facts of an event, never its stored payload", async () => {
    await db.insert(smsEvent).values({ messageId: failed, type: "note", detail: { raw: "<xml>token=abc123</xml>", by: op.id, byName: "Operadora Ana" } });
    const m = await getMessageDetail(userContext(db, op), { id: failed });
    expect(m.events.at(-1)).toMatchObject({ type: "note", byName: "Operadora Ana" });
    expect(JSON.stringify(m.events)).not.toContain("abc123");
    expect(Object.keys(m.events.at(-1)!)).not.toContain("raw");
  });

  it("lets a technician open only their own messages", async () => {
    expect((await getMessageDetail(userContext(db, tec), { id: delivered })).id).toBe(delivered);
    for (const [viewer, id] of [[tec, failed], [otherTec, delivered]] as const) {
      const err = await getMessageDetail(userContext(db, viewer), { id }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DomainError);
      expect(err).toMatchObject({ kind: "not_found", message: "Mensagem não encontrada." });
    }
  });

  it("answers NOT_FOUND in Portuguese through the router, for an unknown id or another's message", async () => {
    const asTec = createCaller(createInnerContext({ db, user: tec }));
    expect((await asTec.message.get({ id: delivered })).events).toHaveLength(6);
    for (const id of [failed, 999_999]) {
      const err = await asTec.message.get({ id }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(TRPCError);
      expect(err).toMatchObject({ code: "NOT_FOUND", message: "Mensagem não encontrada." });
    }
    const bad = await asTec.message.get({ id: -1 }).catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: "BAD_REQUEST" });
  });
});
