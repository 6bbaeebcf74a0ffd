// Exactly once through the real service: the outbox's request reaches the server but the answer is
// lost (the connection drops), the outbox sends it again with the same key, and again — the
// ledger holds one message and the outbox shows the server's message id.
import { vi } from "vitest";

const PORT = vi.hoisted(() => {
  const port = 41000 + ((process.pid + 3571) % 8000);
  process.env.APP_URL = `http://127.0.0.1:${port}`;
  return port;
});

import "fake-indexeddb/auto";
import { eq } from "drizzle-orm";
import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { smsMessage } from "@/db/schema";
import type { SessionUser } from "@/server/auth/session";
import { resetAdapterCache } from "@/server/services/sms-accounts/account-store";
import { createAccount } from "@/server/services/sms-accounts/manage-accounts";
import type { SendIndividualInput } from "@/server/services/sms/schemas";
import { sendIndividual } from "@/server/services/sms/send-individual";
import { createTestDb } from "@/test/db";
import { makeCustomer, makeNetwork, makeUser } from "@/test/factories";
import { startWebhookServer } from "@/test/webhook-server";
import { flushOutbox, listOutbox } from "./outbox";
import { submitIndividualSms } from "./submit";
import { userContext } from "@/server/services/context";

const db = createTestDb();
let server: Server;
let tec: SessionUser;
let customerId: number;

beforeAll(async () => {
  server = await startWebhookServer(db, PORT);
  const net = await makeNetwork(db);
  customerId = (await makeCustomer(db, net, { name: "MARIA DA SILVA", phones: [{ e164: "+5535991234567", isPrimary: true }] })).id;
  tec = await makeUser(db, "tecnico");
  const admin = await makeUser(db, "admin");
  await createAccount(userContext(db, admin), { name: "Sandbox", kind: "sandbox", ratePerSecond: 10, config: { deliveryDelayMs: 20, callbackRetryMs: 20 }, credentials: {}, isDefault: true });
});

afterAll(async () => {
  await resetAdapterCache();
  server.close();
});

describe("outbox + sms.sendIndividual", () => {
  it("sends one message when the request is replayed after lost answers", async () => {
    const input: SendIndividualInput = {
      customerId,
      motivo: "Visita técnica",
      ddd: "35",
      number: "99123-4567",
      message: "Olá {primeiro_nome}, o técnico chega em 30 minutos.",
      confirmed: true,
      idempotencyKey: crypto.randomUUID(),
    };
    const server = (i: SendIndividualInput) => sendIndividual(userContext(db, tec), i);
    // The server does the work, then the connection drops before the answer arrives.
    const answerLost = async (i: SendIndividualInput) => {
      await server(i);
      throw Object.assign(new Error("Failed to fetch"), { cause: new TypeError("Failed to fetch") });
    };

    const submitted = await submitIndividualSms(input, answerLost, { userId: tec.id });
    expect(submitted.status).toBe("queued");
    expect(await flushOutbox(tec.id, answerLost)).toEqual({ sent: 0, failed: 0, waiting: 1, stoppedBy: "offline" });
    expect(await flushOutbox(tec.id, server)).toEqual({ sent: 1, failed: 0, waiting: 0 });

    const rows = await db.select().from(smsMessage).where(eq(smsMessage.idempotencyKey, input.idempotencyKey));
    expect(rows).toHaveLength(1);
    const [item] = await listOutbox(tec.id);
    expect(item).toMatchObject({ status: "sent", attempts: 2, outcome: { id: rows[0]!.id, phone: "(35) 99123-4567" } });
  });
});
