// Protects "each job declared once": the Inngest functions and the embedded runner's registrations,
// both derived from definitions.ts, agree on ids, triggers and flow control, and a handler takes the
// same steps (same step ids, same order) under Inngest's engine and under the embedded runner.
import { userContext } from "@/server/services/context";
import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session";
import { createBatch } from "@/server/services/batches/create-batch";
import { DRAIN_CHUNK } from "@/server/services/queue/drain";
import { resetAdapterCache } from "@/server/services/sms-accounts/account-store";
import { createAccount } from "@/server/services/sms-accounts/manage-accounts";
import { queueMessage } from "@/server/services/sms/ledger";
import { createTestDb } from "@/test/db";
import { makeCustomer, makeNetwork, makeUser } from "@/test/factories";
import { jobContext } from "./context";
import { jobDefinitions } from "./definitions";
import { EmbeddedRunner, type Registration } from "./embedded-runner";
import { JOB_IDS, type JobEvent } from "./events";
import { drainSmsQueue, expandAndSendBatch, functions } from "./functions";
import { registrations } from "./runtime";
import type { StepTools } from "./steps";

type InngestConfig = {
  id: string;
  triggers: { cron?: string; event?: string }[];
  singleton?: { mode: string };
  concurrency?: { key: string; limit: number }[];
  steps: { step: { retries: { attempts: number } } };
};
const configOf = (fn: (typeof functions)[number]) =>
  fn["getConfig"]({ baseUrl: new URL("http://localhost/api/inngest"), appPrefix: "painel-sms" })[0] as unknown as InngestConfig;

describe("job definitions → Inngest functions and embedded registrations", () => {
  it("declare the same ids, triggers and flow control", () => {
    const regs = registrations();
    expect(functions.map((f) => configOf(f).id)).toEqual(jobDefinitions.map((d) => `painel-sms-${d.id}`));
    expect(regs.map((r) => r.id)).toEqual(jobDefinitions.map((d) => d.id));
    for (const [i, fn] of functions.entries()) {
      const c = configOf(fn);
      const r = regs[i]!;
      const eventTriggers = c.triggers.filter((t) => t.event).map((t) => t.event);
      const cronTriggers = c.triggers.filter((t) => t.cron).map((t) => t.cron!);
      expect(r.events).toEqual(eventTriggers);
      // The runner's period is the cron's "*/N" minutes field.
      expect(cronTriggers.map((cron) => Number(/\*\/(\d+) \* \* \* \*$/.exec(cron)?.[1]))).toEqual(r.everyMinutes ? [r.everyMinutes] : []);
      expect(Boolean(r.singleton)).toBe(c.singleton?.mode === "skip");
      expect(r.concurrency ?? []).toEqual(c.concurrency ?? []);
      expect(r.retries).toBe(c.steps.step.retries.attempts);
    }
  });
});

describe("a handler takes the same steps under Inngest and under the embedded runner", () => {
  const db = createTestDb();
  let operador: SessionUser;
  let accountId: number;
  beforeAll(async () => {
    jobContext.db = () => db;
    const admin = await makeUser(db, "admin");
    operador = await makeUser(db, "operador");
    accountId = (await createAccount(userContext(db, admin), { name: "Sandbox", kind: "sandbox", ratePerSecond: 1000, config: { deliveryDelayMs: 600_000 }, credentials: {}, isDefault: true })).id;
  });
  afterAll(() => resetAdapterCache());

  /** Runs a registration once in the embedded runner, recording the step ids it takes. */
  async function embeddedStepIds(id: string, event: JobEvent | null): Promise<{ ids: string[]; result: unknown }> {
    const base = registrations().find((r) => r.id === id)!;
    const ids: string[] = [];
    const reg: Registration = {
      ...base,
      handler: ({ step, event: e }) => {
        const recording: StepTools = {
          run: (sid, fn) => (ids.push(sid), step.run(sid, fn)),
          // Fan-out is not followed here (its events are what the other test checks), only recorded.
          sendEvent: (sid) => (ids.push(sid), Promise.resolve({ ids: [] })),
          sleep: (sid, ms) => (ids.push(sid), step.sleep(sid, ms)),
        };
        return base.handler({ step: recording, event: e });
      },
    };
    const out = await new EmbeddedRunner([reg], { retries: 0 }).run(reg, event);
    expect(out.status).toBe("completed");
    return { ids, result: (out as { result: unknown }).result };
  }
  const inngestStepIds = (ctx: { step: { run: unknown; sendEvent: unknown } }) =>
    [ctx.step.run, ctx.step.sendEvent].flatMap((m) => (m as { mock: { calls: [string][]; invocationCallOrder: number[] } }).mock.calls.map((c, i) => ({ id: c[0], at: (m as { mock: { invocationCallOrder: number[] } }).mock.invocationCallOrder[i]! })))
      .sort((a, b) => a.at - b.at)
      .map((s) => s.id);

  async function queue(n: number) {
    for (let i = 0; i < n; i++) {
      await queueMessage(db, {
        origin: "notification", phoneE164: `+5535992${String(100_000 + i)}`, motivo: "Aviso", body: "Manutencao hoje.", encoding: "GSM7",
        segments: 1, characters: 16, providerAccountId: accountId, idempotencyKey: crypto.randomUUID(),
      });
    }
  }

  it("drain-sms-queue", async () => {
    await queue(DRAIN_CHUNK + 5);
    const viaInngest = await new InngestTestEngine({ function: drainSmsQueue, events: [{ name: "sms/queue.drain-requested", data: { requestedBy: "t" } }] }).execute();
    await queue(DRAIN_CHUNK + 5);
    const viaRunner = await embeddedStepIds(JOB_IDS.drain, { name: "sms/queue.drain-requested", data: { requestedBy: "t" } });
    expect(viaRunner.ids).toEqual(inngestStepIds(viaInngest.ctx));
    expect(viaRunner.ids).toContain("send-chunk-1");
    expect(viaRunner.result).toMatchObject({ chunks: 2, sent: DRAIN_CHUNK + 5 });
    expect(viaInngest.result).toMatchObject({ chunks: 2, sent: DRAIN_CHUNK + 5 });
  });

  it("expand-and-send-batch", async () => {
    const net = await makeNetwork(db);
    for (let i = 0; i < 3; i++) await makeCustomer(db, net, { phones: [{ e164: `+553599600000${i}`, isPrimary: true }] });
    const make = async () =>
      (await createBatch(userContext(db, operador), { mode: "cidade", valueId: net.city.id, motivo: "Manutenção", message: "Olá {primeiro_nome}.", category: "operacional", idempotencyKey: crypto.randomUUID() })).batch.id;
    const a = await make();
    const viaInngest = await new InngestTestEngine({ function: expandAndSendBatch, events: [{ name: "sms/batch.requested", data: { batchId: a, accountId } }] }).execute();
    const b = await make();
    const viaRunner = await embeddedStepIds(JOB_IDS.batch, { name: "sms/batch.requested", data: { batchId: b, accountId } });
    expect(viaRunner.ids).toEqual(inngestStepIds(viaInngest.ctx));
    expect(viaRunner.result).toMatchObject({ state: "done", sent: 3 });
    expect(viaInngest.result).toMatchObject({ state: "done", sent: 3 });
  });
});
