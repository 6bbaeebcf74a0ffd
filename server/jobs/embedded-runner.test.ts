// Protects the embedded runner that replaces Inngest on one machine: memoized steps across retries
// (a finished step is not redone), never two runs of a singleton at once, event de-duplication by
// id, clock-aligned scheduling, and fan-out through sendEvent.
import { describe, expect, it } from "vitest";
import { EmbeddedRunner, type Registration } from "./embedded-runner";

const drainEvent = { name: "sms/queue.drain-requested" as const, data: { requestedBy: "t" } };

describe("EmbeddedRunner", () => {
  it("retries a failed run without redoing the steps that finished", async () => {
    let firstStep = 0;
    let attempts = 0;
    const reg: Registration = {
      id: "fn",
      events: ["sms/queue.drain-requested"],
      handler: async ({ step }) => {
        const a = await step.run("first", async () => ++firstStep);
        attempts++;
        if (attempts < 3) throw new Error("boom");
        return a;
      },
    };
    const [out] = await new EmbeddedRunner([reg], { retries: 3, backoffMs: 1 }).emit(drainEvent);
    expect(out).toEqual({ status: "completed", result: 1 });
    expect(firstStep).toBe(1);
    expect(attempts).toBe(3);
  });

  it("gives up after the retries and says so", async () => {
    const reg: Registration = { id: "fn", events: ["sms/queue.drain-requested"], handler: async () => Promise.reject(new Error("sempre falha")) };
    const [out] = await new EmbeddedRunner([reg], { retries: 1, backoffMs: 1 }).emit(drainEvent);
    expect(out).toEqual({ status: "failed", error: "sempre falha" });
  });

  it("skips a singleton run while one is in progress", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let runs = 0;
    const reg: Registration = {
      id: "drain",
      events: ["sms/queue.drain-requested"],
      singleton: true,
      handler: async () => {
        runs++;
        await gate;
      },
    };
    const runner = new EmbeddedRunner([reg]);
    const first = runner.emit(drainEvent);
    const [second] = await runner.emit(drainEvent);
    expect(second).toEqual({ status: "skipped" });
    release();
    await first;
    expect(runs).toBe(1);
  });

  it("ignores an event id it has already seen (a duplicated event runs once)", async () => {
    let runs = 0;
    const reg: Registration = { id: "fn", events: ["sms/batch.requested"], handler: async () => void runs++ };
    const runner = new EmbeddedRunner([reg]);
    await runner.emit({ name: "sms/batch.requested", data: { batchId: 1 }, id: "batch-1" });
    await runner.emit({ name: "sms/batch.requested", data: { batchId: 1 }, id: "batch-1" });
    expect(runs).toBe(1);
  });

  it("schedules on the next 5-minute boundary of the clock", () => {
    const now = Date.UTC(2026, 10, 24, 12, 3, 20);
    const runner = new EmbeddedRunner([{ id: "drain", events: [], everyMinutes: 5, handler: async () => undefined }], { now: () => now });
    runner.start();
    expect(runner.nextRunAt("drain")?.toISOString()).toBe("2026-11-24T12:05:00.000Z");
    runner.stop();
  });

  it("fans out events sent from a step to the functions they trigger", async () => {
    const seen: number[] = [];
    let done!: () => void;
    const finished = new Promise<void>((r) => (done = r));
    const regs: Registration[] = [
      { id: "parent", events: ["sms/queue.drain-requested"], handler: async ({ step }) => step.sendEvent("fan-out", [{ name: "sms/batch.requested", data: { batchId: 7 } }]) },
      {
        id: "child",
        events: ["sms/batch.requested"],
        handler: async ({ event }) => {
          seen.push((event as { data: { batchId: number } }).data.batchId);
          done();
        },
      },
    ];
    await new EmbeddedRunner(regs).emit(drainEvent);
    await finished;
    expect(seen).toEqual([7]);
  });
});
