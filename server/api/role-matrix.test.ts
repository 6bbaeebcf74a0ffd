// Protects the role rules: every procedure declares who may call it, and each role + anonymous is
// allowed or refused exactly as declared. A new procedure fails this test until it is declared here.
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/db/schema/constants";
import { ROLES } from "@/db/schema/constants";
import { createTestDb } from "@/test/db";
import { makeCustomer, makeNetwork, makeUser, type Network } from "@/test/factories";
import type { SessionUser } from "@/server/auth/session";
import { optOut } from "@/db/schema";
import { jobContext } from "@/server/jobs/context";
import { createAccount } from "@/server/services/sms-accounts/manage-accounts";
import { pauseBatch } from "@/server/services/batches/controls";
import { createBatch } from "@/server/services/batches/create-batch";
import { claimMessage } from "@/server/services/sms/dispatch";
import { queueMessage, transition } from "@/server/services/sms/ledger";
import { ROLE_GROUPS } from "./permissions";
import { appRouter, createCaller } from "./root";
import { createInnerContext } from "./trpc";
import { userContext } from "@/server/services/context";

const db = createTestDb();
let net: Network;
let customerId: number;
const users = {} as Record<Role, SessionUser>;
let target: SessionUser;
let accountId: number;
let n = 0;

beforeAll(async () => {
  jobContext.db = () => db;
  net = await makeNetwork(db);
  customerId = (await makeCustomer(db, net, { phones: [{ e164: "+5535991234567", isPrimary: true }] })).id;
  for (const r of ROLES) users[r] = await makeUser(db, r);
  target = await makeUser(db, "tecnico");
  accountId = (await createAccount(userContext(db, users.admin), { name: "Sandbox", kind: "sandbox", ratePerSecond: 10, config: { deliveryDelayMs: 60_000 }, credentials: {}, isDefault: true })).id;
});

/** okWhenAllowed false: the call may end in a domain refusal (e.g. nothing to re-send), never in an auth one. */
type Entry = { allowed: readonly Role[]; input?: () => unknown; okWhenAllowed?: boolean };

const batchDraft = () => ({ mode: "cidade" as const, valueId: net.city.id, prefix: "0", motivo: "Aviso geral", message: "Olá {primeiro_nome}, teste." });

async function newBatch(): Promise<{ batchId: number }> {
  const out = await createBatch(userContext(db, users.operador), { ...batchDraft(), idempotencyKey: crypto.randomUUID() });
  return { batchId: out.batch.id };
}

/** Tomorrow at a 5-minute mark, as "Agendar" requires. */
const tomorrow = () => new Date(Math.ceil((Date.now() + 86_400_000) / 300_000) * 300_000);

async function newScheduledBatch() {
  const out = await createBatch(userContext(db, users.operador), { ...batchDraft(), idempotencyKey: crypto.randomUUID(), sendAt: tomorrow() });
  return { batchId: out.batch.id, sendAt: tomorrow(), motivo: "Aviso remarcado", message: "Olá {primeiro_nome}, novo horário." };
}

async function newPausedBatch(): Promise<{ batchId: number }> {
  const b = await newBatch();
  await pauseBatch(userContext(db, users.operador), b);
  return b;
}

async function newOptOut(): Promise<{ id: number }> {
  const [row] = await db.insert(optOut).values({ phoneE164: `+55359${String(10_000_000 + ++n).slice(-8)}`, source: "operator" }).returning();
  return { id: row!.id };
}
/** A pending message for the queue actions (queued, or left in doubt by an interrupted send). */
async function newQueued(): Promise<{ id: number; status: "queued" }> {
  const { message } = await queueMessage(db, {
    origin: "billing",
    category: "operacional",
    customerId,
    phoneE164: "+5535991234567",
    motivo: "Lembrete de vencimento",
    body: "Sua fatura vence amanha.",
    encoding: "GSM7",
    segments: 1,
    characters: 24,
    nextAttemptAt: new Date(Date.now() + 86_400_000),
    idempotencyKey: crypto.randomUUID(),
  });
  return { id: message.id, status: "queued" };
}

