// Protects report integrity across accounts (issue 12, item 2): a report arriving on one account's
// webhook only touches messages that this account accepted — never another account's message
// (not even a `blocked` report, which would record an opt-out), and never a message that was not
// handed to a provider (queued, scheduled, cancelled).
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { optOut, smsEvent, smsMessage } from "@/db/schema";
import type { SmsStatus } from "@/db/schema/constants";
import type { SessionUser } from "@/server/auth/session";
import { createTestDb } from "@/test/db";
import { makeUser } from "@/test/factories";
import { findAccount } from "../sms-accounts/account-store";
import { createAccount } from "../sms-accounts/manage-accounts";
import { type MessageRow, queueMessage, transition } from "./ledger";
import { handleProviderWebhook } from "./webhook";
import { userContext } from "@/server/services/context";

const db = createTestDb();
let admin: SessionUser;
const accounts: { id: number; secret: string }[] = [];

const GATEWAY = { url: "http://127.0.0.1:9/send", method: "GET", successMatcher: { type: "status", codes: [200] } };

async function makeAccount(name: string) {
  const out = await createAccount(userContext(db, admin), { name, kind: "http", ratePerSecond: 10, config: GATEWAY, credentials: { token: `tok-${name}-123456` } });
  const row = (await findAccount(db, out.id))!;
  return { id: row.id, secret: row.webhookSecret };
}

/** A message of `accountId` walked to `status` through the ledger (sent ones carry the provider id). */
async function message(accountId: number, status: SmsStatus, phoneE164: string, providerMessageId?: string): Promise<MessageRow> {
  const { message: m } = await queueMessage(db, {
    origin: "individual",
    phoneE164,
    motivo: "Aviso de manutenção",
    body: "Olá, João! Manutenção amanhã às 8h.",
    encoding: "GSM7",
    segments: 1,
    characters: 36,
    providerAccountId: accountId,
    createdBy: admin.id,
    idempotencyKey: crypto.randomUUID(),
  });
  const path: Record<SmsStatus, SmsStatus[]> = {
    queued: [],
    scheduled: ["scheduled"],
    cancelled: ["cancelled"],
    sending: ["sending"],
    sent: ["sending", "sent"],
    in_doubt: ["sending", "in_doubt"],
    delivered: ["sending", "sent", "delivered"],
    undelivered: [],
    failed: [],
    blocked: [],
  };
  let row = m;
  for (const next of path[status]) row = (await transition(db, row.id, row.status, next, next === "sent" ? { providerMessageId: providerMessageId ?? null } : {}))!;
  return row;
}

/** A GET callback as the gateway sends it, on `account`'s own webhook URL. */
function report(account: { id: number; secret: string }, params: Record<string, string>) {
  const url = `http://localhost:3000/api/webhooks/sms/${account.id}/${account.secret}?${new URLSearchParams(params).toString()}`;
  return handleProviderWebhook(db, { accountId: String(account.id), secret: account.secret, publicUrl: url, method: "GET", headers: new Headers(), rawBody: "" });
}

const statusOf = async (id: number) => (await db.select({ s: smsMessage.status }).from(smsMessage).where(eq(smsMessage.id, id)))[0]?.s;
const eventsOf = async (id: number) => (await db.select().from(smsEvent).where(eq(smsEvent.messageId, id))).length;
const optOutsOf = async (e164: string) => db.select().from(optOut).where(eq(optOut.phoneE164, e164));

beforeAll(async () => {
  admin = await makeUser(db, "admin");
  accounts.push(await makeAccount("Gateway Alfa"), await makeAccount("Gateway Beta"));
});

describe("reports are scoped to the account that accepted the message", () => {
  it("a report on account 1's webhook naming account 2's message (by our ref) changes nothing", async () => {
    const [a1, a2] = accounts as [(typeof accounts)[0], (typeof accounts)[0]];
    const theirs = await message(a2.id, "sent", "+5535991110001", "gw-2-0001");
    const events = await eventsOf(theirs.id);
    expect((await report(a1, { refer: theirs.ref, situacao: "ERRO", descricao: "forjado" })).status).toBe(200);
    expect(await statusOf(theirs.id)).toBe("sent");
    expect(await eventsOf(theirs.id)).toBe(events);
    // The owner's own report still applies.
    await report(a2, { refer: theirs.ref, situacao: "RECEBIDA" });
    expect(await statusOf(theirs.id)).toBe("delivered");
  });

  it("a report naming another account's provider id changes nothing", async () => {
    const [a1, a2] = accounts as [(typeof accounts)[0], (typeof accounts)[0]];
    const theirs = await message(a2.id, "sent", "+5535991110002", "gw-shared-77");
    await report(a1, { id: "gw-shared-77", situacao: "ERRO" });
    expect(await statusOf(theirs.id)).toBe("sent");
  });

  it("a `blocked` report for another account's message records no opt-out", async () => {
    const [a1, a2] = accounts as [(typeof accounts)[0], (typeof accounts)[0]];
    const theirs = await message(a2.id, "sent", "+5535991110003", "gw-2-0003");
    await report(a1, { refer: theirs.ref, situacao: "BLACK LIST" });
    expect(await statusOf(theirs.id)).toBe("sent");
    expect(await optOutsOf("+5535991110003")).toHaveLength(0);
    // Reported by its own account, the same report blocks and opts the number out.
    await report(a2, { refer: theirs.ref, situacao: "BLACK LIST" });
    expect(await statusOf(theirs.id)).toBe("blocked");
    expect(await optOutsOf("+5535991110003")).toHaveLength(1);
  });

  it("never moves this account's messages that were not handed to the provider", async () => {
    const [a1] = accounts as [(typeof accounts)[0]];
    for (const [i, status] of (["queued", "scheduled", "cancelled"] as const).entries()) {
      const m = await message(a1.id, status, `+553599222000${i}`);
      for (const situacao of ["RECEBIDA", "ERRO", "BLACK LIST"]) await report(a1, { refer: m.ref, situacao });
      expect(await statusOf(m.id)).toBe(status);
      expect(await optOutsOf(m.phoneE164)).toHaveLength(0);
    }
  });

  it("still settles this account's sends in flight or in doubt (the report proves acceptance)", async () => {
    const [a1] = accounts as [(typeof accounts)[0]];
    const sending = await message(a1.id, "sending", "+5535993330001");
    const inDoubt = await message(a1.id, "in_doubt", "+5535993330002");
    await report(a1, { refer: sending.ref, situacao: "RECEBIDA" });
    await report(a1, { refer: inDoubt.ref, situacao: "ENVIADA" });
    expect(await statusOf(sending.id)).toBe("delivered");
    expect(await statusOf(inDoubt.id)).toBe("sent");
  });
});
