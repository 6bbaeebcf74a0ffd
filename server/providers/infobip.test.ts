import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverCallback, jsonReply } from "./fakes/fake-http";
import { type InfobipFake, startFakeInfobip } from "./fakes/infobip";
import { expectNoSecrets, HANG_MS, sendRequest, TEST_TIMEOUT_MS } from "./fakes/support";
import { WebhookReceiver } from "./fakes/webhook-receiver";
import { ProviderLookupError } from "./http";
import { createInfobipAdapter } from "./infobip";
import type { AdapterAccount, SendOutcome } from "./types";

const KEY = "ib-api-key-00aa11bb22cc";
const WRONG = "ib-wrong-key-999";
let fake: InfobipFake;

beforeAll(async () => {
  fake = await startFakeInfobip({ apiKey: KEY, invalidNumbers: ["5535990000000"] });
});
afterAll(() => fake.close());

function account(overrides: Partial<AdapterAccount> = {}): AdapterAccount {
  return { id: 3, kind: "infobip", sender: "PROVEDORX", config: { baseUrl: `${fake.url}/` }, credentials: { apiKey: KEY }, ...overrides };
}

async function send(overrides: Parameters<typeof sendRequest>[0] = {}, acct = account()): Promise<SendOutcome> {
  const outcome = await createInfobipAdapter(acct, { timeoutMs: TEST_TIMEOUT_MS }).send(sendRequest(overrides));
  expectNoSecrets(outcome, [KEY, WRONG]);
  return outcome;
}

describe("infobip send", () => {
  it("posts the v3 body with our id as the destination messageId", async () => {
    expect(await send()).toEqual({ kind: "accepted", providerMessageId: "msg_01JABCDEF" });
    const req = fake.last;
    expect(req.method).toBe("POST");
    expect(req.path).toBe("/sms/3/messages");
    expect(req.headers.authorization).toBe(`App ${KEY}`);
    const body = JSON.parse(req.body) as { messages: { destinations: { messageId: string }[] }[] };
    expect(body.messages[0]?.destinations[0]?.messageId).toBe("msg_01JABCDEF");
    expect(body).toEqual({
      messages: [
        {
          sender: "PROVEDORX",
          destinations: [{ to: "5535991234567", messageId: "msg_01JABCDEF" }],
          content: { text: "Olá! Sua fatura vence amanhã." },
          webhooks: {
            delivery: { url: "https://painel.example.com.br/api/webhooks/sms/7/s3cr3t?ref=msg_01JABCDEF", intermediateReport: false },
            contentType: "application/json",
            callbackData: "msg_01JABCDEF",
          },
        },
      ],
    });
  });

  it("adds validity and transliteration when configured", async () => {
    await send({}, account({ config: { baseUrl: fake.url, validityHours: 24, transliteration: true } }));
    const message = (JSON.parse(fake.last.body) as { messages: Record<string, unknown>[] }).messages[0];
    expect(message?.options).toEqual({ validityPeriod: { amount: 24, timeUnit: "HOURS" } });
    expect(message?.content).toEqual({ text: "Olá! Sua fatura vence amanhã.", transliteration: "PORTUGUESE" });
  });

  it("a REJECTED destination is invalid_number; other rejections are rejected", async () => {
    expect(await send({ to: "+5535990000000" })).toEqual({ kind: "permanent", code: "infobip_REJECTED_DESTINATION", reason: "invalid_number", message: "Número inválido para o provedor." });
    fake.script(jsonReply(200, { bulkId: "b", messages: [{ messageId: "m", status: { groupId: 5, groupName: "REJECTED", id: 12, name: "REJECTED_NOT_ENOUGH_CREDITS", description: "Not enough credits" } }] }));
    expect(await send()).toMatchObject({ kind: "permanent", code: "infobip_REJECTED_NOT_ENOUGH_CREDITS", reason: "rejected", message: "O provedor recusou a mensagem: Not enough credits" });
    fake.script(jsonReply(400, { errorCode: "E400", description: "Request cannot be processed.", violations: [{ property: "messages[0].destinations[0].to", violation: "invalid" }] }));
    expect(await send()).toMatchObject({ reason: "invalid_number" });
  });

  it("429 honours Retry-After; 5xx may have been accepted; timeout after sending too", async () => {
    fake.script(jsonReply(429, { errorCode: "E429", description: "Too many requests" }, { "retry-after": "3" }));
    expect(await send()).toEqual({ kind: "retryable", code: "infobip_429", message: "O provedor pediu para aguardar (limite de envio).", retryAfterMs: 3000, maybeAccepted: false });
    fake.script(jsonReply(503, { errorCode: "E503", description: "Service unavailable" }));
    expect(await send()).toMatchObject({ kind: "retryable", code: "infobip_503", maybeAccepted: true });
    fake.script({ ...jsonReply(200, {}), delayMs: HANG_MS });
    expect(await send()).toMatchObject({ kind: "retryable", code: "timeout", maybeAccepted: true });
  });

  it("401 is bad credentials", async () => {
    expect(await send({}, account({ credentials: { apiKey: WRONG } }))).toMatchObject({ kind: "permanent", code: "infobip_401", reason: "bad_credentials" });
  });

  it("requires a base URL", async () => {
    expect(await send({}, account({ config: {} }))).toMatchObject({
      reason: "misconfigured",
      message: "Configuração da conta de SMS inválida: Informe a URL base da sua conta Infobip (ex.: https://xxxxx.api.infobip.com).",
    });
  });
});

