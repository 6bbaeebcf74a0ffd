// Protects the path of SMPP delivery receipts and replies into the ledger: they arrive on the bound
// session (not a webhook) and must update the message and record opt-outs like webhook reports do.
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { optOut, smsMessage } from "@/db/schema";
import { FakeSmsc } from "@/server/providers/fakes/smpp-server";
import type { SessionUser } from "@/server/auth/session";
import { createTestDb } from "@/test/db";
import { makeCustomer, makeNetwork, makeUser } from "@/test/factories";
import { resetAdapterCache } from "../sms-accounts/account-store";
import { createAccount } from "../sms-accounts/manage-accounts";
import { sendIndividual } from "./send-individual";
import { userContext } from "@/server/services/context";

const db = createTestDb();
let smsc: FakeSmsc;
let op: SessionUser;
let customerId: number;

async function waitFor<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 5000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  smsc = await FakeSmsc.start({ systemId: "painel", password: "s3nh4" });
  const admin = await makeUser(db, "admin");
  op = await makeUser(db, "operador");
  customerId = (await makeCustomer(db, await makeNetwork(db), { phones: [{ e164: "+5535991234567", isPrimary: true }] })).id;
  await createAccount(userContext(db, admin), {
      name: "Operadora SMPP",
      kind: "smpp",
      sender: "PROVEDOR",
      ratePerSecond: 10,
      config: { host: "127.0.0.1", port: smsc.port, reconnectBaseMs: 50 },
      credentials: { systemId: "painel", password: "s3nh4" },
      isDefault: true,
    });
});

afterAll(async () => {
  await resetAdapterCache();
  await smsc.close();
});

describe("SMPP receipts into the ledger", () => {
  it("a DELIVRD receipt on the session marks the message delivered", async () => {
    const out = await sendIndividual(userContext(db, op), { customerId, motivo: "Teste SMPP", ddd: "35", number: "991234567", message: "Sua fatura vence amanhã", confirmed: true, idempotencyKey: crypto.randomUUID() });
    expect(out.status).toBe("sent");
    const [m] = await db.select().from(smsMessage).where(eq(smsMessage.id, out.id));
    await smsc.deliverReceipt({ id: m!.providerMessageId!, stat: "DELIVRD" });
    const row = await waitFor(
      async () => (await db.select().from(smsMessage).where(eq(smsMessage.id, out.id)))[0],
      (r) => r?.status === "delivered",
    );
    expect(row?.status).toBe("delivered");
  });

  it("a SAIR reply on the session records an opt-out", async () => {
    await smsc.deliverMo({ from: "5535944443333", to: "PROVEDOR", text: "SAIR", dataCoding: 0 });
    const rows = await waitFor(
      () => db.select().from(optOut).where(and(eq(optOut.phoneE164, "+5535944443333"), isNull(optOut.liftedAt))),
      (r) => r.length > 0,
    );
    expect(rows[0]?.source).toBe("inbound_sms");
  });
});
