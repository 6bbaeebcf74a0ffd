// Protects the per-user send limit under concurrency (issue 12 §1): the calls of one tRPC HTTP batch
// run at once, and a count taken before the insert let all 40 of a 40-call batch through a 20/min limit.
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { smsMessage } from "@/db/schema";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import type { SessionUser } from "@/server/auth/session";
import { createTestDb } from "@/test/db";
import { makeCustomer, makeNetwork, makeUser } from "@/test/factories";
import { resetAdapterCache } from "../sms-accounts/account-store";
import { createAccount } from "../sms-accounts/manage-accounts";
import { setSmsSettings } from "./settings";
import { userContext } from "@/server/services/context";

const db = createTestDb();
let customerId: number;
let admin: SessionUser;

const send = (user: SessionUser, idempotencyKey: string = crypto.randomUUID()) =>
  createCaller(createInnerContext({ db, user })).sms.sendIndividual({
    customerId,
    motivo: "Aviso de manutenção",
    ddd: "35",
    number: "99123-4567",
    message: "Olá {primeiro_nome}, a manutenção em São João termina às 18h.",
    confirmed: true,
    idempotencyKey,
  });

async function messagesOf(user: SessionUser) {
  const [r] = await db.select({ n: count() }).from(smsMessage).where(eq(smsMessage.createdBy, user.id));
  return r!.n;
}

beforeAll(async () => {
  const net = await makeNetwork(db);
  customerId = (await makeCustomer(db, net, { name: "JOSÉ CONCEIÇÃO", phones: [{ e164: "+5535991234567", isPrimary: true }] })).id;
  admin = await makeUser(db, "admin");
  // Reports a minute later: none arrives while the test runs.
  await createAccount(userContext(db, admin), { name: "Sandbox", kind: "sandbox", ratePerSecond: 100, config: { deliveryDelayMs: 60_000 }, credentials: {}, isDefault: true });
  await setSmsSettings(userContext(db, admin), { maxParts: 1, individualPerMinute: 20 });
});

afterAll(() => resetAdapterCache());

describe("per-user limit of individual SMS under concurrency", () => {
  it("lets at most the limit through when 40 calls run at once, refusing the rest with the limit's message", async () => {
    const tec = await makeUser(db, "tecnico");
    const results = await Promise.allSettled(Array.from({ length: 40 }, () => send(tec)));
    const sent = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(sent).toHaveLength(20);
    expect(await messagesOf(tec)).toBe(20);
    expect(refused).toHaveLength(20);
    for (const r of refused) {
      expect(r.reason).toMatchObject({ code: "TOO_MANY_REQUESTS", message: "Limite de 20 SMS individuais por minuto atingido. Aguarde um pouco e tente de novo." });
    }
  });

  it("counts each user on their own, and still answers a repeated key once the limit is reached", async () => {
    const [a, b] = [await makeUser(db, "tecnico"), await makeUser(db, "operador")];
    const firstKey = crypto.randomUUID();
    const first = await send(a, firstKey);
    await Promise.allSettled([...Array.from({ length: 25 }, () => send(a)), ...Array.from({ length: 25 }, () => send(b))]);
    expect(await messagesOf(a)).toBe(20);
    expect(await messagesOf(b)).toBe(20);
    // A replay after a lost answer is the same message, not a new send, so the limit does not refuse it.
    await expect(send(a, firstKey)).resolves.toMatchObject({ id: first.id, replayed: true });
  });
});
