/**
 * The embedded runner: when no Inngest is configured (one machine), the same job handlers run
 * inside the Next server — the cron every 5 minutes, events at once, failed runs retried with
 * backoff. Step results are memoized per run, as Inngest does, so a retried run does not redo
 * finished steps.
 */
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Db } from "@/db/client";
import { logger } from "@/server/lib/logger";
import type { JobEvent } from "./events";
import { type ConcurrencyRule, concurrencyKeyValue } from "./flow-control";
import { type ClaimedJob, claimJobs, completeJob, failJob, MAX_JOB_ATTEMPTS, renewLeases, requestJob } from "./outbox";
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

/** Where requests are kept when the runner is durable (the app's database); see outbox.ts. */
export type OutboxOptions = { db: () => Db; owner?: string; leaseMs?: number; pollMs?: number };

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
    private readonly opts: { retries?: number; backoffMs?: number; now?: () => number; outbox?: OutboxOptions } = {},
  ) {
    this.owner = opts.outbox?.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  }

  private readonly owner: string;
  private polling: Promise<void> | null = null;
  private pollAgain = false;
  /** Outbox rows this runner is running: a re-claim of its own row (a late renewal) is not run twice. */
  private readonly inFlight = new Set<number>();

  private now(): number {
    return this.opts.now?.() ?? Date.now();
  }

  /** When the scheduled function `id` runs next (for "próxima execução" on the queue screen). */
  nextRunAt(id: string): Date | null {
    return this.nextRuns.get(id) ?? null;
  }

  start(): void {
    const outbox = this.opts.outbox;
    if (outbox) {
      // At start: rows left by a previous process (expired leases) and requests made meanwhile.
      this.poke();
      const t = setInterval(() => this.poke(), outbox.pollMs ?? 5_000);
      t.unref?.();
      this.timers.push(t);
    }
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
    // clearTimeout also clears an interval (one id space in Node).
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
    return this.deliver(event);
  }

  private deliver(event: JobEvent): Promise<RunOutcome[]> {
    const regs = this.registrations.filter((r) => r.events.includes(event.name));
    return Promise.all(regs.map((r) => this.run(r, event)));
  }

  /** Requests a job: a durable runner stores it first (and runs it at once); else it runs in memory. */
  async request(event: JobEvent & { id?: string }): Promise<void> {
    const outbox = this.opts.outbox;
    if (!outbox) {
      void this.emit(event);
      return;
    }
    await requestJob(outbox.db(), event);
    this.poke();
  }

  /** Claims and runs the due outbox rows now (one poll at a time; a poke during one polls again). */
  poke(): void {
    if (this.polling) {
      this.pollAgain = true;
      return;
    }
    this.polling = this.poll()
      .catch((err: unknown) => logger.error({ area: "jobs", err }, "job outbox poll failed"))
      .finally(() => {
        this.polling = null;
        if (this.pollAgain) {
          this.pollAgain = false;
          this.poke();
        }
      });
  }

  /** Resolves when no poll is under way (tests and the restart script wait on it). */
  async idle(): Promise<void> {
    while (this.polling) await this.polling;
  }

  private async poll(): Promise<void> {
    const outbox = this.opts.outbox!;
    const jobs = await claimJobs(outbox.db(), { owner: this.owner, leaseMs: outbox.leaseMs ?? 30_000, now: this.now(), limit: 100 });
    for (const job of jobs) if (!this.inFlight.has(job.id)) void this.process(job, outbox);
  }

  private async process(job: ClaimedJob, outbox: OutboxOptions): Promise<void> {
    const db = outbox.db();
    const leaseMs = outbox.leaseMs ?? 30_000;
    // Renewed while the run is alive or waiting in line for its concurrency slot.
    const renew = setInterval(() => void renewLeases(db, [job.id], this.owner, this.now() + leaseMs).catch(() => undefined), leaseMs / 3);
    renew.unref?.();
    this.inFlight.add(job.id);
    try {
      if (job.attempts > MAX_JOB_ATTEMPTS) return await failJob(db, job, this.owner, "too many attempts", this.now(), 0);
      const outcomes = await this.deliver(job.event);
      const failed = outcomes.find((o) => o.status === "failed");
      if (failed) await failJob(db, job, this.owner, failed.error, this.now(), this.opts.backoffMs ?? 1000);
      else await completeJob(db, job.id, this.owner);
    } catch (err) {
      logger.error({ area: "jobs", job: job.id, err }, "job outbox row failed");
    } finally {
      this.inFlight.delete(job.id);
      clearInterval(renew);
    }
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
        // Fan-out runs proceed on their own, as with Inngest (stored first when durable).
        for (const e of list) await this.request(e as JobEvent & { id?: string });
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
