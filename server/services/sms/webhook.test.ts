// Protects delivery reports and inbound messages: Twilio signatures (valid, invalid, missing), the
// per-account secret, replays and out-of-order reports that never move a status backwards, unknown
// messages, and PARE/SAIR replies that record an opt-out.
import { createHmac } from "node:crypto";
import { and, count, eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { optOut, smsEvent, smsInbound, smsMessage } from "@/db/schema";
import type { SessionUser } from "@/server/auth/session";
import { createTestDb } from "@/test/db";
import { makeUser } from "@/test/factories";
import { findAccount, webhookUrl } from "../sms-accounts/account-store";
import { createAccount } from "../sms-accounts/manage-accounts";
import { queueMessage, transition } from "./ledger";
import { handleProviderWebhook } from "./webhook";
import { userContext } from "@/server/services/context";

const db = createTestDb();
const AUTH_TOKEN = "twilio-auth-token-for-tests";
let admin: SessionUser;
let accountId: number;
let url: string;
let secret: string;

function twilioSign(fullUrl: string, params: Record<string, string>): string {
  const data = fullUrl + Object.keys(params).sort().map((k) => k + params[k]).join("");
  return createHmac("sha1", AUTH_TOKEN).update(data).digest("base64");
}

async function post(params: Record<string, string>, opts: { signature?: string | null; secret?: string } = {}) {
  const body = new URLSearchParams(params).toString();
  const headers = new Headers({ "content-type": "application/x-www-form-urlencoded" });
  const sig = opts.signature === undefined ? twilioSign(url, params) : opts.signature;
  if (sig) headers.set("x-twilio-signature", sig);
  return handleProviderWebhook(db, { accountId: String(accountId), secret: opts.secret ?? secret, publicUrl: url, method: "POST", headers, rawBody: body });
}

async function sentMessage(providerMessageId: string, phoneE164 = "+5535991234567") {
  const { message } = await queueMessage(db, {
    origin: "individual",
    phoneE164,
    motivo: "teste",
    body: "Olá",
    encoding: "GSM7",
    segments: 1,
    characters: 3,
    providerAccountId: accountId,
    createdBy: admin.id,
    idempotencyKey: crypto.randomUUID(),
  });
  await transition(db, message.id, "queued", "sending");
  return (await transition(db, message.id, "sending", "sent", { providerMessageId }))!;
}

async function statusOf(id: number) {
  const [m] = await db.select({ status: smsMessage.status }).from(smsMessage).where(eq(smsMessage.id, id));
  return m?.status;
}

async function eventCount(id: number) {
  const [r] = await db.select({ n: count() }).from(smsEvent).where(eq(smsEvent.messageId, id));
  return r!.n;
}

beforeAll(async () => {
  admin = await makeUser(db, "admin");
  const acc = await createAccount(userContext(db, admin), { name: "Twilio", kind: "twilio", sender: "+15005550006", ratePerSecond: 10, config: {}, credentials: { accountSid: `AC${"a".repeat(32)}`, authToken: AUTH_TOKEN } });
  accountId = acc.id;
  const row = (await findAccount(db, accountId))!;
  secret = row.webhookSecret;
  url = `${webhookUrl(row)}?ref=x`;
});

describe("provider webhooks", () => {
  it("applies a signed delivery report", async () => {
    const m = await sentMessage("SM0001");
    const res = await post({ MessageSid: "SM0001", MessageStatus: "delivered", AccountSid: `AC${"a".repeat(32)}` });
    expect(res.status).toBe(200);
    expect(await statusOf(m.id)).toBe("delivered");
  });

  it("refuses a wrong or missing signature and changes nothing", async () => {
    const m = await sentMessage("SM0002");
    expect((await post({ MessageSid: "SM0002", MessageStatus: "delivered" }, { signature: "AAAA" })).status).toBe(403);
    expect((await post({ MessageSid: "SM0002", MessageStatus: "delivered" }, { signature: null })).status).toBe(403);
    expect(await statusOf(m.id)).toBe("sent");
  });

  it("answers 404 for a wrong account secret, exactly as for an unknown account", async () => {
    const wrong = await post({ MessageSid: "SM0002", MessageStatus: "delivered" }, { secret: "nope" });
    const unknown = await handleProviderWebhook(db, { accountId: "9999", secret, publicUrl: url, method: "POST", headers: new Headers(), rawBody: "" });
    expect(wrong).toEqual(unknown);
    expect(wrong.status).toBe(404);
  });

  it("is idempotent for replays and forward-only for late reports", async () => {
    const m = await sentMessage("SM0003");
    await post({ MessageSid: "SM0003", MessageStatus: "delivered" });
    const events = await eventCount(m.id);
    await post({ MessageSid: "SM0003", MessageStatus: "delivered" });
    await post({ MessageSid: "SM0003", MessageStatus: "sent" });
    await post({ MessageSid: "SM0003", MessageStatus: "undelivered", ErrorCode: "30003" });
    expect(await statusOf(m.id)).toBe("delivered");
    expect(await eventCount(m.id)).toBe(events);
  });

  it("accepts reports arriving out of order (delivered before sent)", async () => {
    const m = await sentMessage("SM0004");
    await post({ MessageSid: "SM0004", MessageStatus: "delivered" });
    await post({ MessageSid: "SM0004", MessageStatus: "sending" });
    expect(await statusOf(m.id)).toBe("delivered");
  });

  it("answers 200 to a report for an unknown message (so the provider stops retrying) and stores nothing", async () => {
    const before = (await db.select({ n: count() }).from(smsEvent))[0]!.n;
    expect((await post({ MessageSid: "SM9999", MessageStatus: "delivered" })).status).toBe(200);
    expect((await db.select({ n: count() }).from(smsEvent))[0]!.n).toBe(before);
  });

  it("records a failure report with its error", async () => {
    const m = await sentMessage("SM0005");
    await post({ MessageSid: "SM0005", MessageStatus: "undelivered", ErrorCode: "30003" });
    const [row] = await db.select().from(smsMessage).where(eq(smsMessage.id, m.id));
    expect(row?.status).toBe("undelivered");
    expect(row?.lastErrorCode).toBe("30003");
  });

  it("records an inbound PARE as an opt-out, once, answering TwiML", async () => {
    const params = { MessageSid: "SMin01", From: "+5535977776666", To: "+15005550006", Body: "Páre!!" };
    const res = await post(params);
    expect(res.contentType).toContain("xml");
    await post(params);
    const active = await db.select().from(optOut).where(and(eq(optOut.phoneE164, "+5535977776666"), isNull(optOut.liftedAt)));
    expect(active).toHaveLength(1);
    expect(active[0]?.source).toBe("inbound_sms");
    expect(await db.select().from(smsInbound).where(eq(smsInbound.fromE164, "+5535977776666"))).toHaveLength(1);
  });

  it("stores an ordinary reply without opting out", async () => {
    await post({ MessageSid: "SMin02", From: "+5535966665555", To: "+15005550006", Body: "Vou sair de casa às 8, pode vir depois" });
    expect(await db.select().from(optOut).where(eq(optOut.phoneE164, "+5535966665555"))).toHaveLength(0);
  });
});
