// Protects the individual send end to end: validation with Portuguese messages and nothing written
// on refusal, one message per idempotency key, rendering, and the sandbox's delivery report coming
// back over real HTTP to our webhook until the message is "delivered".
import { vi } from "vitest";

const PORT = vi.hoisted(() => {
  const port = 41000 + (process.pid % 8000);
  process.env.APP_URL = `http://127.0.0.1:${port}`;
  return port;
});

import { count, eq } from "drizzle-orm";
import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { smsEvent, smsMessage } from "@/db/schema";
import type { SessionUser } from "@/server/auth/session";
import { createTestDb } from "@/test/db";
import { makeCustomer, makeNetwork, makeUser } from "@/test/factories";
import { startWebhookServer } from "@/test/webhook-server";
import { resetAdapterCache } from "../sms-accounts/account-store";
import { createAccount, setAccountActive } from "../sms-accounts/manage-accounts";
import { recordOptOut } from "./opt-outs";
import { sendIndividual } from "./send-individual";
import { setSmsSettings } from "./settings";
import { userContext } from "@/server/services/context";

const db = createTestDb();
let server: Server;
let op: SessionUser;
let tec: SessionUser;
let admin: SessionUser;
let customerId: number;
let accountId: number;

const base = () => ({
  customerId,
  motivo: "Aviso de manutenção",
  ddd: "35",
  number: "99123-4567",
  message: "Olá {primeiro_nome}, haverá manutenção hoje às 14h.",
  confirmed: true as const,
  idempotencyKey: crypto.randomUUID(),
});

async function messageCount() {
  const [r] = await db.select({ n: count() }).from(smsMessage);
  return r!.n;
}

async function waitForStatus(id: number, status: string, ms = 5000) {
  const until = Date.now() + ms;
  for (;;) {
    const [m] = await db.select().from(smsMessage).where(eq(smsMessage.id, id));
    if (m?.status === status || Date.now() > until) return m;
    await new Promise((r) => setTimeout(r, 25));
  }
}

beforeAll(async () => {
  server = await startWebhookServer(db, PORT);
  const net = await makeNetwork(db);
  customerId = (await makeCustomer(db, net, { name: "MARIA DA SILVA", phones: [{ e164: "+5535991234567", isPrimary: true }] })).id;
  op = await makeUser(db, "operador");
  tec = await makeUser(db, "tecnico");
  admin = await makeUser(db, "admin");
  const acc = await createAccount(userContext(db, admin), { name: "Sandbox", kind: "sandbox", ratePerSecond: 10, config: { deliveryDelayMs: 20, callbackRetryMs: 20 }, credentials: {}, isDefault: true });
  accountId = acc.id;
});

afterAll(async () => {
  await resetAdapterCache();
  server.close();
});

