import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverCallback, type FakeHttpServer } from "./fakes/fake-http";
import { expectNoSecrets, HANG_MS, sendRequest, TEST_TIMEOUT_MS } from "./fakes/support";
import { sendTwilioCallback, startFakeTwilio, twilioError, twilioSign } from "./fakes/twilio";
import { WebhookReceiver } from "./fakes/webhook-receiver";
import { createTwilioAdapter, EMPTY_TWIML } from "./twilio";
import type { AdapterAccount, SendOutcome } from "./types";

const SID = "AC0123456789abcdef0123456789abcdef";
const TOKEN = "twilio-auth-token-5e4d3c2b1a";
const WRONG = "wrong-auth-token-000";
let fake: FakeHttpServer;

beforeAll(async () => {
  fake = await startFakeTwilio({ accountSid: SID, authToken: TOKEN, invalidNumbers: ["+5535990000000"], optedOut: ["+5535998887777"], landlines: ["+553532221111"] });
});
afterAll(() => fake.close());

function account(overrides: Partial<AdapterAccount> = {}): AdapterAccount {
  return { id: 2, kind: "twilio", sender: "+15005550006", config: { baseUrl: fake.url }, credentials: { accountSid: SID, authToken: TOKEN }, ...overrides };
}

async function send(overrides: Parameters<typeof sendRequest>[0] = {}, acct = account()): Promise<SendOutcome> {
  const outcome = await createTwilioAdapter(acct, { timeoutMs: TEST_TIMEOUT_MS }).send(sendRequest(overrides));
  expectNoSecrets(outcome, [TOKEN, WRONG]);
  return outcome;
}

