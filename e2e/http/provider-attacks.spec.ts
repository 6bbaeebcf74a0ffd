// Replays over real HTTP, against the production server, the provider-side attacks of issue 12:
// a report on one account's webhook naming another account's message (items 2), oversized
// webhook bodies with a wrong and a right secret, declared and chunked (item 6), and a customer's
// "SAIR" forwarded by Kannel's sms-service get-url (item 11).
import http from "node:http";
import { expect, test } from "@playwright/test";
import { kannelGetUrl } from "@/server/providers/fakes/kannel";
import { kannelSmsServiceGroup } from "@/server/providers/kannel-mo";
import { activeOptOuts, createProviderAccount, type E2eAccount, inboundFrom, messageStatus, sentMessage } from "../support/provider-db";

const GATEWAY = { url: "http://127.0.0.1:9/send", method: "GET", successMatcher: { type: "status", codes: [200] } };
let alfa: E2eAccount;
let beta: E2eAccount;

test.beforeAll(async () => {
  const tag = Date.now().toString(36);
  alfa = await createProviderAccount({ name: `Gateway Alfa ${tag}`, kind: "http", config: GATEWAY, credentials: {} });
  beta = await createProviderAccount({ name: `Gateway Beta ${tag}`, kind: "http", config: GATEWAY, credentials: {} });
});

test("a report on account 1's webhook cannot move or block account 2's message", async ({ request, baseURL }) => {
  const phone = "+5535998760001";
  const theirs = await sentMessage(beta.id, phone, `beta-${Date.now()}`);
  for (const situacao of ["ERRO", "BLACK LIST", "RECEBIDA"]) {
    const res = await request.get(`${alfa.webhookUrl(baseURL!)}?refer=${theirs.ref}&situacao=${encodeURIComponent(situacao)}`);
    expect(res.status()).toBe(200);
  }
  expect(await messageStatus(theirs.id)).toBe("sent");
  expect(await activeOptOuts(phone)).toHaveLength(0);
  // On its own account's webhook the same report applies.
  expect((await request.get(`${beta.webhookUrl(baseURL!)}?refer=${theirs.ref}&situacao=RECEBIDA`)).status()).toBe(200);
  expect(await messageStatus(theirs.id)).toBe("delivered");
});

test("an oversized webhook body gets 413 with a wrong and with a right secret", async ({ request, baseURL }) => {
  const body = JSON.stringify({ refer: "x", situacao: "RECEBIDA", padding: "a".repeat(64 * 1024) });
  for (const url of [`${baseURL}/api/webhooks/sms/${alfa.id}/segredo-errado`, alfa.webhookUrl(baseURL!)]) {
    const res = await request.post(url, { data: body, headers: { "content-type": "application/json" } });
    expect(res.status()).toBe(413);
  }
});

test("a chunked webhook body is cut at the limit with 413", async ({ baseURL }) => {
  const status = await new Promise<number>((resolve, reject) => {
    const req = http.request(alfa.webhookUrl(baseURL!), { method: "POST", headers: { "content-type": "application/json", "transfer-encoding": "chunked" } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    // The server may close the connection once it has answered: what matters is the answer.
    req.on("error", (err) => (req.destroyed ? undefined : reject(err)));
    let sent = 0;
    const pump = () => {
      while (sent < 2 * 1024 * 1024) {
        sent += 8 * 1024;
        if (!req.write("a".repeat(8 * 1024))) return void req.once("drain", pump);
      }
      req.end();
    };
    pump();
  });
  expect(status).toBe(413);
});

test("Kannel forwards a customer's SAIR: the reply is stored and the number opted out", async ({ request, baseURL }) => {
  const kannel = await createProviderAccount({ name: `Kannel ${Date.now().toString(36)}`, kind: "kannel", sender: "28282", config: { baseUrl: "http://127.0.0.1:13013" }, credentials: { username: "painel", password: "k4nn3l-s3nh4" } });
  const getUrl = /get-url = "(.+)"/.exec(kannelSmsServiceGroup(kannel.webhookUrl(baseURL!)))![1]!;
  const res = await request.get(kannelGetUrl(getUrl, { from: "35998760002", text: "SAIR", id: `mo-${Date.now()}` }));
  expect(res.status()).toBe(200);
  expect(await res.text()).toBe("");
  expect(await inboundFrom("+5535998760002")).toEqual([expect.objectContaining({ body: "SAIR", optOut: true, providerAccountId: kannel.id })]);
  expect(await activeOptOuts("+5535998760002")).toEqual([expect.objectContaining({ source: "inbound_sms" })]);
});