async function newInDoubt(): Promise<{ id: number }> {
  const { id } = await newQueued();
  await claimMessage(db, id);
  await transition(db, id, "sending", "in_doubt");
  return { id };
}
const MATRIX: Record<string, Entry> = {
  "me.get": { allowed: ROLE_GROUPS.anyone },
  "customer.search": { allowed: ROLE_GROUPS.anyone, input: () => ({ q: "Cliente" }) },
  "customer.get": { allowed: ROLE_GROUPS.anyone, input: () => ({ id: customerId }) },
  "reference.options": { allowed: ROLE_GROUPS.sms },
  "reference.neighbourhoods": { allowed: ROLE_GROUPS.sms, input: () => ({ cityId: net.city.id }) },
  "reference.streets": { allowed: ROLE_GROUPS.sms, input: () => ({ neighbourhoodId: net.neighbourhood.id }) },
  "user.list": { allowed: ROLE_GROUPS.admin },
  "user.create": {
    allowed: ROLE_GROUPS.admin,
    input: () => ({ name: "Novo Usuário", email: `novo${++n}@teste.test`, password: "senha-segura-1", role: "tecnico" }),
  },
  "user.setRole": { allowed: ROLE_GROUPS.admin, input: () => ({ userId: target.id, role: "tecnico" }) },
  "user.setDisabled": { allowed: ROLE_GROUPS.admin, input: () => ({ userId: target.id, disabled: false }) },
  "customer.optOuts": { allowed: ROLE_GROUPS.anyone, input: () => ({ id: customerId }) },
  "customer.liftOptOut": { allowed: ROLE_GROUPS.sms, input: newOptOut },
  "sms.sendIndividual": {
    allowed: ROLE_GROUPS.anyone,
    input: () => ({ customerId, motivo: "Aviso de manutenção", ddd: "35", number: "99123-4567", message: "Olá {primeiro_nome}, manutenção hoje às 14h.", confirmed: true, idempotencyKey: crypto.randomUUID() }),
  },
  "sms.settings": { allowed: ROLE_GROUPS.anyone },
  "sms.setSettings": { allowed: ROLE_GROUPS.admin, input: () => ({ maxParts: 1, individualPerMinute: 20 }) },
  "smsAccount.list": { allowed: ROLE_GROUPS.admin },
  "queue.status": { allowed: ROLE_GROUPS.sms },
  "message.list": { allowed: ROLE_GROUPS.anyone, input: () => ({ statuses: ["sent", "delivered"] }) },
  "message.operators": { allowed: ROLE_GROUPS.sms },
  // The technician's own message: the only kind of message they may open.
  "message.get": {
    allowed: ROLE_GROUPS.anyone,
    input: async () => ({ id: (await queueMessage(db, { origin: "individual", customerId, phoneE164: "+5535991234567", motivo: "Visita", body: "Chego às 14h.", encoding: "GSM7", segments: 1, characters: 13, createdBy: users.tecnico.id, idempotencyKey: crypto.randomUUID() })).message.id }),
  },
  "queue.list": { allowed: ROLE_GROUPS.sms, input: () => ({}) },
  "queue.cancel": { allowed: ROLE_GROUPS.sms, input: newQueued },
  "queue.retryNow": { allowed: ROLE_GROUPS.sms, input: newQueued },
  "queue.reschedule": {
    allowed: ROLE_GROUPS.sms,
    input: async () => {
      const { message } = await queueMessage(db, { origin: "individual", customerId, phoneE164: "+5535991234567", motivo: "Visita", body: "Chego amanha.", encoding: "GSM7", segments: 1, characters: 13, createdBy: users.tecnico.id, idempotencyKey: crypto.randomUUID() });
      await transition(db, message.id, "queued", "scheduled", { nextAttemptAt: tomorrow() }, { reason: "operator_schedule" });
      return { id: message.id, sendAt: new Date(tomorrow().getTime() + 3_600_000) };
    },
  },
  "queue.resolveInDoubt": { allowed: ROLE_GROUPS.sms, input: async () => ({ ...(await newInDoubt()), action: "markSent" }) },
  "batch.preview": { allowed: ROLE_GROUPS.sms, input: batchDraft },
  "batch.previewRecipients": { allowed: ROLE_GROUPS.sms, input: batchDraft },
  "batch.previewCustomerIds": { allowed: ROLE_GROUPS.sms, input: batchDraft },
  "batch.previewTotals": { allowed: ROLE_GROUPS.sms, input: () => ({ ...batchDraft(), deselectedCustomerIds: Array.from({ length: 3000 }, (_, i) => i + 1) }) },
  "batch.create": { allowed: ROLE_GROUPS.sms, input: () => ({ ...batchDraft(), idempotencyKey: crypto.randomUUID() }) },
  "batch.list": { allowed: ROLE_GROUPS.sms, input: () => ({}) },
  "batch.sendForecast": { allowed: ROLE_GROUPS.sms, input: () => ({ ...batchDraft(), sendAt: tomorrow() }) },
  "batch.reschedule": { allowed: ROLE_GROUPS.sms, input: newScheduledBatch },
  "batch.get": { allowed: ROLE_GROUPS.sms, input: newBatch },
  "batch.recipients": { allowed: ROLE_GROUPS.sms, input: newBatch },
  "batch.pause": { allowed: ROLE_GROUPS.sms, input: newBatch },
  "batch.resume": { allowed: ROLE_GROUPS.sms, input: newPausedBatch },
  "batch.cancel": { allowed: ROLE_GROUPS.sms, input: newBatch },
  "batch.resendFailed": { allowed: ROLE_GROUPS.sms, input: newBatch, okWhenAllowed: false },
  "sms.sendWindows": { allowed: ROLE_GROUPS.sms },
  "sms.setSendWindows": { allowed: ROLE_GROUPS.admin, input: () => ({ SP: { weekday: { start: "08:00", end: "20:00" }, saturday: { start: "08:00", end: "14:00" }, sunday: null } }) },
  "sms.setUfSendWindow": { allowed: ROLE_GROUPS.admin, input: () => ({ uf: "AC", rules: null }) },
  "queue.drainNow": { allowed: ROLE_GROUPS.admin },
  "smsAccount.create": { allowed: ROLE_GROUPS.admin, input: () => ({ name: `Sandbox ${++n}`, kind: "sandbox", ratePerSecond: 10, config: {}, credentials: {} }) },
  "smsAccount.update": { allowed: ROLE_GROUPS.admin, input: () => ({ id: accountId, name: "Sandbox principal", ratePerSecond: 5, config: {}, credentials: {} }) },
  "smsAccount.setDefault": { allowed: ROLE_GROUPS.admin, input: () => ({ id: accountId }) },
  "smsAccount.setActive": { allowed: ROLE_GROUPS.admin, input: () => ({ id: accountId, active: true }) },
  "smsAccount.test": { allowed: ROLE_GROUPS.admin, input: () => ({ id: accountId, phone: "(35) 99123-4567", text: "Teste", idempotencyKey: crypto.randomUUID() }) },
};

