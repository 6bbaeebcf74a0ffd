/**
 * The embedded runner: when no Inngest is configured (one machine), the same job handlers run
 * inside the Next server — the cron every 5 minutes, events at once, failed runs retried with
 * backoff. Step results are memoized per run, as Inngest does, so a retried run does not redo
 * finished steps.
 */
import { logger } from "@/server/lib/logger";
import type { JobEvent } from "./events";
import { type ConcurrencyRule, concurrencyKeyValue } from "./flow-control";
import type { StepTools } from "./steps";

export type JobHandler = (args: { step: StepTools; event: JobEvent | null }) => Promise<unknown>;

export type Registration = {
  id: string;
  events: JobEvent["name"][];
  /** Runs every N minutes, aligned to the clock (":00, :05, …" for 5). */
  everyMinutes?: number;
  /** Skip a new run while one is in progress (Inngest singleton "skip"). */
  singleton?: boolean;
  /**
   * Concurrency limits by key, as Inngest's: a run whose key already has `limit` runs in progress
   * waits for one to end (queued, as Inngest does) — skipping it would drop a resume or a
   * continuation that arrived while the previous run was finishing.
   */
  concurrency?: ConcurrencyRule[];
  retries?: number;
  handler: JobHandler;
};

export type RunOutcome = { status: "completed"; result: unknown } | { status: "skipped" } | { status: "failed"; error: string };

export class EmbeddedRunner {
  private readonly running = new Set<string>();
  /** Runs in progress per concurrency slot (`fn:rule:value`), and the runs waiting for a slot. */
  private readonly slots = new Map<string, number>();
  private waiters: (() => void)[] = [];
  private readonly seenEventIds = new Map<string, number>();
  private timers: NodeJS.Timeout[] = [];
  private readonly nextRuns = new Map<string, Date>();

  constructor(
    private readonly registrations: Registration[],
    private readonly opts: { retries?: number; backoffMs?: number; now?: () => number } = {},
  ) {}

  private now(): number {
    return this.opts.now?.() ?? Date.now();
  }

  /** When the scheduled function `id` runs next (for "próxima execução" on the queue screen). */
  nextRunAt(id: string): Date | null {
    return this.nextRuns.get(id) ?? null;
  }

  start(): void {
    for (const reg of this.registrations) {
      if (!reg.everyMinutes) continue;
      const period = reg.everyMinutes * 60_000;
      const schedule = () => {
        const next = Math.floor(this.now() / period) * period + period;
        this.nextRuns.set(reg.id, new Date(next));
        const t = setTimeout(() => {
          void this.run(reg, null);
          schedule();
        }, next - this.now());
        t.unref?.();
        this.timers.push(t);
      };
      schedule();
    }
  }

  stop(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers = [];
  }

  /** Delivers an event to every function it triggers; an event id seen before is ignored (dedup). */
  async emit(event: JobEvent & { id?: string }): Promise<RunOutcome[]> {
    if (event.id) {
      this.forgetOldEventIds();
      if (this.seenEventIds.has(event.id)) return [];
      this.seenEventIds.set(event.id, this.now());
    }
    const regs = this.registrations.filter((r) => r.events.includes(event.name));
    return Promise.all(regs.map((r) => this.run(r, event)));
  }

  async run(reg: Registration, event: JobEvent | null): Promise<RunOutcome> {
    if (reg.singleton && this.running.has(reg.id)) return { status: "skipped" };
    if (reg.singleton) this.running.add(reg.id);
    const keyed = (reg.concurrency ?? []).map((rule, i) => ({ slot: `${reg.id}:${i}:${concurrencyKeyValue(rule, event)}`, limit: rule.limit }));
    await this.acquire(keyed);
    const memo = new Map<string, unknown>();
    const retries = reg.retries ?? this.opts.retries ?? 3;
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          return { status: "completed", result: await reg.handler({ step: this.stepTools(memo), event }) };
        } catch (err) {
          logger.error({ area: "jobs", fn: reg.id, attempt, err }, "job run failed");
          if (attempt >= retries) return { status: "failed", error: (err as Error).message };
          await new Promise((r) => setTimeout(r, (this.opts.backoffMs ?? 1000) * 4 ** attempt));
        }
      }
    } finally {
      if (reg.singleton) this.running.delete(reg.id);
      this.release(keyed);
    }
  }

  /** Takes a place in every slot at once, waiting (in arrival order) while any of them is full. */
  private async acquire(keyed: { slot: string; limit: number }[]): Promise<void> {
    while (keyed.some((k) => (this.slots.get(k.slot) ?? 0) >= k.limit)) {
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
    for (const k of keyed) this.slots.set(k.slot, (this.slots.get(k.slot) ?? 0) + 1);
  }

  private release(keyed: { slot: string; limit: number }[]): void {
    if (keyed.length === 0) return;
    for (const k of keyed) {
      const n = (this.slots.get(k.slot) ?? 1) - 1;
      if (n <= 0) this.slots.delete(k.slot);
      else this.slots.set(k.slot, n);
    }
    // Every waiter checks again; those still blocked line up again in the same order.
    const woken = this.waiters;
    this.waiters = [];
    for (const w of woken) w();
  }

  private stepTools(memo: Map<string, unknown>): StepTools {
    return {
      run: async <T>(id: string, fn: () => Promise<T>): Promise<T> => {
        if (memo.has(id)) return memo.get(id) as T;
        const value = await fn();
        memo.set(id, value);
        return value;
      },
      sendEvent: async (id, events) => {
        if (memo.has(id)) return memo.get(id);
        const list = Array.isArray(events) ? events : [events];
        memo.set(id, { ids: list.map((e) => e.id ?? null) });
        // Fan-out runs proceed on their own, as with Inngest.
        for (const e of list) void this.emit(e as JobEvent & { id?: string });
        return memo.get(id);
      },
      sleep: async (id, ms) => {
        if (memo.has(id)) return;
        await new Promise((r) => setTimeout(r, ms));
        memo.set(id, true);
      },
    };
  }

  private forgetOldEventIds(): void {
    const dayAgo = this.now() - 24 * 3_600_000;
    for (const [id, at] of this.seenEventIds) if (at < dayAgo) this.seenEventIds.delete(id);
  }
}
