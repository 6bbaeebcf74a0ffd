import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closedPortUrl, deliverCallback, type FakeHttpServer, jsonReply } from "./fakes/fake-http";
import { expectNoSecrets, HANG_MS, sendRequest, TEST_TIMEOUT_MS } from "./fakes/support";
import { WebhookReceiver } from "./fakes/webhook-receiver";
import { startFakeZenvia, zenviaInboundEvent, zenviaStatusEvent } from "./fakes/zenvia";
import type { AdapterAccount, SendOutcome } from "./types";
import { createZenviaAdapter } from "./zenvia";

const TOKEN = "zv-token-9f8e7d6c";
const INVALID = "5535990000000";
let fake: FakeHttpServer;

beforeAll(async () => {
  fake = await startFakeZenvia({ token: TOKEN, invalidNumbers: [INVALID] });
});
afterAll(() => fake.close());

function account(overrides: Partial<AdapterAccount> = {}): AdapterAccount {
  return { id: 1, kind: "zenvia", sender: "PROVEDORX", config: { baseUrl: fake.url }, credentials: { apiToken: TOKEN }, ...overrides };
}

async function send(overrides: Parameters<typeof sendRequest>[0] = {}, acct = account()): Promise<SendOutcome> {
  const outcome = await createZenviaAdapter(acct, { timeoutMs: TEST_TIMEOUT_MS }).send(sendRequest(overrides));
  expectNoSecrets(outcome, [TOKEN, "wrong-token-123"]);
  return outcome;
}