const procedurePaths = Object.keys(appRouter._def.procedures);

function callByPath(user: SessionUser | null, path: string, input: unknown): Promise<unknown> {
  const caller = createCaller(createInnerContext({ db, user }));
  const fn = path.split(".").reduce<unknown>((obj, key) => (obj as Record<string, unknown>)[key], caller);
  return (fn as (i: unknown) => Promise<unknown>)(input);
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "OK";
  } catch (err) {
    return err instanceof TRPCError ? err.code : `non-tRPC error: ${String(err)}`;
  }
}

describe("role matrix", () => {
  it("declares every procedure of the router, and only those", () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...procedurePaths].sort());
  });

  for (const [path, entry] of Object.entries(MATRIX)) {
    it(`${path}: anonymous is refused with UNAUTHORIZED`, async () => {
      expect(await codeOf(callByPath(null, path, await entry.input?.()))).toBe("UNAUTHORIZED");
    });
    for (const role of ROLES) {
      const allowed = entry.allowed.includes(role);
      it(`${path}: ${role} is ${allowed ? "allowed" : "refused with FORBIDDEN"}`, async () => {
        const code = await codeOf(callByPath(users[role], path, await entry.input?.()));
        if (!allowed) expect(code).toBe("FORBIDDEN");
        else if (entry.okWhenAllowed === false) expect(["UNAUTHORIZED", "FORBIDDEN"]).not.toContain(code);
        else expect(code).toBe("OK");
      });
    }
  }
});
