import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverCallback, type FakeHttpServer, jsonReply, textReply } from "./fakes/fake-http";
import { startFakeComtele, startFakeSmsDev } from "./fakes/http-gateway";
import { expectNoSecrets, HANG_MS, sendRequest, TEST_TIMEOUT_MS } from "./fakes/support";
import { WebhookReceiver } from "./fakes/webhook-receiver";
import { createHttpGatewayAdapter, ESCAPES, HTTP_GATEWAY_PRESETS, matches, renderTemplate } from "./http-gateway";
import type { HttpResponse } from "./http";
import type { AdapterAccount, SendOutcome } from "./types";

const SMSDEV_KEY = "smsdev-key-7a7a7a";
const COMTELE_KEY = "comtele-key-3b3b3b";
const SECRETS = [SMSDEV_KEY, COMTELE_KEY, "wrong-key-42", "gw-pass-#1"];
let smsdev: FakeHttpServer;
let comtele: FakeHttpServer;

beforeAll(async () => {
  smsdev = await startFakeSmsDev({ key: SMSDEV_KEY, invalidNumbers: ["5535990000000"] });
  comtele = await startFakeComtele({ authKey: COMTELE_KEY });
});
afterAll(async () => {
  await smsdev.close();
  await comtele.close();
});

function smsdevAccount(config: Record<string, unknown> = {}, token = SMSDEV_KEY): AdapterAccount {
  return { id: 6, kind: "http", sender: null, config: { ...HTTP_GATEWAY_PRESETS.smsdev.config, url: `${smsdev.url}/v1/send`, ...config }, credentials: { token } };
}

function comteleAccount(config: Record<string, unknown> = {}, credentials: Record<string, string> = { token: COMTELE_KEY }): AdapterAccount {
  return { id: 7, kind: "http", sender: "PROVEDORX", config: { ...HTTP_GATEWAY_PRESETS.comtele.config, url: `${comtele.url}/api/v2/send`, ...config }, credentials };
}

async function send(acct: AdapterAccount, overrides: Parameters<typeof sendRequest>[0] = {}): Promise<SendOutcome> {
  const outcome = await createHttpGatewayAdapter(acct, { timeoutMs: TEST_TIMEOUT_MS }).send(sendRequest(overrides));
  expectNoSecrets(outcome, SECRETS);
  return outcome;
}

describe("http gateway: SMSDev preset", () => {
  it("GETs /v1/send with the templated query and takes the id from the JSON answer", async () => {
    expect(await send(smsdevAccount())).toEqual({ kind: "accepted", providerMessageId: "637849052" });
    const req = smsdev.last;
    expect(req.method).toBe("GET");
    expect(req.path).toBe("/v1/send");
    expect(Object.fromEntries(req.query)).toEqual({ key: SMSDEV_KEY, type: "9", number: "5535991234567", msg: "Olá! Sua fatura vence amanhã.", refer: "msg_01JABCDEF" });
  });

  it("a refusal is rejected with the gateway's own message (its descricao), the key masked", async () => {
    expect(await send(smsdevAccount({}, "wrong-key-42"))).toEqual({ kind: "permanent", code: "http_200", reason: "rejected", message: "O provedor recusou a mensagem: CHAVE KEY *** INVALIDA" });
  });

  it("recognises an invalid number when an invalid-number matcher is set", async () => {
    const acct = smsdevAccount({ invalidNumberMatcher: { type: "contains", text: "NUMERO INVALIDO" } });
    expect(await send(acct, { to: "+5535990000000" })).toMatchObject({ kind: "permanent", reason: "invalid_number" });
  });

  it("429 honours Retry-After, 5xx may be accepted, a timeout after sending may be accepted, 401 is bad credentials", async () => {
    smsdev.script(jsonReply(429, { situacao: "ERRO" }, { "retry-after": "9" }));
    expect(await send(smsdevAccount())).toEqual({ kind: "retryable", code: "http_429", message: "O provedor pediu para aguardar (limite de envio).", retryAfterMs: 9000, maybeAccepted: false });
    smsdev.script(textReply(502, "bad gateway"));
    expect(await send(smsdevAccount())).toMatchObject({ kind: "retryable", code: "http_502", maybeAccepted: true });
    smsdev.script({ ...jsonReply(200, { situacao: "OK", id: "1" }), delayMs: HANG_MS });
    expect(await send(smsdevAccount())).toMatchObject({ kind: "retryable", code: "timeout", maybeAccepted: true });
    smsdev.script(textReply(401, "unauthorized"));
    expect(await send(smsdevAccount())).toMatchObject({ kind: "permanent", code: "http_401", reason: "bad_credentials" });
  });
});

describe("http gateway: Comtele preset", () => {
  it("POSTs JSON with the auth-key header; accepted under our id", async () => {
    expect(await send(comteleAccount())).toEqual({ kind: "accepted", providerMessageId: "msg_01JABCDEF" });
    const req = comtele.last;
    expect(req.method).toBe("POST");
    expect(req.path).toBe("/api/v2/send");
    expect(req.headers["auth-key"]).toBe(COMTELE_KEY);
    expect(req.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(req.body)).toEqual({ Sender: "PROVEDORX", Receivers: "5535991234567", Content: "Olá! Sua fatura vence amanhã." });
  });

  it("401 is bad credentials", async () => {
    expect(await send(comteleAccount({}, { token: "wrong-key-42" }))).toMatchObject({ kind: "permanent", code: "http_401", reason: "bad_credentials" });
  });

  it("escapes quotes, backslashes, newlines and braces inside JSON, and never expands placeholders in values", async () => {
    const text = 'Aviso: "manutenção" {hoje}\nLinha 2 \\ fim {token} }{ \u0001';
    await send(comteleAccount(), { text });
    expect(JSON.parse(comtele.last.body)).toEqual({ Sender: "PROVEDORX", Receivers: "5535991234567", Content: text });
    expect(comtele.last.body).not.toContain(COMTELE_KEY);
  });
});

