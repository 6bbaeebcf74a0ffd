// When the outbox is sent: at start, the moment the connection returns, after any answer from the
// server while something waits — never in a loop fed by its own answers, and after a pause when the
// server asked to wait.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createFlushScheduler } from "./flush-scheduler";
import type { FlushResult } from "./outbox";

const RETRY_MS = 30_000;

function setup(results: FlushResult[] = []) {
  const state = { pending: true, flushes: 0, release: [] as (() => void)[], hold: false };
  const scheduler = createFlushScheduler({
    flush: () => {
      state.flushes++;
      const result = results.shift() ?? { sent: 1, failed: 0, waiting: 0 };
      if (!state.hold) return Promise.resolve(result);
      return new Promise<FlushResult>((resolve) => state.release.push(() => resolve(result)));
    },
    hasPending: () => state.pending,
    retryMs: RETRY_MS,
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
    now: () => Date.now(),
  });
  return { scheduler, state };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("outbox flush scheduler", () => {
  it("flushes at once when the connection returns (no timer to wait for)", async () => {
    const { scheduler, state } = setup();
    await scheduler.trigger("online");
    expect(state.flushes).toBe(1);
  });

  it("flushes after an answer from the server while something waits, not when nothing does", async () => {
    const { scheduler, state } = setup();
    state.pending = false;
    await scheduler.trigger("answer");
    expect(state.flushes).toBe(0);
    state.pending = true;
    await scheduler.trigger("answer");
    expect(state.flushes).toBe(1);
  });

  it("answers arriving during a flush (its own requests) do not start another one", async () => {
    const { scheduler, state } = setup();
    state.hold = true;
    const first = scheduler.trigger("start");
    for (let i = 0; i < 5; i++) void scheduler.trigger("answer");
    state.release.shift()!();
    await first;
    await vi.advanceTimersByTimeAsync(0);
    expect(state.flushes).toBe(1);
  });

  it("a reconnection during a flush runs one more flush afterwards", async () => {
    const { scheduler, state } = setup();
    state.hold = true;
    const first = scheduler.trigger("start");
    void scheduler.trigger("online");
    void scheduler.trigger("online");
    state.release.shift()!();
    await first;
    await vi.advanceTimersByTimeAsync(0);
    expect(state.flushes).toBe(2);
    state.release.shift()!();
    await vi.advanceTimersByTimeAsync(0);
    expect(state.flushes).toBe(2);
  });

  it("when the server asks to wait, answers do not flush again until the pause is over, then it retries by itself", async () => {
    const { scheduler, state } = setup([{ sent: 0, failed: 0, waiting: 2, stoppedBy: "retry_later" }]);
    await scheduler.trigger("start");
    expect(state.flushes).toBe(1);
    await scheduler.trigger("answer");
    await vi.advanceTimersByTimeAsync(RETRY_MS - 1);
    expect(state.flushes).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(state.flushes).toBe(2);
    // The pause is over: answers flush again.
    await scheduler.trigger("answer");
    expect(state.flushes).toBe(3);
  });

  it("no timer keeps running when messages wait for the connection", async () => {
    const { scheduler, state } = setup([{ sent: 0, failed: 0, waiting: 1, stoppedBy: "offline" }]);
    await scheduler.trigger("start");
    await vi.advanceTimersByTimeAsync(5 * RETRY_MS);
    expect(state.flushes).toBe(1);
    await scheduler.trigger("online");
    expect(state.flushes).toBe(2);
  });

  it("does nothing once stopped", async () => {
    const { scheduler, state } = setup([{ sent: 0, failed: 0, waiting: 1, stoppedBy: "retry_later" }]);
    await scheduler.trigger("start");
    scheduler.stop();
    await vi.advanceTimersByTimeAsync(2 * RETRY_MS);
    await scheduler.trigger("online");
    expect(state.flushes).toBe(1);
  });
});
