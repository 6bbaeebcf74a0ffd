// Protects the Inngest wiring of the queue drain with the real function: its cron (every 5 minutes,
// São Paulo time), never-overlapping runs, the manual trigger, one step per chunk, and its batch
// duties: a scheduled batch is released at its time (not before) by whichever drain runs then —
// nothing in memory, so a restart or a lost event in between changes nothing — and sent to the end.
import { InngestTestEngine } from "@inngest/test";
import { inArray } from "drizzle-orm";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { smsBatch, smsMessage } from "@/db/schema";
import type { SessionUser } from "@/server/auth/session";
import { createBatch } from "@/server/services/batches/create-batch";
import { makeCustomer, makeNetwork } from "@/test/factories";
import { createTestDb } from "@/test/db";
import { makeUser } from "@/test/factories";
import { resetAdapterCache } from "@/server/services/sms-accounts/account-store";
import { createAccount } from "@/server/services/sms-accounts/manage-accounts";
import { queueMessage } from "@/server/services/sms/ledger";
import { DRAIN_CHUNK } from "@/server/services/queue/drain";
import { jobContext } from "./context";
import { DRAIN_CRON } from "./events";
import { drainSmsQueue, expandAndSendBatch } from "./functions";
import { userContext } from "@/server/services/context";

const db = createTestDb();
let accountId: number;
let operador: SessionUser;

async function queue(n: number) {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const { message } = await queueMessage(db, {
      origin: "notification",
      phoneE164: `+5535991${String(100_000 + i)}`,
      motivo: "Aviso",
      body: "Manutencao hoje.",
      encoding: "GSM7",
      segments: 1,
      characters: 16,
      providerAccountId: accountId,
      idempotencyKey: crypto.randomUUID(),
    });
    ids.push(message.id);
  }
  return ids;
}

beforeAll(async () => {
  jobContext.db = () => db;
  const admin = await makeUser(db, "admin");
  operador = await makeUser(db, "operador");
  accountId = (await createAccount(userContext(db, admin), { name: "Sandbox", kind: "sandbox", ratePerSecond: 1000, config: { deliveryDelayMs: 600_000 }, credentials: {}, isDefault: true })).id;
});
afterAll(() => resetAdapterCache());
afterEach(() => {
  vi.useRealTimers();
});

describe("drain-sms-queue", () => {
  it("is scheduled every 5 minutes in São Paulo time, runs as a singleton and can be triggered by hand", () => {
    expect(DRAIN_CRON).toBe("TZ=America/Sao_Paulo */5 * * * *");
    const config = drainSmsQueue["getConfig"]({ baseUrl: new URL("http://localhost/api/inngest"), appPrefix: "painel-sms" })[0] as unknown as {
      id: string;
      triggers: ({ cron?: string; event?: string })[];
      singleton?: { mode: string };
    };
    expect(config.id).toBe("painel-sms-drain-sms-queue");
    expect(config.triggers).toEqual([{ cron: DRAIN_CRON }, { event: "sms/queue.drain-requested" }]);
    expect(config.singleton).toMatchObject({ mode: "skip" });
  });

  it("reconciles first, then sends one chunk per step until a short chunk", async () => {
    const ids = await queue(DRAIN_CHUNK * 2 + 30);
    const t = new InngestTestEngine({ function: drainSmsQueue, events: [{ name: "sms/queue.drain-requested", data: { requestedBy: "test" } }] });
    const { result, ctx } = await t.execute();
    const stepIds = (ctx.step.run as unknown as { mock: { calls: [string][] } }).mock.calls.map((c) => c[0]);
    expect(stepIds).toEqual(["release-batches", "reconcile-expired-leases", "send-chunk-0", "send-chunk-1", "send-chunk-2", "settle-batches"]);
    expect(result).toMatchObject({ chunks: 3, claimed: DRAIN_CHUNK * 2 + 30, sent: DRAIN_CHUNK * 2 + 30, failed: 0 });
    const rows = await db.select({ status: smsMessage.status }).from(smsMessage).where(inArray(smsMessage.id, ids));
    expect(rows.every((r) => r.status === "sent")).toBe(true);
  });
});

describe("drain-sms-queue and scheduled batches", () => {
  // The event is mocked at the edge (there is no Inngest server in tests); its payload is asserted.
  const drain = () =>
    new InngestTestEngine({
      function: drainSmsQueue,
      events: [{ name: "sms/queue.drain-requested", data: { requestedBy: "test" } }],
      steps: [{ id: "request-batches", handler: () => ({ ids: [] }) }],
    }).execute();
  const statusOf = async (id: number) => (await db.select({ s: smsBatch.status }).from(smsBatch).where(eq(smsBatch.id, id)))[0]!.s;
  const requested = (ctx: { step: { sendEvent: unknown } }) =>
    (ctx.step.sendEvent as unknown as { mock: { calls: [string, { data: { batchId: number } }[]][] } }).mock.calls.flatMap(([, events]) => events.map((e) => e.data.batchId));

  it("releases a scheduled batch at its time, not before, after a restart and a lost event, and sends it to the end", async () => {
    const net = await makeNetwork(db);
    for (let i = 0; i < 3; i++) await makeCustomer(db, net, { phones: [{ e164: `+553599500000${i}`, isPrimary: true }] });
    const sendAt = new Date(Math.ceil((Date.now() + 86_400_000) / 300_000) * 300_000);
    const { batch } = await createBatch(userContext(db, operador), { mode: "cidade", valueId: net.city.id, motivo: "Manutenção", message: "Olá {primeiro_nome}, manutenção hoje.", category: "operacional", idempotencyKey: crypto.randomUUID(), sendAt });
    // Only Date is faked: the clock the drain reads when it runs.
    vi.useFakeTimers({ toFake: ["Date"] });

    vi.setSystemTime(new Date(sendAt.getTime() - 300_000));
    const early = await drain();
    expect(early.result).toMatchObject({ released: 0 });
    expect(requested(early.ctx)).not.toContain(batch.id);
    expect(await statusOf(batch.id)).toBe("scheduled");

    // A fresh engine at the time: nothing of the earlier run is kept (as after a restart).
    vi.setSystemTime(sendAt);
    const onTime = await drain();
    expect(onTime.result).toMatchObject({ released: 1 });
    expect(await statusOf(batch.id)).toBe("queued");
    expect(onTime.ctx.step.sendEvent).toHaveBeenCalledWith("request-batches", [
      { name: "sms/batch.requested", data: { batchId: batch.id, accountId: batch.providerAccountId }, id: `batch-${batch.id}-tick-${sendAt.getTime() / 300_000}` },
    ]);

    // The process died before the event was handled: the next tick asks again.
    vi.setSystemTime(new Date(sendAt.getTime() + 300_000));
    expect(requested((await drain()).ctx)).toContain(batch.id);

    vi.useRealTimers();
    const run = await new InngestTestEngine({ function: expandAndSendBatch, events: [{ name: "sms/batch.requested", data: { batchId: batch.id } }] }).execute();
    expect(run.result).toMatchObject({ state: "done", sent: 3 });
    expect(await statusOf(batch.id)).toBe("done");
    expect(requested((await drain()).ctx)).not.toContain(batch.id);
  });
});
