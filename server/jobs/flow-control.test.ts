// Protects the embedded runner's flow control as derived from the job definitions: a second run for
// a key at its limit waits for the first and then runs (Inngest queues it; skipping would lose a
// resume that arrived while the previous run was finishing), one run per provider account, and the
// drain stays a singleton that skips.
import { describe, expect, it } from "vitest";
import { EmbeddedRunner, type Registration } from "./embedded-runner";
import { JOB_IDS, type JobEvent } from "./events";
import { registrations } from "./runtime";

function gated(id: string) {
  const base = registrations().find((r) => r.id === id)!;
  const started: unknown[] = [];
  const gates: (() => void)[] = [];
  const reg: Registration = {
    ...base,
    handler: async ({ event }) => {
      started.push(event?.data);
      await new Promise<void>((r) => gates.push(r));
    },
  };
  return { reg, started, releaseNext: () => gates.shift()?.() };
}

const tick = () => new Promise((r) => setTimeout(r, 10));
const batch = (batchId: number, accountId: number, id: string): JobEvent & { id: string } => ({ name: "sms/batch.requested", data: { batchId, accountId }, id });

describe("embedded runner flow control (from the job definitions)", () => {
  it("queues a second run of the same batch until the first ends, then runs it", async () => {
    const { reg, started, releaseNext } = gated(JOB_IDS.batch);
    const runner = new EmbeddedRunner([reg]);
    const first = runner.emit(batch(1, 1, "a"));
    const second = runner.emit(batch(1, 1, "b"));
    await tick();
    expect(started).toHaveLength(1);
    releaseNext();
    await first;
    await tick();
    expect(started).toHaveLength(2);
    releaseNext();
    expect(await second).toEqual([{ status: "completed", result: undefined }]);
  });

  it("runs one batch per provider account at a time, batches of other accounts alongside", async () => {
    const { reg, started, releaseNext } = gated(JOB_IDS.batch);
    const runner = new EmbeddedRunner([reg]);
    const runs = [runner.emit(batch(1, 7, "a")), runner.emit(batch(2, 7, "b")), runner.emit(batch(3, 8, "c"))];
    await tick();
    expect(started).toEqual([{ batchId: 1, accountId: 7 }, { batchId: 3, accountId: 8 }]);
    releaseNext();
    releaseNext();
    await tick();
    expect(started).toHaveLength(3);
    expect(started[2]).toEqual({ batchId: 2, accountId: 7 });
    releaseNext();
    await Promise.all(runs);
  });

  it("skips a drain while one is in progress (singleton)", async () => {
    const { reg, started, releaseNext } = gated(JOB_IDS.drain);
    const runner = new EmbeddedRunner([reg]);
    const first = runner.emit({ name: "sms/queue.drain-requested", data: { requestedBy: "t" } });
    expect(await runner.emit({ name: "sms/queue.drain-requested", data: { requestedBy: "t" } })).toEqual([{ status: "skipped" }]);
    releaseNext();
    await first;
    expect(started).toHaveLength(1);
  });
});
