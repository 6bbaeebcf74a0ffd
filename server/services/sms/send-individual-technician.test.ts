// Protects least privilege on sends (issue 12 §9): a technician sends only to a mobile registered to
// the chosen customer — never to a number typed in, another customer's mobile or a landline —
// with a Portuguese refusal and nothing written; operators may still send to a number they type.
import { vi } from "vitest";

const PORT = vi.hoisted(() => {
  const port = 33000 + (process.pid % 8000);
  process.env.APP_URL = `http://127.0.0.1:${port}`;
  return port;
});

import { count } from "drizzle-orm";
import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { smsMessage } from "@/db/schema";
import type { SessionUser } from "@/server/auth/session";
import { createTestDb } from "@/test/db";
import { makeCustomer, makeNetwork, makeUser } from "@/test/factories";
import { startWebhookServer } from "@/test/webhook-server";
import { resetAdapterCache } from "../sms-accounts/account-store";
import { createAccount } from "../sms-accounts/manage-accounts";
import { sendIndividual } from "./send-individual";
import { userContext } from "@/server/services/context";

const db = createTestDb();
let server: Server;
let tec: SessionUser;
let op: SessionUser;
let customerId: number;

const send = (user: SessionUser, ddd: string, number: string) =>
  sendIndividual(userContext(db, user), { customerId, motivo: "Visita técnica", ddd, number, message: "Olá {primeiro_nome}, chego em 20 minutos.", confirmed: true, idempotencyKey: crypto.randomUUID() });

async function messageCount() {
  const [r] = await db.select({ n: count() }).from(smsMessage);
  return r!.n;
}

beforeAll(async () => {
  server = await startWebhookServer(db, PORT);
  const net = await makeNetwork(db);
  customerId = (
    await makeCustomer(db, net, {
      name: "Sebastião Guimarães",
      phones: [
        { e164: "+5535991234567", isPrimary: true },
        { e164: "+5519987654321" },
        { e164: "+553537221234", kind: "landline" },
      ],
    })
  ).id;
  await makeCustomer(db, net, { name: "Outra Cliente", phones: [{ e164: "+5535999990000", isPrimary: true }] });
  tec = await makeUser(db, "tecnico");
  op = await makeUser(db, "operador");
  const admin = await makeUser(db, "admin");
  await createAccount(userContext(db, admin), { name: "Sandbox", kind: "sandbox", ratePerSecond: 10, config: { deliveryDelayMs: 60_000 }, credentials: {}, isDefault: true });
});

afterAll(async () => {
  await resetAdapterCache();
  server.close();
});

describe("sendIndividual by a technician", () => {
  it("sends to the customer's primary and additional mobiles", async () => {
    expect((await send(tec, "35", "99123-4567")).phone).toBe("(35) 99123-4567");
    expect((await send(tec, "19", "98765-4321")).phone).toBe("(19) 98765-4321");
  });

  it("refuses a typed-in number and another customer's mobile, writing nothing", async () => {
    const before = await messageCount();
    for (const [ddd, number] of [["35", "98888-1234"], ["35", "99999-0000"]] as const) {
      await expect(send(tec, ddd, number), number).rejects.toThrow("Técnicos só enviam SMS para um celular cadastrado deste cliente. Escolha um dos telefones do cliente.");
    }
    expect(await messageCount()).toBe(before);
  });

  it("an operator may still send to a number they type", async () => {
    expect((await send(op, "35", "98888-1234")).phone).toBe("(35) 98888-1234");
  });
});
