// Protects the durable embedded runner: a requested job is a job_outbox row before it runs, a row
// whose runner died (its lease expired) is run again by the next runner on its own, a failed run
// goes back in line after a backoff, a repeated event id is one row, and the request statement
// joins the verb's atomic write (both are stored or neither).
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { jobOutbox } from "@/db/schema";
import { createTestDb } from "@/test/db";
import { EmbeddedRunner, type Registration } from "./embedded-runner";
import { jobRequestStatement } from "./outbox";

const db = createTestDb();
const batchEvent = (batchId: number, id: string) => ({ name: "sms/batch.requested" as const, data: { batchId, accountId: 1 }, id });
const rowOf = async (eventId: string) => (await db.select().from(jobOutbox).where(eq(jobOutbox.eventId, eventId)))[0]!;
const until = async (cond: () => Promise<boolean>) => {
  for (let i = 0; i < 200 && !(await cond()); i++) await new Promise((r) => setTimeout(r, 10));
};

describe("durable embedded runner (job_outbox)", () => {
  it("runs again, by itself, a job whose runner died mid-run once its lease expires", async () => {
    let clock = 1_000_000;
    const seen: string[] = [];
    const dying: Registration = { id: "fn", events: ["sms/batch.requested"], handler: () => new Promise(() => seen.push("first runner")) };
    const first = new EmbeddedRunner([dying], { now: () => clock, outbox: { db: () => db, owner: "a", leaseMs: 30_000 } });
    await first.request(batchEvent(1, "crash-1"));
    await first.idle();
    await until(async () => seen.length === 1);
    expect(await rowOf("crash-1")).toMatchObject({ status: "running", leaseOwner: "a", attempts: 1 });

    // "kill -9": the first runner is gone without a word. A new one starts; before the lease expires
    // it leaves the row alone, after it runs the job.
    const healthy: Registration = { id: "fn", events: ["sms/batch.requested"], handler: async () => void seen.push("second runner") };
    const second = new EmbeddedRunner([healthy], { now: () => clock, outbox: { db: () => db, owner: "b", leaseMs: 30_000, pollMs: 20 } });
    second.start();
    await second.idle();
    expect(seen).toEqual(["first runner"]);
    clock += 31_000;
    await until(async () => (await rowOf("crash-1")).status === "done");
    second.stop();
    expect(seen).toEqual(["first runner", "second runner"]);
    expect(await rowOf("crash-1")).toMatchObject({ status: "done", leaseOwner: "b", attempts: 2 });
  });

  it("puts a failed run back in line after a backoff, then runs it again", async () => {
    let clock = 2_000_000;
    let calls = 0;
    const flaky: Registration = { id: "fn", events: ["sms/batch.requested"], retries: 0, handler: async () => {
      if (++calls === 1) throw new Error("provedor fora");
    } };
    const runner = new EmbeddedRunner([flaky], { now: () => clock, backoffMs: 1_000, outbox: { db: () => db, owner: "c" } });
    await runner.request(batchEvent(2, "flaky-2"));
    await until(async () => (await rowOf("flaky-2")).status === "pending");
    expect(await rowOf("flaky-2")).toMatchObject({ status: "pending", lastError: "provedor fora", runAfter: clock + 2_000 });
    runner.poke();
    await runner.idle();
    expect(calls).toBe(1);
    clock += 2_000;
    runner.poke();
    await until(async () => (await rowOf("flaky-2")).status === "done");
    expect(calls).toBe(2);
  });

  it("stores a repeated event id once", async () => {
    const runner = new EmbeddedRunner([], { outbox: { db: () => db } });
    await runner.request(batchEvent(3, "dup-3"));
    await runner.request(batchEvent(3, "dup-3"));
    expect((await db.select().from(jobOutbox).where(eq(jobOutbox.eventId, "dup-3"))).length).toBe(1);
  });

  it("joins the verb's atomic write: when the state change fails, no job is requested", async () => {
    await expect(db.batch([jobRequestStatement(db, batchEvent(4, "atomic-4")), db.run(sql`UPDATE no_such_table SET x = 1`)])).rejects.toThrow();
    expect(await db.select().from(jobOutbox).where(eq(jobOutbox.eventId, "atomic-4"))).toEqual([]);
    await db.batch([jobRequestStatement(db, batchEvent(4, "atomic-4")), db.run(sql`SELECT 1`)]);
    expect(await rowOf("atomic-4")).toMatchObject({ status: "pending", name: "sms/batch.requested", data: { batchId: 4, accountId: 1 } });
  });
});
