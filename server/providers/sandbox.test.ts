import { afterEach, describe, expect, it } from "vitest";
import { sendRequest } from "./fakes/support";
import { WebhookReceiver } from "./fakes/webhook-receiver";
import { createSandboxAdapter } from "./sandbox";
import type { AdapterAccount, ProviderAdapter } from "./types";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

function sandbox(config: Record<string, unknown> = {}, id = 5): ProviderAdapter {
  const acct: AdapterAccount = { id, kind: "sandbox", sender: null, config: { deliveryDelayMs: 20, callbackRetryMs: 20, ...config }, credentials: {} };
  const adapter = createSandboxAdapter(acct, { timeoutMs: 500 });
  cleanups.push(() => adapter.close?.() ?? Promise.resolve());
  return adapter;
}

async function receiver(adapter: ProviderAdapter): Promise<WebhookReceiver> {
  const hook = await new WebhookReceiver(adapter).start();
  cleanups.push(() => hook.close());
  return hook;
}

describe("sandbox", () => {
  it("accepts, then POSTs a DELIVERED report to our webhook that parseWebhook reads back", async () => {
    const adapter = sandbox();
    const hook = await receiver(adapter);
    const outcome = await adapter.send(sendRequest({ messageId: "msg_s1", statusCallbackUrl: hook.url("/api/webhooks/sms/5/s3cr3t?ref=msg_s1") }));
    expect(outcome.kind).toBe("accepted");
    const id = outcome.kind === "accepted" ? outcome.providerMessageId : "";
    expect(id).toMatch(/^sbx_[0-9a-f]{32}$/);
    await hook.waitFor(1);
    const req = hook.received[0]!;
    expect(req.method).toBe("POST");
    expect(req.url).toBe(hook.url("/api/webhooks/sms/5/s3cr3t?ref=msg_s1"));
    expect(req.headers.get("content-type")).toBe("application/json");
    expect(JSON.parse(req.rawBody)).toEqual({ id, reference: "msg_s1", status: "DELIVERED", timestamp: expect.any(String) });
    expect(hook.results[0]).toEqual({ ok: true, inbound: [], reports: [{ providerMessageId: id, messageId: "msg_s1", status: "delivered", occurredAt: expect.any(Date) }] });
  });

  it("failureRate 1 reports UNDELIVERED with an error", async () => {
    const adapter = sandbox({ failureRate: 1 });
    const hook = await receiver(adapter);
    await adapter.send(sendRequest({ messageId: "msg_s2", statusCallbackUrl: hook.url() }));
    await hook.waitFor(1);
    expect(JSON.parse(hook.received[0]!.rawBody)).toMatchObject({ status: "UNDELIVERED", error: { code: "SANDBOX_UNDELIVERED" } });
    expect(hook.results[0]).toMatchObject({ ok: true, reports: [{ messageId: "msg_s2", status: "undelivered", errorCode: "SANDBOX_UNDELIVERED" }] });
  });

  it("a seed makes failureRate reproducible", async () => {
    const fates = async () => {
      const adapter = sandbox({ failureRate: 0.5, seed: 42, deliveryDelayMs: 0 });
      const hook = await receiver(adapter);
      for (let i = 0; i < 8; i++) await adapter.send(sendRequest({ messageId: `msg_seed_${i}`, statusCallbackUrl: hook.url() }));
      await hook.waitFor(8);
      const byRef = new Map(hook.received.map((r) => JSON.parse(r.rawBody) as { reference: string; status: string }).map((c) => [c.reference, c.status]));
      return Array.from({ length: 8 }, (_, i) => byRef.get(`msg_seed_${i}`));
    };
    const first = await fates();
    expect(await fates()).toEqual(first);
    expect(new Set(first).size).toBe(2);
  });

  it("rejects configured invalid numbers without a callback", async () => {
    const adapter = sandbox({ invalidNumbers: ["+55 35 99000-0000"] });
    expect(await adapter.send(sendRequest({ to: "+5535990000000" }))).toEqual({
      kind: "permanent",
      code: "sandbox_invalid_number",
      reason: "invalid_number",
      message: "Número inválido para o provedor.",
    });
  });

  it("retries a failed callback with backoff, then stops", async () => {
    const adapter = sandbox();
    const hook = await receiver(adapter);
    hook.failNext = 2;
    await adapter.send(sendRequest({ messageId: "msg_s3", statusCallbackUrl: hook.url() }));
    await hook.waitFor(3);
    expect(hook.results).toHaveLength(1);
    expect(hook.received.map((r) => r.rawBody)).toEqual(Array(3).fill(hook.received[0]!.rawBody));

    const stubborn = await receiver(adapter);
    stubborn.failNext = 100;
    await adapter.send(sendRequest({ messageId: "msg_s4", statusCallbackUrl: stubborn.url() }));
    await stubborn.waitFor(4);
    await new Promise((r) => setTimeout(r, 250));
    expect(stubborn.received).toHaveLength(4);
  });

  it("lookup returns what the sandbox reported, per account", async () => {
    const adapter = sandbox({ deliveryDelayMs: 50 });
    const hook = await receiver(adapter);
    const outcome = await adapter.send(sendRequest({ messageId: "msg_s5", statusCallbackUrl: hook.url() }));
    const id = outcome.kind === "accepted" ? outcome.providerMessageId : "";
    expect(await adapter.lookup!("msg_s5")).toEqual({ providerMessageId: id, messageId: "msg_s5", status: "sent" });
    await hook.waitFor(1);
    expect(await adapter.lookup!("msg_s5")).toMatchObject({ providerMessageId: id, status: "delivered" });
    // A recreated adapter for the same account still knows; another account does not.
    expect(await sandbox({}, 5).lookup!("msg_s5")).toMatchObject({ status: "delivered" });
    expect(await sandbox({}, 6).lookup!("msg_s5")).toBeNull();
  });

  it("close() cancels pending reports", async () => {
    const adapter = sandbox({ deliveryDelayMs: 50 });
    const hook = await receiver(adapter);
    await adapter.send(sendRequest({ statusCallbackUrl: hook.url() }));
    await adapter.close!();
    await new Promise((r) => setTimeout(r, 120));
    expect(hook.received).toHaveLength(0);
  });

  it("rejects a malformed report", async () => {
    const result = await sandbox().parseWebhook({ url: "https://x/y", method: "POST", headers: new Headers(), rawBody: JSON.stringify({ id: "sbx_1", reference: "m", status: "toString" }) });
    expect(result).toMatchObject({ ok: false, status: 400 });
  });
});
