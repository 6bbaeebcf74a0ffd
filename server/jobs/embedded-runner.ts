/**
 * The embedded runner: when no Inngest is configured (one machine), the same job handlers run
 * inside the Next server — the cron every 5 minutes, events at once, failed runs retried with
 * backoff. Step results are memoized per run, as Inngest does, so a retried run does not redo
 * finished steps.
 */
import { logger } from "@/server/lib/logger";
import type { JobEvent } from "./events";
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
   * Skip a new run while one with the same key is in progress (e.g. the same batch). The running
   * one carries on with the work, so nothing is lost by skipping.
   */
  concurrencyKey?: (event: JobEvent | null) => string;
  handler: JobHandler;
};

export type RunOutcome = { status: "completed"; result: unknown } | { status: "skipped" } | { status: "failed"; error: string };

export class EmbeddedRunner {
  private readonly running = new Set<string>();
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
    const slot = reg.concurrencyKey ? `${reg.id}:${reg.concurrencyKey(event)}` : reg.singleton ? reg.id : null;
    if (slot !== null && this.running.has(slot)) return { status: "skipped" };
    if (slot !== null) this.running.add(slot);
    const memo = new Map<string, unknown>();
    const retries = this.opts.retries ?? 3;
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
      if (slot !== null) this.running.delete(slot);
    }
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
