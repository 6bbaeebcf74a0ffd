// Protects credentials from providers that echo our request in their errors (issue 12, item 3): for
// every HTTP provider kind, a fake at the HTTP edge answers with a dump of the request we sent —
// raw, JSON-escaped, URL/form-encoded, base64, Basic decoded — slid window by window into the part
// the adapter shows; no run of 6+ characters of any form of any credential (or of the webhook
// secret in our callback URLs) may come back in the outcome. Plus a property test of the redactor.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ECHO_ENCODINGS, type EchoEncoding, EchoProvider, type EchoShape, leakedRuns } from "./fakes/echo";
import { sendRequest } from "./fakes/support";
import { createAdapter } from "./index";
import { redactSecrets } from "./redact";
import type { ProviderKind } from "@/db/schema/constants";
import type { AdapterAccount } from "./types";

const WEBHOOK_SECRET = "wh-Sec_9f8E7d6C5b4A3";
const CALLBACK = `https://painel.example.com.br/api/webhooks/sms/7/${WEBHOOK_SECRET}?ref=msg_01JABCDEF`;

type Case = { kind: ProviderKind; shape: EchoShape; account: (baseUrl: string) => AdapterAccount; secrets: { secret: string; user?: string }[] };

const TWILIO_SID = "AC0123456789abcdef0123456789abcdef";
const TWILIO_TOKEN = "tw1l10/Auth+Token ção=9f";
const KANNEL_USER = "painel-kannel";
const KANNEL_PASSWORD = "k4nn3l p@ss/+ção!&x=1";
const HTTP = { user: "usuário-gw", password: "senha \"forte\" & açaí%20+", token: "tok_AbCdEf/GhIj+KlMn==" };

const CASES: Case[] = [
  {
    kind: "zenvia",
    shape: "json",
    account: (baseUrl) => ({ id: 1, kind: "zenvia", sender: "PROVEDOR", config: { baseUrl }, credentials: { apiToken: "zv-TOKEN_1234567890abcdef/ção" }, webhookSecret: WEBHOOK_SECRET }),
    secrets: [{ secret: "zv-TOKEN_1234567890abcdef/ção" }],
  },
  {
    kind: "twilio",
    shape: "json",
    account: (baseUrl) => ({ id: 2, kind: "twilio", sender: "+15005550006", config: { baseUrl }, credentials: { accountSid: TWILIO_SID, authToken: TWILIO_TOKEN }, webhookSecret: WEBHOOK_SECRET }),
    secrets: [{ secret: TWILIO_TOKEN, user: TWILIO_SID }, { secret: TWILIO_SID }],
  },
  {
    kind: "infobip",
    shape: "json",
    account: (baseUrl) => ({ id: 3, kind: "infobip", sender: "PROVEDOR", config: { baseUrl }, credentials: { apiKey: "ib-key 0123456789/abcdef+xyz" }, webhookSecret: WEBHOOK_SECRET }),
    secrets: [{ secret: "ib-key 0123456789/abcdef+xyz" }],
  },
  {
    kind: "kannel",
    shape: "text",
    account: (baseUrl) => ({ id: 4, kind: "kannel", sender: "28282", config: { baseUrl }, credentials: { username: KANNEL_USER, password: KANNEL_PASSWORD }, webhookSecret: WEBHOOK_SECRET }),
    secrets: [{ secret: KANNEL_PASSWORD }, { secret: KANNEL_USER }],
  },
  {
    kind: "http",
    shape: "json",
    account: (baseUrl) => ({
      id: 5,
      kind: "http",
      sender: "PROVEDOR",
      config: {
        url: `${baseUrl}/send?token={token}`,
        method: "POST",
        contentType: "application/json",
        headers: { authorization: "Bearer {token}", "x-user": "{user}" },
        bodyTemplate: '{"user":"{user}","password":"{password}","to":"{phone}","text":"{text}","from":"{sender}"}',
        successMatcher: { type: "json", path: "situacao", equals: "OK" },
      },
      credentials: HTTP,
      webhookSecret: WEBHOOK_SECRET,
    }),
    secrets: [{ secret: HTTP.password, user: HTTP.user }, { secret: HTTP.token }, { secret: HTTP.user }],
  },
];

describe.each(CASES)("$kind: an echoing provider never gets a credential into the outcome", (c) => {
  const echo = new EchoProvider(c.shape);
  beforeAll(() => echo.server.start());
  afterAll(() => echo.server.close());
  const secrets = [...c.secrets, { secret: WEBHOOK_SECRET }];

  it.each(Object.keys(ECHO_ENCODINGS) as EchoEncoding[])("echo encoded as %s, every window", async (encoding) => {
    const adapter = createAdapter(c.account(echo.server.url), { timeoutMs: 2000 });
    echo.encoding = encoding;
    echo.offset = 0;
    let windows = 0;
    echo.sent.length = 0;
    for (let offset = 0; offset === 0 || offset < echo.lastLength; offset += 60) {
      echo.offset = offset;
      const outcome = await adapter.send(sendRequest({ statusCallbackUrl: CALLBACK }));
      expect(outcome.kind).toBe("permanent");
      expect(leakedRuns(JSON.stringify(outcome), secrets)).toEqual([]);
      windows++;
    }
    expect(windows).toBeGreaterThan(2);
    // The fake really did put the secrets in its answers: without redaction this test fails.
    expect(leakedRuns(echo.sent.join("\n"), secrets).length).toBeGreaterThan(0);
  });

  it("keeps the provider's readable message around the masks", async () => {
    const adapter = createAdapter(c.account(echo.server.url), { timeoutMs: 2000 });
    echo.encoding = "raw";
    echo.offset = 0;
    const outcome = await adapter.send(sendRequest({ statusCallbackUrl: CALLBACK }));
    expect(outcome).toMatchObject({ kind: "permanent", message: expect.stringMatching(/^O provedor recusou a mensagem: (GET|POST) \//) });
  });
});

describe("redactSecrets — property", () => {
  const chars = [..."abcXYZ019 _-./+%&=\"\\:çãé€"];
  const secret = fc.string({ minLength: 6, maxLength: 32, unit: fc.constantFrom(...chars) });
  const noise = fc.string({ maxLength: 40 });
  const encoding = fc.constantFrom(...(Object.keys(ECHO_ENCODINGS) as EchoEncoding[]));

  it("masks every run of 6+ characters of a secret in any encoding and any cut of the echo", () => {
    fc.assert(
      fc.property(secret, noise, noise, encoding, fc.nat(), fc.nat(), (s, before, after, enc, a, b) => {
        const encoded = ECHO_ENCODINGS[enc](`${before}user:${s}${after}`);
        const [from, to] = [a % (encoded.length + 1), b % (encoded.length + 1)].sort((x, y) => x - y) as [number, number];
        const out = redactSecrets(encoded.slice(from, to === from ? encoded.length : to), [s]);
        expect(leakedRuns(out, [{ secret: s }])).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it("leaves text without secrets as it is", () => {
    expect(redactSecrets("Número inválido para o provedor (HTTP 400).", ["k4nn3l-p4ss!", "wh-Sec_9f8E7d6C5b4A3"])).toBe("Número inválido para o provedor (HTTP 400).");
  });
});
