// Protects "a batch continues by itself after kill -9": the durable embedded runner runs as a real
// process on a database file, sending a batch of a few thousand to a fake Zenvia; it is killed with
// SIGKILL mid-batch and started again, nothing else — the batch run is picked up again and sends
// the rest, no message reaches the provider twice (requests counted per message ref at the fake).
import { userContext } from "@/server/services/context";
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { tuneEmbedded } from "@/db/client";
import { customer, phone } from "@/db/schema";
import { jsonReply, FakeHttpServer } from "@/server/providers/fakes/fake-http";
import { createBatch } from "@/server/services/batches/create-batch";
import { MAX_BATCH_CHUNK } from "@/server/services/batches/send-batch-chunk";
import { resetAdapterCache } from "@/server/services/sms-accounts/account-store";
import { createAccount } from "@/server/services/sms-accounts/manage-accounts";
import { createTestDb } from "@/test/db";
import { makeNetwork, makeUser } from "@/test/factories";
import { requestJob } from "./outbox";

const RECIPIENTS = 2_000;
const db = createTestDb();
const children: ChildProcess[] = [];
const startRunner = () => {
  const child = spawn(process.execPath, ["--import", "tsx", path.resolve("server/jobs/restart-child.ts"), db.filePath], {
    env: { ...process.env, JOB_LEASE_MS: "2000" },
    stdio: "ignore",
  });
  children.push(child);
  return child;
};
const fake = new FakeHttpServer((req) => {
  const ref = (JSON.parse(req.body) as { externalId?: string }).externalId;
  return { ...jsonReply(200, { id: `z-${ref}` }), delayMs: 1 };
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  await fake.close();
  resetAdapterCache();
});
const waitFor = async (cond: () => boolean | Promise<boolean>, ms: number) => {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe("durable embedded runner across kill -9", () => {
  it("finishes a batch after the runner is killed mid-batch and started again: 0 lost, 0 duplicated", async () => {
    await tuneEmbedded(db);
    await fake.start();
    const admin = await makeUser(db, "admin");
    const operador = await makeUser(db, "operador");
    const account = await createAccount(userContext(db, admin), { name: "Fake Zenvia", kind: "zenvia", sender: "TESTE", ratePerSecond: 1000, config: { baseUrl: fake.url }, credentials: { apiToken: "x" }, isDefault: true });
    const net = await makeNetwork(db);
    // In bulk: one by one, a few thousand customers take longer than the rest of the test.
    for (let k = 0; k < RECIPIENTS; k += 500) {
      const rows = await db
        .insert(customer)
        .values(Array.from({ length: 500 }, (_, j) => ({
          code: `R${k + j}`, name: `Cliente ${k + j}`, searchName: `cliente ${k + j}`, personType: "individual" as const, document: String(20_000_000_000 + k + j),
          status: "active" as const, cityId: net.city.id, neighbourhoodId: net.neighbourhood.id, streetId: net.street.id, addressNumber: "1", paymentProfileId: net.paymentProfile.id,
        })))
        .returning({ id: customer.id });
      await db.insert(phone).values(rows.map((r, j) => ({ customerId: r.id, e164: `+55359${String(80_000_000 + k + j)}`, kind: "mobile" as const, isPrimary: true })));
    }
    const { batch } = await createBatch(userContext(db, operador), { mode: "cidade", valueId: net.city.id, motivo: "Manutenção", message: "Olá {primeiro_nome}, manutenção hoje.", category: "operacional", idempotencyKey: crypto.randomUUID() });
    // What startBatch asks for; the runner process finds it in the database.
    await requestJob(db, { name: "sms/batch.requested", data: { batchId: batch.id, accountId: account.id }, id: `batch-${batch.id}` });

    const first = startRunner();
    await waitFor(() => fake.requests.length >= RECIPIENTS / 4, 30_000);
    first.kill("SIGKILL");
    await new Promise((r) => first.once("exit", r));
    const atKill = fake.requests.length;
    expect(atKill).toBeLessThan(RECIPIENTS);

    startRunner();
    // The batch's run is claimed again once the dead runner's lease expires, and sends the rest.
    const outboxRow = async () => (await db.all<{ status: string; attempts: number }>(sql`SELECT status, attempts FROM job_outbox WHERE event_id = ${`batch-${batch.id}`}`))[0]!;
    await waitFor(async () => (await outboxRow()).status === "done", 40_000);
    expect((await outboxRow()).attempts).toBeGreaterThanOrEqual(2);

    const perRef = new Map<string, number>();
    for (const r of fake.requests) {
      const ref = (JSON.parse(r.body) as { externalId: string }).externalId;
      perRef.set(ref, (perRef.get(ref) ?? 0) + 1);
    }
    const messages = await db.all<{ ref: string; status: string }>(sql`
      SELECT m.ref, m.status FROM sms_batch_recipient r JOIN sms_message m ON m.id = r.message_id WHERE r.batch_id = ${batch.id}`);
    // 0 lost: every recipient has its message; 0 duplicated: no reference reached the provider twice.
    expect(messages).toHaveLength(RECIPIENTS);
    expect([...perRef.values()].filter((n) => n > 1)).toEqual([]);
    // Sent ones were sent once. The chunk in flight at the kill stays "sending" until the drain's
    // reconcile (after the send lease) resolves it or marks it in doubt: never resent blindly.
    const sent = messages.filter((m) => m.status === "sent");
    expect(sent.every((m) => perRef.get(m.ref) === 1)).toBe(true);
    expect(messages.filter((m) => m.status !== "sent").every((m) => m.status === "sending")).toBe(true);
    const inFlightRequested = messages.filter((m) => m.status === "sending" && perRef.has(m.ref)).length;
    expect(sent.length + inFlightRequested).toBe(fake.requests.length);
    // At most one chunk was in flight when the runner died; everything else was sent.
    expect(RECIPIENTS - sent.length).toBeLessThanOrEqual(MAX_BATCH_CHUNK);
  }, 90_000);
});
