/**
 * Every job declared once: id, triggers, flow control and handler. The Inngest functions
 * (functions.ts) and the embedded runner's registrations (runtime.ts) are both derived from these,
 * so the two drivers cannot drift apart (definitions.test.ts checks it).
 */
import { jobContext } from "./context";
import type { ConcurrencyRule } from "./flow-control";
import { type BatchRequestedEvent, batchRequested, DRAIN_CRON, JOB_IDS, type JobEvent, queueDrainRequested } from "./events";
import { drainQueue } from "./handlers/drain-queue";
import { sendBatch } from "./handlers/send-batch";
import type { StepTools } from "./steps";

export type JobDefinition<E extends JobEvent = JobEvent> = {
  id: string;
  /** A cron in Inngest's form and the same period in minutes, as the embedded runner schedules it. */
  cron?: { expression: string; everyMinutes: number };
  events: readonly (typeof batchRequested | typeof queueDrainRequested)[];
  /** Skip a new run while one is in progress (Inngest singleton "skip"). */
  singleton?: boolean;
  /** Inngest takes at most two keys. */
  concurrency?: [ConcurrencyRule] | [ConcurrencyRule, ConcurrencyRule];
  retries?: number;
  handler: (args: { step: StepTools; event: E | null }) => Promise<unknown>;
};

const defineJob = <E extends JobEvent>(def: JobDefinition<E>): JobDefinition<E> => def;

export const drainJob = defineJob({
  id: JOB_IDS.drain,
  cron: { expression: DRAIN_CRON, everyMinutes: 5 },
  events: [queueDrainRequested],
  // Runs never overlap: a tick that finds the previous drain still running is skipped.
  singleton: true,
  retries: 3,
  handler: ({ step }) => drainQueue({ step, db: jobContext.db() }),
});

export const batchJob = defineJob<BatchRequestedEvent>({
  id: JOB_IDS.batch,
  events: [batchRequested],
  // One run per batch at a time: a duplicated or resumed event never sends a batch twice in parallel.
  // One run per provider account at a time: its messages-per-second pacing lives in the process
  // running the steps, so two batches on one account never pace independently (the throttle by account).
  concurrency: [
    { key: "event.data.batchId", limit: 1 },
    { key: "event.data.accountId", limit: 1 },
  ],
  retries: 3,
  handler: ({ step, event }) => {
    if (!event) throw new Error("expand-and-send-batch runs only on sms/batch.requested");
    const d = event.data;
    return sendBatch({ step, db: jobContext.db(), batchId: d.batchId, accountId: d.accountId ?? 0, run: d.run ?? 0 });
  },
});

export const jobDefinitions = [drainJob, batchJob] as const;