describe("sendIndividual through the sandbox", () => {
  it("renders, sends at once and is delivered through the webhook, with every step as an event", async () => {
    const out = await sendIndividual(userContext(db, tec), base());
    expect(out).toMatchObject({ status: "sent", phone: "(35) 99123-4567", body: "Ola Maria, havera manutencao hoje às 14h.", encoding: "GSM7", segments: 1, errorMessage: null, replayed: false });
    const delivered = await waitForStatus(out.id, "delivered");
    expect(delivered?.status).toBe("delivered");
    expect(delivered?.providerMessageId).toMatch(/^sbx_/);
    const events = await db.select().from(smsEvent).where(eq(smsEvent.messageId, out.id));
    expect(events.map((e) => [e.type, e.fromStatus, e.toStatus])).toEqual([
      ["created", null, "queued"],
      ["attempt", "queued", "sending"],
      ["transition", "sending", "sent"],
      ["report", "sent", "delivered"],
    ]);
  });

  it("creates one message for a repeated request (double click, replay)", async () => {
    const input = base();
    const before = await messageCount();
    const [a, b] = await Promise.all([sendIndividual(userContext(db, op), input), sendIndividual(userContext(db, op), input)]);
    const c = await sendIndividual(userContext(db, op), input);
    expect(new Set([a.id, b.id, c.id]).size).toBe(1);
    expect(c.replayed).toBe(true);
    expect(await messageCount()).toBe(before + 1);
    await expect(sendIndividual(userContext(db, tec), input)).rejects.toThrow("Esta chave de envio pertence a outro usuário.");
  });

  const refusals: [string, () => Record<string, unknown>, string][] = [
    ["no confirmation", () => ({ ...base(), confirmed: false }), "Marque a confirmação para enviar."],
    ["a landline", () => ({ ...base(), number: "3722-1234" }), "Número fixo não recebe SMS"],
    ["an invalid DDD", () => ({ ...base(), ddd: "20" }), "DDD 20"],
    ["over 160 characters", () => ({ ...base(), message: "a".repeat(161) }), "A mensagem passa de 160 caracteres"],
    ["an unknown variable", () => ({ ...base(), message: "Oi {apelido}" }), "Variável desconhecida"],
    ["no motivo", () => ({ ...base(), motivo: "" }), "Informe o motivo do envio"],
    ["an unknown customer", () => ({ ...base(), customerId: 999_999 }), "Cliente não encontrado."],
  ];
  for (const [what, input, message] of refusals) {
    it(`refuses ${what} with a clear message and writes nothing`, async () => {
      const before = await messageCount();
      await expect(sendIndividual(userContext(db, op), input() as never)).rejects.toThrow(message);
      expect(await messageCount()).toBe(before);
    });
  }

  it("refuses an opted-out number, saying so", async () => {
    await recordOptOut(db, { phoneE164: "+5535988887777", source: "inbound_sms", detail: "PARE" });
    const before = await messageCount();
    await expect(sendIndividual(userContext(db, op), { ...base(), number: "98888-7777" })).rejects.toThrow(/pediu para não receber SMS/);
    expect(await messageCount()).toBe(before);
  });

  it("refuses when no account is active", async () => {
    await setAccountActive(userContext(db, admin), { id: accountId, active: false });
    try {
      await expect(sendIndividual(userContext(db, op), base())).rejects.toThrow("Nenhuma conta de SMS ativa");
    } finally {
      await setAccountActive(userContext(db, admin), { id: accountId, active: true });
      const { setDefaultAccount } = await import("../sms-accounts/manage-accounts");
      await setDefaultAccount(userContext(db, admin), { id: accountId });
    }
  });

  it("limits sends per user per minute", async () => {
    await setSmsSettings(userContext(db, admin), { maxParts: 1, individualPerMinute: 2 });
    const u = await makeUser(db, "tecnico");
    await sendIndividual(userContext(db, u), base());
    await sendIndividual(userContext(db, u), base());
    await expect(sendIndividual(userContext(db, u), base())).rejects.toThrow("Limite de 2 SMS individuais por minuto atingido");
    await setSmsSettings(userContext(db, admin), { maxParts: 1, individualPerMinute: 20 });
  });

  it("sends a 75-character Portuguese text as one SMS without accents, as the account says (issue 11 §1)", async () => {
    const message = "Olá {primeiro_nome}, sua conexão será restabelecida às 14h. Obrigado pela compreensão!";
    const out = await sendIndividual(userContext(db, op), { ...base(), message });
    expect(out).toMatchObject({ body: "Ola Maria, sua conexao sera restabelecida às 14h. Obrigado pela compreensao!", encoding: "GSM7", segments: 1 });
    const [stored] = await db.select().from(smsMessage).where(eq(smsMessage.id, out.id));
    expect(stored).toMatchObject({ body: out.body, encoding: "GSM7", segments: 1, characters: 76 });
  });

  it("keeps the accents when the account sends with them, and then refuses what passes 70 characters", async () => {
    const { updateAccount } = await import("../sms-accounts/manage-accounts");
    const edit = { id: accountId, name: "Sandbox", ratePerSecond: 10, config: { deliveryDelayMs: 20, callbackRetryMs: 20 } };
    await updateAccount(userContext(db, admin), { ...edit, stripAccents: false });
    try {
      const before = await messageCount();
      const message = "Olá {primeiro_nome}, sua conexão será restabelecida às 14h. Obrigado pela compreensão!";
      await expect(sendIndividual(userContext(db, op), { ...base(), message })).rejects.toThrow("cabem 70 caracteres por SMS");
      expect(await messageCount()).toBe(before);
      const out = await sendIndividual(userContext(db, op), base());
      expect(out).toMatchObject({ body: "Olá Maria, haverá manutenção hoje às 14h.", encoding: "UCS2" });
    } finally {
      await updateAccount(userContext(db, admin), { ...edit, stripAccents: true });
    }
  });

  it("allows multipart messages when an admin raises the limit", async () => {
    await setSmsSettings(userContext(db, admin), { maxParts: 2, individualPerMinute: 20 });
    const out = await sendIndividual(userContext(db, op), { ...base(), message: "b".repeat(200) });
    expect(out.segments).toBe(2);
    await setSmsSettings(userContext(db, admin), { maxParts: 1, individualPerMinute: 20 });
  });
});