describe("zenvia send", () => {
  it("posts exactly the documented v2 request and returns Zenvia's id", async () => {
    const outcome = await send();
    const req = fake.last;
    expect(req.method).toBe("POST");
    expect(req.path).toBe("/v2/channels/sms/messages");
    expect(req.headers["x-api-token"]).toBe(TOKEN);
    expect(req.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(req.body)).toEqual({
      from: "PROVEDORX",
      to: "5535991234567",
      externalId: "msg_01JABCDEF",
      contents: [{ type: "text", text: "Olá! Sua fatura vence amanhã.", encodingStrategy: "AUTO" }],
    });
    expect(outcome.kind).toBe("accepted");
    expect(outcome.kind === "accepted" && outcome.providerMessageId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("429 is retryable, not accepted, and honours Retry-After in seconds", async () => {
    fake.script(jsonReply(429, { code: "TOO_MANY_REQUESTS", message: "Too many requests" }, { "retry-after": "7" }));
    expect(await send()).toEqual({ kind: "retryable", code: "zenvia_429", message: "O provedor pediu para aguardar (limite de envio).", retryAfterMs: 7000, maybeAccepted: false });
  });

  it("429 honours Retry-After as an HTTP date", async () => {
    fake.script(jsonReply(429, {}, { "retry-after": new Date(Date.now() + 30_000).toUTCString() }));
    const outcome = await send();
    expect(outcome.kind === "retryable" && outcome.retryAfterMs).toBeGreaterThan(28_000);
    expect(outcome.kind === "retryable" && outcome.retryAfterMs).toBeLessThanOrEqual(30_000);
  });

  it("5xx is retryable and maybe accepted", async () => {
    fake.script(jsonReply(500, { code: "INTERNAL_ERROR", message: "Internal error" }));
    expect(await send()).toMatchObject({ kind: "retryable", code: "zenvia_500", maybeAccepted: true });
  });

  it("a timeout after Zenvia received the request is maybe accepted", async () => {
    const before = fake.requests.length;
    fake.script({ ...jsonReply(200, { id: "late" }), delayMs: HANG_MS });
    const started = Date.now();
    expect(await send()).toEqual({ kind: "retryable", code: "timeout", message: "Tempo esgotado aguardando o provedor — pode ter sido aceito.", maybeAccepted: true });
    expect(Date.now() - started).toBeLessThan(HANG_MS);
    expect(fake.requests.length).toBe(before + 1);
  });

  it("a refused connection never reached Zenvia: retryable, not maybe accepted", async () => {
    const outcome = await send({}, account({ config: { baseUrl: await closedPortUrl() } }));
    expect(outcome).toMatchObject({ kind: "retryable", code: "connection_failed", maybeAccepted: false });
  });

  it("401 is bad credentials", async () => {
    const outcome = await send({}, account({ credentials: { apiToken: "wrong-token-123" } }));
    expect(outcome).toEqual({ kind: "permanent", code: "zenvia_401", reason: "bad_credentials", message: "Credenciais do provedor inválidas." });
  });

  it("a VALIDATION_ERROR about the number is invalid_number; others are rejected", async () => {
    expect(await send({ to: `+${INVALID}` })).toMatchObject({ kind: "permanent", reason: "invalid_number", message: "Número inválido para o provedor." });
    fake.script(jsonReply(400, { code: "VALIDATION_ERROR", message: "Validation error", details: [{ path: "contents/0/text", message: "text too long" }] }));
    expect(await send()).toMatchObject({ kind: "permanent", code: "zenvia_VALIDATION_ERROR", reason: "rejected", message: "O provedor recusou a mensagem: Validation error" });
  });

  it("masks the token if Zenvia echoes it", async () => {
    fake.script(jsonReply(400, { code: "BAD_REQUEST", message: `token ${TOKEN} not allowed here` }));
    expect(await send()).toMatchObject({ reason: "rejected", message: "O provedor recusou a mensagem: token *** not allowed here" });
  });

  it("without sender or token the account is misconfigured, nothing is sent", async () => {
    const before = fake.requests.length;
    expect(await send({}, account({ sender: null }))).toMatchObject({ kind: "permanent", reason: "misconfigured" });
    expect(await send({}, account({ credentials: {} }))).toMatchObject({ kind: "permanent", reason: "misconfigured", message: "Configuração da conta de SMS inválida: Informe o token da API." });
    expect(fake.requests.length).toBe(before);
  });
});

describe("zenvia webhooks", () => {
  it("maps every MESSAGE_STATUS code, duplicates included", async () => {
    const hook = await new WebhookReceiver(createZenviaAdapter(account())).start();
    try {
      const post = (payload: unknown, times = 1) => deliverCallback(hook.url(), { headers: { "content-type": "application/json" }, body: JSON.stringify(payload) }, times);
      expect(await post(zenviaStatusEvent({ id: "zv-1", externalId: "msg_1", code: "SENT" }))).toEqual([200]);
      expect(await post(zenviaStatusEvent({ id: "zv-1", externalId: "msg_1", code: "DELIVERED" }), 2)).toEqual([200, 200]);
      await post(zenviaStatusEvent({ id: "zv-2", externalId: "msg_2", code: "NOT_DELIVERED", causes: [{ channelErrorCode: "005", reason: "UNREACHABLE", details: "Aparelho desligado" }] }));
      await post(zenviaStatusEvent({ id: "zv-3", externalId: "msg_3", code: "REJECTED", description: "Rejected by carrier" }));
      await post(zenviaStatusEvent({ id: "zv-4", externalId: "msg_4", code: "CLICKED" }));
      const reports = hook.results.map((r) => (r.ok ? r.reports : []));
      expect(reports[0]).toEqual([{ providerMessageId: "zv-1", messageId: "msg_1", status: "sent", occurredAt: new Date("2025-03-10T14:00:05.000Z") }]);
      expect(reports[1]).toEqual(reports[2]);
      expect(reports[1]?.[0]).toMatchObject({ messageId: "msg_1", status: "delivered" });
      expect(reports[3]?.[0]).toMatchObject({ providerMessageId: "zv-2", messageId: "msg_2", status: "undelivered", errorCode: "005", errorMessage: "Aparelho desligado" });
      expect(reports[4]?.[0]).toMatchObject({ messageId: "msg_3", status: "failed", errorMessage: "Rejected by carrier" });
      expect(reports[5]).toEqual([]);
    } finally {
      await hook.close();
    }
  });

  it("turns an inbound MESSAGE into an InboundMessage with an E.164 sender", async () => {
    const result = await createZenviaAdapter(account()).parseWebhook({
      url: "https://painel.example.com.br/api/webhooks/sms/1/x",
      method: "POST",
      headers: new Headers({ "content-type": "application/json" }),
      rawBody: JSON.stringify(zenviaInboundEvent({ from: "5535991234567", to: "PROVEDORX", text: "PARE" })),
    });
    expect(result).toEqual({
      ok: true,
      reports: [],
      inbound: [{ from: "+5535991234567", to: "PROVEDORX", text: "PARE", providerMessageId: "mo-1", receivedAt: new Date("2025-03-10T15:00:00.000Z") }],
    });
  });

  it("rejects a body that is not JSON", async () => {
    const result = await createZenviaAdapter(account()).parseWebhook({ url: "https://x/y", method: "POST", headers: new Headers(), rawBody: "not json" });
    expect(result).toMatchObject({ ok: false, status: 400 });
  });
});