describe("infobip lookup", () => {
  it("pulls the report by our own id, once; null when there is none", async () => {
    const adapter = createInfobipAdapter(account(), { timeoutMs: TEST_TIMEOUT_MS });
    fake.report("msg_lookup", "DELIVERED");
    expect(await adapter.lookup!("msg_lookup")).toEqual({
      providerMessageId: "msg_lookup",
      messageId: "msg_lookup",
      status: "delivered",
      occurredAt: new Date("2025-03-10T14:00:07.000Z"),
    });
    expect(fake.last.path).toBe("/sms/3/reports");
    expect(fake.last.query.get("messageId")).toBe("msg_lookup");
    expect(fake.last.headers.authorization).toBe(`App ${KEY}`);
    expect(await adapter.lookup!("msg_lookup")).toBeNull();
  });

  it("throws when Infobip cannot be asked", async () => {
    const adapter = createInfobipAdapter(account({ credentials: { apiKey: WRONG } }), { timeoutMs: TEST_TIMEOUT_MS });
    await expect(adapter.lookup!("msg_x")).rejects.toBeInstanceOf(ProviderLookupError);
  });
});

describe("infobip webhooks", () => {
  it("maps every status group, duplicates included", async () => {
    const hook = await new WebhookReceiver(createInfobipAdapter(account())).start();
    try {
      const groups = ["PENDING", "ACCEPTED", "DELIVERED", "UNDELIVERABLE", "EXPIRED", "REJECTED"];
      const results = groups.map((g, i) =>
        fake.report(`msg_${i}`, g, g === "UNDELIVERABLE" ? { error: { groupId: 1, groupName: "HANDSET_ERRORS", id: 27, name: "EC_ABSENT_SUBSCRIBER", description: "Absent subscriber", permanent: false } } : {}),
      );
      const statuses = await deliverCallback(hook.url(), { headers: { "content-type": "application/json" }, body: JSON.stringify({ results }) }, 2);
      expect(statuses).toEqual([200, 200]);
      const [first, second] = hook.results;
      expect(first).toEqual(second);
      const reports = first?.ok ? first.reports : [];
      expect(reports.map((r) => r.status)).toEqual(["sent", "sent", "delivered", "undelivered", "undelivered", "failed"]);
      expect(reports[3]).toMatchObject({ messageId: "msg_3", providerMessageId: "msg_3", errorCode: "EC_ABSENT_SUBSCRIBER", errorMessage: "Absent subscriber" });
      expect(reports[2]?.errorCode).toBeUndefined();
    } finally {
      await hook.close();
    }
  });

  it("rejects a body without results", async () => {
    const result = await createInfobipAdapter(account()).parseWebhook({ url: "https://x/y", method: "POST", headers: new Headers(), rawBody: "{}" });
    expect(result).toMatchObject({ ok: false, status: 400 });
  });
});
