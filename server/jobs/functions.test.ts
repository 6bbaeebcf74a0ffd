// Protects the Inngest wiring of the queue drain with the real function: its cron (every 5 minutes,
// São Paulo time), never-overlapping runs, the manual trigger, and one step per chunk.
import { InngestTestEngine } from "@inngest/test";
import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { smsMessage } from "@/db/schema";
import { createTestDb } from "@/test/db";
import { makeUser } from "@/test/factories";
import { resetAdapterCache } from "@/server/services/sms-accounts/account-store";
import { createAccount } from "@/server/services/sms-accounts/manage-accounts";
import { queueMessage } from "@/server/services/sms/ledger";
import { DRAIN_CHUNK } from "@/server/services/queue/drain";
import { jobContext } from "./context";
import { DRAIN_CRON } from "./events";
import { drainSmsQueue } from "./functions";

const db = createTestDb();
let accountId: number;

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
  accountId = (await createAccount({ ctx: { db, user: admin }, input: { name: "Sandbox", kind: "sandbox", ratePerSecond: 1000, config: { deliveryDelayMs: 600_000 }, credentials: {}, isDefault: true } })).id;
});
afterAll(() => resetAdapterCache());

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
    expect(stepIds).toEqual(["reconcile-expired-leases", "send-chunk-0", "send-chunk-1", "send-chunk-2"]);
    expect(result).toMatchObject({ chunks: 3, claimed: DRAIN_CHUNK * 2 + 30, sent: DRAIN_CHUNK * 2 + 30, failed: 0 });
    const rows = await db.select({ status: smsMessage.status }).from(smsMessage).where(inArray(smsMessage.id, ids));
    expect(rows.every((r) => r.status === "sent")).toBe(true);
  });
});