describe("twilio send", () => {
  it("posts the documented form with Basic auth and returns the SID", async () => {
    const outcome = await send();
    const req = fake.last;
    expect(req.method).toBe("POST");
    expect(req.path).toBe(`/2010-04-01/Accounts/${SID}/Messages.json`);
    expect(req.headers.authorization).toBe(`Basic ${Buffer.from(`${SID}:${TOKEN}`).toString("base64")}`);
    expect(req.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(Object.fromEntries(new URLSearchParams(req.body))).toEqual({
      To: "+5535991234567",
      From: "+15005550006",
      Body: "Olá! Sua fatura vence amanhã.",
      StatusCallback: "https://painel.example.com.br/api/webhooks/sms/7/s3cr3t?ref=msg_01JABCDEF&msg=msg_01JABCDEF",
    });
    expect(outcome).toMatchObject({ kind: "accepted" });
    expect(outcome.kind === "accepted" && outcome.providerMessageId).toMatch(/^SM[0-9a-f]{32}$/);
  });

  it("uses the Messaging Service instead of From when configured", async () => {
    const mg = "MG0123456789abcdef0123456789abcdef";
    await send({}, account({ config: { baseUrl: fake.url, messagingServiceSid: mg } }));
    const form = new URLSearchParams(fake.last.body);
    expect(form.get("MessagingServiceSid")).toBe(mg);
    expect(form.has("From")).toBe(false);
  });

  it("classifies Twilio's error codes", async () => {
    expect(await send({ to: "+5535990000000" })).toEqual({ kind: "permanent", code: "twilio_21211", reason: "invalid_number", message: "Número inválido para o provedor." });
    expect(await send({ to: "+5535998887777" })).toMatchObject({ reason: "opted_out", message: "O destinatário pediu para não receber SMS (opt-out)." });
    expect(await send({ to: "+553532221111" })).toMatchObject({ code: "twilio_21635", reason: "landline" });
    fake.script(twilioError(400, 21614, "'To' number is not a valid mobile number"));
    expect(await send()).toMatchObject({ code: "twilio_21614", reason: "invalid_number" });
    fake.script(twilioError(429, 30001, "Queue overflow"));
    expect(await send()).toMatchObject({ kind: "retryable", code: "twilio_30001", maybeAccepted: false });
    fake.script(twilioError(400, 21611, "This 'From' number has exceeded the maximum number of queued messages"));
    expect(await send()).toMatchObject({ kind: "retryable", code: "twilio_21611", maybeAccepted: false });
    fake.script(twilioError(400, 30123, "Something new"));
    expect(await send()).toMatchObject({ kind: "permanent", code: "twilio_30123", reason: "rejected", message: "O provedor recusou a mensagem: Something new" });
  });

  it("20429 is retryable, never processed, with Retry-After", async () => {
    fake.script(twilioError(429, 20429, "Too Many Requests", { "retry-after": "2" }));
    expect(await send()).toEqual({ kind: "retryable", code: "twilio_20429", message: "O provedor pediu para aguardar (limite de envio).", maybeAccepted: false, retryAfterMs: 2000 });
  });

  it("20500 and other 5xx may have been processed", async () => {
    fake.script(twilioError(500, 20500, "Internal Server Error"));
    expect(await send()).toMatchObject({ kind: "retryable", code: "twilio_20500", maybeAccepted: true });
    fake.script({ status: 502, body: "<html>Bad gateway</html>" });
    expect(await send()).toMatchObject({ kind: "retryable", code: "twilio_502", maybeAccepted: true });
  });

  it("a timeout after Twilio received the request is maybe accepted", async () => {
    fake.script({ status: 201, body: "{}", delayMs: HANG_MS });
    expect(await send()).toMatchObject({ kind: "retryable", code: "timeout", maybeAccepted: true });
  });

  it("a wrong Auth Token is bad credentials (20003)", async () => {
    expect(await send({}, account({ credentials: { accountSid: SID, authToken: WRONG } }))).toEqual({
      kind: "permanent",
      code: "twilio_20003",
      reason: "bad_credentials",
      message: "Credenciais do provedor inválidas.",
    });
  });

  it("authenticates with an API key when one is given", async () => {
    const keySid = "SK0123456789abcdef0123456789abcdef";
    fake.script({ status: 201, body: JSON.stringify({ sid: "SMkey" }) });
    await send({}, account({ credentials: { accountSid: SID, authToken: TOKEN, apiKeySid: keySid, apiKeySecret: "key-secret" } }));
    expect(fake.last.headers.authorization).toBe(`Basic ${Buffer.from(`${keySid}:key-secret`).toString("base64")}`);
  });

  it("needs a From or a Messaging Service", async () => {
    expect(await send({}, account({ sender: null }))).toMatchObject({ kind: "permanent", reason: "misconfigured" });
  });
});

describe("twilio webhooks", () => {
  const callbackUrl = (hook: WebhookReceiver) => hook.url("/api/webhooks/sms/2/s3cr3t?ref=msg_1&msg=msg_1");
  const statusParams = (status: string, extra: Record<string, string> = {}) => ({
    MessageSid: "SM0001",
    SmsSid: "SM0001",
    MessageStatus: status,
    SmsStatus: status,
    To: "+5535991234567",
    From: "+15005550006",
    AccountSid: SID,
    ApiVersion: "2010-04-01",
    ...extra,
  });

  it("verifies signatures and maps every status, duplicates included", async () => {
    const hook = await new WebhookReceiver(createTwilioAdapter(account())).start();
    try {
      const url = callbackUrl(hook);
      for (const s of ["queued", "sent", "delivered", "undelivered", "failed"]) {
        expect(await sendTwilioCallback(url, TOKEN, statusParams(s, s === "undelivered" ? { ErrorCode: "30003" } : {}))).toEqual([200]);
      }
      expect(await sendTwilioCallback(url, TOKEN, statusParams("failed", { ErrorCode: "21610" }), 2)).toEqual([200, 200]);
      const reports = hook.results.map((r) => (r.ok ? r.reports[0] : undefined));
      expect(reports.map((r) => r?.status)).toEqual(["sent", "sent", "delivered", "undelivered", "failed", "blocked", "blocked"]);
      expect(reports[0]).toEqual({ providerMessageId: "SM0001", messageId: "msg_1", status: "sent" });
      expect(reports[3]).toMatchObject({ errorCode: "30003" });
      expect(reports[5]).toEqual(reports[6]);
    } finally {
      await hook.close();
    }
  });

  it("answers 403 to a missing or wrong signature", async () => {
    const hook = await new WebhookReceiver(createTwilioAdapter(account())).start();
    try {
      const url = callbackUrl(hook);
      const body = new URLSearchParams(statusParams("delivered")).toString();
      const form = { "content-type": "application/x-www-form-urlencoded" };
      expect(await deliverCallback(url, { headers: form, body })).toEqual([403]);
      expect(await deliverCallback(url, { headers: { ...form, "x-twilio-signature": twilioSign(WRONG, url, statusParams("delivered")) }, body })).toEqual([403]);
      // Signed for another URL (e.g. a different account's secret): rejected.
      const other = hook.url("/api/webhooks/sms/3/other");
      expect(await deliverCallback(url, { headers: { ...form, "x-twilio-signature": twilioSign(TOKEN, other, statusParams("delivered")) }, body })).toEqual([403]);
      // A tampered parameter after signing: rejected.
      const signed = twilioSign(TOKEN, url, statusParams("undelivered"));
      expect(await deliverCallback(url, { headers: { ...form, "x-twilio-signature": signed }, body })).toEqual([403]);
      expect(hook.results.every((r) => !r.ok)).toBe(true);
    } finally {
      await hook.close();
    }
  });

  it("turns an inbound SMS into an InboundMessage and answers empty TwiML", async () => {
    const hook = await new WebhookReceiver(createTwilioAdapter(account())).start();
    try {
      const url = hook.url("/api/webhooks/sms/2/s3cr3t");
      const params = { MessageSid: "SM9999", SmsStatus: "received", From: "+5535991234567", To: "+15005550006", Body: "Pare, por favor", NumMedia: "0", AccountSid: SID };
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": twilioSign(TOKEN, url, params) },
        body: new URLSearchParams(params).toString(),
      });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/xml");
      expect(await res.text()).toBe(EMPTY_TWIML);
      expect(hook.results[0]).toMatchObject({ ok: true, reports: [], inbound: [{ from: "+5535991234567", to: "+15005550006", text: "Pare, por favor", providerMessageId: "SM9999" }] });
    } finally {
      await hook.close();
    }
  });

  it("reads a GET webhook from its signed URL", async () => {
    const url = "https://painel.example.com.br/api/webhooks/sms/2/s?From=%2B5535991234567&To=%2B15005550006&Body=SAIR&SmsStatus=received&MessageSid=SM7";
    const headers = new Headers({ "x-twilio-signature": twilioSign(TOKEN, url, {}) });
    const result = await createTwilioAdapter(account()).parseWebhook({ url, method: "GET", headers, rawBody: "" });
    expect(result).toMatchObject({ ok: true, inbound: [{ from: "+5535991234567", text: "SAIR", providerMessageId: "SM7" }] });
  });

  it("computes Twilio's published example signature", async () => {
    const { twilioSignature } = await import("./twilio-signature");
    const params = new URLSearchParams({ CallSid: "CA1234567890ABCDE", Caller: "+12349013030", Digits: "1234", From: "+12349013030", To: "+18005551212" });
    expect(await twilioSignature("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", params)).toBe("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
  });

  it("verifies JSON callbacks through bodySHA256", async () => {
    const { createHash } = await import("node:crypto");
    const body = JSON.stringify({ MessageSid: "SM1", MessageStatus: "delivered" });
    const url = `https://painel.example.com.br/api/webhooks/sms/2/s?bodySHA256=${createHash("sha256").update(body).digest("hex")}`;
    const adapter = createTwilioAdapter(account());
    const headers = new Headers({ "content-type": "application/json", "x-twilio-signature": twilioSign(TOKEN, url, {}) });
    expect(await adapter.parseWebhook({ url, method: "POST", headers, rawBody: body })).toMatchObject({ ok: true });
    expect(await adapter.parseWebhook({ url, method: "POST", headers, rawBody: `${body} ` })).toMatchObject({ ok: false, status: 403 });
  });
});
