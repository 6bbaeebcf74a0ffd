/**
 * When the outbox is sent: when the app starts, the moment the connection is back, after any answer
 * from the server while something waits (the connection evidently works), and — only when the server
 * asked to wait (rate limit, busy) — again after a pause, so that its own answers never make it
 * hammer a busy server.
 */
import type { FlushResult } from "./outbox";

export type FlushTrigger = "start" | "online" | "answer" | "retry" | "manual";

export type FlushSchedulerDeps = {
  flush: () => Promise<FlushResult>;
  /** Whether the outbox holds something to send (kept current by the caller, no I/O). */
  hasPending: () => boolean;
  onFlushed?: (result: FlushResult) => void;
  retryMs: number;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (id: unknown) => void;
  now: () => number;
};

export type FlushScheduler = {
  trigger: (why: FlushTrigger) => Promise<void>;
  stop: () => void;
};

export function createFlushScheduler(deps: FlushSchedulerDeps): FlushScheduler {
  let running: Promise<void> | null = null;
  // A trigger that arrived during a flush, run once it ends (new items may have come in since).
  let queued: FlushTrigger | null = null;
  let busyUntil = 0;
  let timer: unknown = null;
  let stopped = false;

  const clear = () => {
    if (timer !== null) deps.clearTimer(timer);
    timer = null;
  };

  function trigger(why: FlushTrigger): Promise<void> {
    if (stopped) return Promise.resolve();
    if (why === "answer" && (!deps.hasPending() || deps.now() < busyUntil)) return Promise.resolve();
    if (running) {
      // The flush's own requests answer while it runs: those must not start another one.
      if (why !== "answer") queued = why;
      return running;
    }
    clear();
    running = deps
      .flush()
      .then((result) => {
        if (result.stoppedBy === "retry_later") {
          busyUntil = deps.now() + deps.retryMs;
          timer = deps.setTimer(() => {
            timer = null;
            void trigger("retry");
          }, deps.retryMs);
        }
        if (!stopped) deps.onFlushed?.(result);
      })
      .catch(() => {})
      .finally(() => {
        running = null;
        const next = queued;
        queued = null;
        if (next && !stopped) void trigger(next);
      });
    return running;
  }

  return {
    trigger,
    stop() {
      stopped = true;
      clear();
    },
  };
}
