// Protects who-did-it for every kind of actor (issue 13 §1): audit entries, messages and batches
// record user:<id>, api_key:<id> or system:<job> in `actor`, while user_id / created_by keep the
// person's id for the joins (the history's "Operador") and stay empty for keys and jobs.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, smsBatch, smsMessage } from "@/db/schema";
import type { SessionUser } from "@/server/auth/session";
import { createTestDb } from "@/test/db";
import { makeCustomer, makeNetwork, makeUser, type Network } from "@/test/factories";
import { pauseBatch } from "./batches/controls";
import { createBatch } from "./batches/create-batch";
import { apiKeyContext, systemContext, userContext } from "./context";
import { resetAdapterCache } from "./sms-accounts/account-store";
import { createAccount } from "./sms-accounts/manage-accounts";
import { sendIndividual } from "./sms/send-individual";

const db = createTestDb();
let net: Network;
let op: SessionUser;
let customerId: number;
const erp = apiKeyContext(db, { id: "erp-1", name: "ERP", scopes: ["messages:send"] });

const send = (key = crypto.randomUUID()) => ({
  customerId, motivo: "Aviso de manutenção", ddd: "35", number: "99123-4567",
  message: "Olá {primeiro_nome}, haverá manutenção hoje.", confirmed: true as const, idempotencyKey: key,
});

beforeAll(async () => {
  await resetAdapterCache();
  net = await makeNetwork(db);
  customerId = (await makeCustomer(db, net, { phones: [{ e164: "+5535991234567", isPrimary: true }] })).id;
  op = await makeUser(db, "operador");
  const admin = await makeUser(db, "admin");
  await createAccount(userContext(db, admin), { name: "Sandbox", kind: "sandbox", ratePerSecond: 100, config: { deliveryDelayMs: 600_000 }, credentials: {}, isDefault: true });
});

async function audit(action: string, entityId: number) {
  return db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.entityId, String(entityId))));
}

describe("the actor of a send", () => {
  it("an API key's SMS records api_key:<id>, no user, in the message and its audit entry", async () => {
    const out = await sendIndividual(erp, send());
    const [m] = await db.select().from(smsMessage).where(eq(smsMessage.id, out.id));
    expect(m).toMatchObject({ actor: "api_key:erp-1", createdBy: null });
    expect((await audit("sms.send_individual", out.id)).map((a) => [a.actor, a.userId])).toEqual([["api_key:erp-1", null]]);
  });

  it("a person's SMS records user:<id> beside created_by", async () => {
    const out = await sendIndividual(userContext(db, op), send());
    const [m] = await db.select().from(smsMessage).where(eq(smsMessage.id, out.id));
    expect(m).toMatchObject({ actor: `user:${op.id}`, createdBy: op.id });
    expect((await audit("sms.send_individual", out.id)).map((a) => [a.actor, a.userId])).toEqual([[`user:${op.id}`, op.id]]);
  });

  it("a key's idempotency key is its own: the same key from another API key is refused, from itself replayed", async () => {
    const key = crypto.randomUUID();
    const first = await sendIndividual(erp, send(key));
    expect((await sendIndividual(erp, send(key))).id).toBe(first.id);
    const other = apiKeyContext(db, { id: "erp-2", name: "Outro ERP", scopes: ["messages:send"] });
    await expect(sendIndividual(other, send(key))).rejects.toThrow("Esta chave de envio pertence a outro usuário.");
  });
});

describe("the actor of a batch", () => {
  it("a batch records its creator; a job pausing it is audited as system:<job> with no user", async () => {
    const { batch } = await createBatch(userContext(db, op), {
      mode: "cidade", valueId: net.city.id, prefix: "0", motivo: "Aviso geral", message: "Olá {primeiro_nome}, teste.", idempotencyKey: crypto.randomUUID(),
    });
    const [row] = await db.select().from(smsBatch).where(eq(smsBatch.id, batch.id));
    expect(row).toMatchObject({ actor: `user:${op.id}`, createdBy: op.id });
    await pauseBatch(systemContext(db, "erp-sync"), { batchId: batch.id });
    expect((await audit("sms_batch.pause", batch.id)).map((a) => [a.actor, a.userId])).toEqual([["system:erp-sync", null]]);
  });
});
