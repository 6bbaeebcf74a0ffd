// Protects Twilio's newer webhook signing (issue 12, item 13): a callback signed with a Webhook
// Setting's SharedKey (X-Twilio-Webhooks-Signature-Settings: key=…,algorithm=HMAC_SHA256) is
// accepted beside the classic Auth Token signature; forged, missing, downgraded or unknown-algorithm
// signatures are still refused and change nothing. Signatures made with node:crypto.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { smsMessage } from "@/db/schema";
import type { SessionUser } from "@/server/auth/session";
import { twilioSign } from "@/server/providers/fakes/twilio";
import { createTestDb } from "@/test/db";
import { makeUser } from "@/test/factories";
import { findAccount, webhookUrl } from "../sms-accounts/account-store";
import { createAccount } from "../sms-accounts/manage-accounts";
import { queueMessage, transition } from "./ledger";
import { handleProviderWebhook } from "./webhook";
import { userContext } from "@/server/services/context";

const db = createTestDb();
const AUTH_TOKEN = "twilio-auth-token-0123456789";
const SHARED_KEY = "shared-key-secret-Zx9Yw8Vu7";
const SID = `AC${"d".repeat(32)}`;
let admin: SessionUser;

type Account = { id: number; secret: string; url: string };
const accounts: { withKey?: Account; withoutKey?: Account } = {};

async function makeTwilio(name: string, credentials: Record<string, string>): Promise<Account> {
  const out = await createAccount(userContext(db, admin), { name, kind: "twilio", sender: "+15005550006", ratePerSecond: 10, config: {}, credentials: { accountSid: SID, authToken: AUTH_TOKEN, ...credentials } });
  const row = (await findAccount(db, out.id))!;
  return { id: row.id, secret: row.webhookSecret, url: `${webhookUrl(row)}?ref=x` };
}

async function sent(account: Account, sid: string) {
  const { message } = await queueMessage(db, {
    origin: "individual", phoneE164: "+5535991234567", motivo: "Teste", body: "Olá, Conceição", encoding: "GSM7", segments: 1, characters: 14,
    providerAccountId: account.id, createdBy: admin.id, idempotencyKey: crypto.randomUUID(),
  });
  await transition(db, message.id, "queued", "sending");
  return (await transition(db, message.id, "sending", "sent", { providerMessageId: sid }))!;
}

function callback(account: Account, params: Record<string, string>, headers: Record<string, string>) {
  return handleProviderWebhook(db, {
    accountId: String(account.id), secret: account.secret, publicUrl: account.url, method: "POST",
    headers: new Headers({ "content-type": "application/x-www-form-urlencoded", ...headers }), rawBody: new URLSearchParams(params).toString(),
  });
}

const statusOf = async (id: number) => (await db.select({ s: smsMessage.status }).from(smsMessage).where(eq(smsMessage.id, id)))[0]?.s;
const SETTINGS = { "x-twilio-webhooks-signature-settings": "key=KS0123456789abcdef0123456789abcdef,algorithm=HMAC_SHA256" };

beforeAll(async () => {
  admin = await makeUser(db, "admin");
  accounts.withKey = await makeTwilio("Twilio com SharedKey", { webhookSharedKey: SHARED_KEY });
  accounts.withoutKey = await makeTwilio("Twilio clássica", {});
});

describe("Twilio shared-key (HMAC-SHA256) webhook signatures", () => {
  it("accepts a callback signed with the SharedKey and HMAC-SHA256", async () => {
    const a = accounts.withKey!;
    const m = await sent(a, "SMsk0001");
    const params = { MessageSid: "SMsk0001", MessageStatus: "delivered", AccountSid: SID };
    const res = await callback(a, params, { ...SETTINGS, "x-twilio-signature": twilioSign(SHARED_KEY, a.url, params, "sha256") });
    expect(res.status).toBe(200);
    expect(await statusOf(m.id)).toBe("delivered");
  });

  it("still accepts the classic Auth Token signature without the settings header", async () => {
    const a = accounts.withKey!;
    const m = await sent(a, "SMsk0002");
    const params = { MessageSid: "SMsk0002", MessageStatus: "delivered" };
    expect((await callback(a, params, { "x-twilio-signature": twilioSign(AUTH_TOKEN, a.url, params) })).status).toBe(200);
    expect(await statusOf(m.id)).toBe("delivered");
  });

  it("refuses forged, missing, downgraded and unknown-algorithm signatures, changing nothing", async () => {
    const a = accounts.withKey!;
    const m = await sent(a, "SMsk0003");
    const params = { MessageSid: "SMsk0003", MessageStatus: "undelivered", ErrorCode: "30003" };
    const attempts = [
      { ...SETTINGS, "x-twilio-signature": twilioSign("not-the-shared-key", a.url, params, "sha256") },
      { ...SETTINGS },
      // The Auth Token with SHA-256, or SHA-1 with the shared key: neither is what Twilio sends.
      { ...SETTINGS, "x-twilio-signature": twilioSign(AUTH_TOKEN, a.url, params, "sha256") },
      { ...SETTINGS, "x-twilio-signature": twilioSign(SHARED_KEY, a.url, params, "sha1") },
      { "x-twilio-webhooks-signature-settings": "key=KS1,algorithm=HMAC_MD5", "x-twilio-signature": twilioSign(SHARED_KEY, a.url, params, "sha256") },
      // Signed for other parameters (a tampered status).
      { ...SETTINGS, "x-twilio-signature": twilioSign(SHARED_KEY, a.url, { ...params, MessageStatus: "delivered" }, "sha256") },
    ];
    for (const headers of attempts) expect((await callback(a, params, headers)).status).toBe(403);
    expect(await statusOf(m.id)).toBe("sent");
  });

  it("an account without the SharedKey refuses shared-key callbacks with a message saying why", async () => {
    const a = accounts.withoutKey!;
    const m = await sent(a, "SMsk0004");
    const params = { MessageSid: "SMsk0004", MessageStatus: "delivered" };
    const res = await callback(a, params, { ...SETTINGS, "x-twilio-signature": twilioSign(SHARED_KEY, a.url, params, "sha256") });
    expect(res.status).toBe(403);
    expect(res.body).toContain("chave compartilhada");
    expect(await statusOf(m.id)).toBe("sent");
  });
});
