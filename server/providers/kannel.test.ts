import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeHttpServer, textReply } from "./fakes/fake-http";
import { sendKannelDlr, startFakeKannel } from "./fakes/kannel";
import { expectNoSecrets, HANG_MS, sendRequest, TEST_TIMEOUT_MS } from "./fakes/support";
import { WebhookReceiver } from "./fakes/webhook-receiver";
import { createKannelAdapter } from "./kannel";
import type { AdapterAccount, SendOutcome } from "./types";

const USER = "painel";
const PASSWORD = "k4nn3l-p4ss!";
const WRONG = "wrong-p4ss";
let fake: FakeHttpServer;

beforeAll(async () => {
  fake = await startFakeKannel({ username: USER, password: PASSWORD });
});
afterAll(() => fake.close());

function account(overrides: Partial<AdapterAccount> = {}): AdapterAccount {
  return { id: 4, kind: "kannel", sender: "28282", config: { baseUrl: fake.url }, credentials: { username: USER, password: PASSWORD }, ...overrides };
}

async function send(overrides: Parameters<typeof sendRequest>[0] = {}, acct = account()): Promise<SendOutcome> {
  const outcome = await createKannelAdapter(acct, { timeoutMs: TEST_TIMEOUT_MS }).send(sendRequest(overrides));
  expectNoSecrets(outcome, [PASSWORD, WRONG]);
  return outcome;
}

describe("kannel send", () => {
  it("GETs sendsms with UCS-2 coding and a dlr-url carrying our id and Kannel's escapes", async () => {
    expect(await send()).toEqual({ kind: "accepted", providerMessageId: "msg_01JABCDEF" });
    const req = fake.last;
    expect(req.method).toBe("GET");
    expect(req.path).toBe("/cgi-bin/sendsms");
    expect(Object.fromEntries(req.query)).toEqual({
      username: USER,
      password: PASSWORD,
      from: "28282",
      to: "5535991234567",
      text: "Olá! Sua fatura vence amanhã.",
      charset: "UTF-8",
      coding: "2",
      "dlr-mask": "31",
      "dlr-url": "https://painel.example.com.br/api/webhooks/sms/7/s3cr3t?ref=msg_01JABCDEF&msg=msg_01JABCDEF&type=%d&reply=%A&receiver=%p&ts=%T&kid=%I",
    });
  });

  it("uses coding=0 for GSM-7 and the configured number format and SMSC", async () => {
    await send({ encoding: "GSM7", text: "Sua fatura vence hoje" }, account({ config: { baseUrl: fake.url, numberFormat: "national", smsc: "vivo" } }));
    expect(fake.last.query.get("coding")).toBe("0");
    expect(fake.last.query.get("to")).toBe("35991234567");
    expect(fake.last.query.get("smsc")).toBe("vivo");
  });

  it("3: Queued for later delivery is accepted too", async () => {
    fake.script(textReply(202, "3: Queued for later delivery"));
    expect(await send()).toMatchObject({ kind: "accepted" });
  });

  it("Authorization failed is bad credentials", async () => {
    expect(await send({}, account({ credentials: { username: USER, password: WRONG } }))).toEqual({
      kind: "permanent",
      code: "kannel_403",
      reason: "bad_credentials",
      message: "Credenciais do provedor inválidas.",
    });
  });

  it("a missing receiver is invalid_number; other 4xx are rejected with Kannel's reason", async () => {
    fake.script(textReply(400, "Missing receiver number, rejected"));
    expect(await send()).toMatchObject({ kind: "permanent", reason: "invalid_number" });
    fake.script(textReply(403, "Not routable. Do not try again."));
    expect(await send()).toEqual({ kind: "permanent", code: "kannel_403", reason: "rejected", message: "O provedor recusou a mensagem: Not routable. Do not try again." });
  });

  it("503 is retryable and not accepted; 429 honours Retry-After; other 5xx may be accepted", async () => {
    fake.script(textReply(503, "Temporal failure, try again later."));
    expect(await send()).toMatchObject({ kind: "retryable", code: "kannel_503", maybeAccepted: false });
    fake.script(textReply(429, "slow down", { "retry-after": "4" }));
    expect(await send()).toMatchObject({ kind: "retryable", retryAfterMs: 4000, maybeAccepted: false });
    fake.script(textReply(500, "boom"));
    expect(await send()).toMatchObject({ kind: "retryable", maybeAccepted: true });
  });

  it("a timeout after Kannel received the request is maybe accepted", async () => {
    fake.script({ ...textReply(202, "0: Accepted for delivery"), delayMs: HANG_MS });
    expect(await send()).toMatchObject({ kind: "retryable", code: "timeout", maybeAccepted: true });
  });
});

describe("kannel DLRs", () => {
  it("maps every DLR type from Kannel's substituted dlr-url, duplicates included", async () => {
    const hook = await new WebhookReceiver(createKannelAdapter(account())).start();
    try {
      await send({ messageId: "msg_k1", statusCallbackUrl: hook.url("/api/webhooks/sms/4/s3cr3t?ref=msg_k1") });
      const sent = fake.last;
      for (const type of [8, 4, 1, 2, 16]) await sendKannelDlr(sent, { type, reply: type === 16 ? "NACK/0x0000000b/Invalid Destination Address" : "ACK/" });
      expect(await sendKannelDlr(sent, { type: 1 }, 2)).toEqual([200, 200]);
      const reports = hook.results.map((r) => (r.ok ? r.reports[0] : undefined));
      expect(reports.map((r) => r?.status)).toEqual(["sent", "sent", "delivered", "undelivered", "failed", "delivered", "delivered"]);
      expect(reports[0]).toEqual({ messageId: "msg_k1", providerMessageId: "msg_k1", status: "sent", occurredAt: new Date(1741615200 * 1000) });
      expect(reports[4]).toMatchObject({ errorCode: "kannel_dlr_16", errorMessage: "NACK/0x0000000b/Invalid Destination Address" });
      expect(hook.received[0]?.url).toContain("receiver=5535991234567");
    } finally {
      await hook.close();
    }
  });

  it("needs the type parameter", async () => {
    const result = await createKannelAdapter(account()).parseWebhook({ url: "https://x/y?msg=1", method: "GET", headers: new Headers(), rawBody: "" });
    expect(result).toMatchObject({ ok: false, status: 400 });
  });
});