describe("http gateway: templates and matchers", () => {
  it("URL-encodes values in a form body and keeps raw text in text/plain", async () => {
    const form = comteleAccount(
      { contentType: "application/x-www-form-urlencoded", headers: {}, bodyTemplate: "user={user}&pass={password}&to={phone}&msg={text}&id={id}", numberFormat: "e164", successMatcher: { type: "status", codes: [200] } },
      { user: "isp", password: "gw-pass-#1" },
    );
    await send(form, { text: "a&b=c d+ç" });
    expect(comtele.last.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(Object.fromEntries(new URLSearchParams(comtele.last.body))).toEqual({ user: "isp", pass: "gw-pass-#1", to: "+5535991234567", msg: "a&b=c d+ç", id: "msg_01JABCDEF" });

    const plain = comteleAccount({ contentType: "text/plain", headers: { "x-to": "{phone}" }, bodyTemplate: "{text}", successMatcher: { type: "status", codes: [200, 401] } });
    expect(await send(plain, { text: 'raw "text" {x}' })).toMatchObject({ kind: "permanent", reason: "bad_credentials" });
    expect(comtele.last.body).toBe('raw "text" {x}');
    expect(comtele.last.headers["x-to"]).toBe("5535991234567");
  });

  it("renders templates in one pass with the escaping of where they land", () => {
    const values = { user: "u", password: "p", token: "t", phone: "55", text: '{token} "x"', id: "1", sender: "s" };
    expect(renderTemplate('{"m":"{text}","k":"{token}","z":"{unknown}"}', values, ESCAPES.json)).toBe('{"m":"{token} \\"x\\"","k":"t","z":"{unknown}"}');
    expect(renderTemplate("m={text}", values, ESCAPES.url)).toBe("m=%7Btoken%7D%20%22x%22");
    expect(renderTemplate("Bearer {text}", { ...values, text: "a\r\nX-Evil: 1" }, ESCAPES.header)).toBe("Bearer a X-Evil: 1");
  });

  it("matches by status, text, JSON path and regex", () => {
    const res = (status: number, text: string): HttpResponse => ({ kind: "response", status, headers: new Headers(), text });
    expect(matches({ type: "status", codes: [200, 202] }, res(202, ""))).toBe(true);
    expect(matches({ type: "contains", text: "OK" }, res(200, "status: OK"))).toBe(true);
    expect(matches({ type: "json", path: "Object.ok", equals: true }, res(200, '{"Object":{"ok":true}}'))).toBe(true);
    expect(matches({ type: "json", path: "situacao", equals: "OK" }, res(200, '{"situacao":"ERRO"}'))).toBe(false);
    expect(matches({ type: "json", path: "situacao", equals: "OK" }, res(200, "not json"))).toBe(false);
    expect(matches({ type: "regex", pattern: "^0: Accepted" }, res(200, "0: Accepted for delivery"))).toBe(true);
  });

  it("invalid settings are misconfigured and send nothing", async () => {
    const before = comtele.requests.length;
    expect(await send(comteleAccount({ bodyTemplate: undefined }))).toMatchObject({ reason: "misconfigured", message: "Configuração da conta de SMS inválida: Informe o modelo do corpo da requisição (POST)." });
    expect(await send(comteleAccount({ headers: { "x-name": "ok ✓" } }))).toMatchObject({ reason: "misconfigured" });
    expect(comtele.requests.length).toBe(before);
  });
});

describe("http gateway webhooks", () => {
  it("maps SMSDev-style statuses from a query string or JSON, duplicates included", async () => {
    const hook = await new WebhookReceiver(createHttpGatewayAdapter(smsdevAccount())).start();
    try {
      const cases = [
        ["RECEBIDA", "delivered"],
        ["ENVIADA", "sent"],
        ["FILA", "sent"],
        ["ERRO", "undelivered"],
        ["CANCELADA", "failed"],
        ["BLACK LIST", "blocked"],
      ] as const;
      for (const [situacao] of cases) {
        await deliverCallback(hook.url(`/api/webhooks/sms/6/s3cr3t?id=637849052&refer=msg_g1&situacao=${encodeURIComponent(situacao)}&descricao=x`), { method: "GET" });
      }
      expect(await deliverCallback(hook.url(), { headers: { "content-type": "application/json" }, body: JSON.stringify({ id: "637849052", refer: "msg_g1", situacao: "RECEBIDA" }) }, 2)).toEqual([200, 200]);
      const reports = hook.results.map((r) => (r.ok ? r.reports[0] : undefined));
      expect(reports.map((r) => r?.status)).toEqual([...cases.map(([, s]) => s), "delivered", "delivered"]);
      expect(reports[0]).toEqual({ messageId: "msg_g1", providerMessageId: "637849052", status: "delivered" });
      expect(reports[3]).toMatchObject({ errorCode: "ERRO", errorMessage: "x" });
    } finally {
      await hook.close();
    }
  });
});
