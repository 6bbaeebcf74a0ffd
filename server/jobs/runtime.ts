import { env } from "@/server/env";
import { inngest } from "./client";
import { jobContext } from "./context";
import { EmbeddedRunner, type Registration } from "./embedded-runner";
import { batchRequested, JOB_IDS, type JobEvent, queueDrainRequested } from "./events";
import { drainQueue } from "./handlers/drain-queue";
import { sendBatch } from "./handlers/send-batch";

type BatchEvent = Extract<JobEvent, { name: "sms/batch.requested" }>;
/** The runner only delivers batch events to the batch function (its `events` below). */
const batchData = (event: JobEvent | null) => (event as BatchEvent | null)?.data;

/** The handlers as the embedded runner registers them (same ids and triggers as functions.ts). */
export function registrations(): Registration[] {
  return [
    {
      id: JOB_IDS.drain,
      events: [queueDrainRequested.name],
      everyMinutes: 5,
      singleton: true,
      handler: ({ step }) => drainQueue({ step, db: jobContext.db() }),
    },
    {
      id: JOB_IDS.batch,
      events: [batchRequested.name],
      // One run per batch at a time, as the Inngest function's concurrency key.
      concurrencyKey: (event) => String(batchData(event)?.batchId),
      handler: ({ step, event }) => sendBatch({ step, db: jobContext.db(), batchId: batchData(event)!.batchId, run: batchData(event)?.run ?? 0 }),
    },
  ];
}

const globalForRunner = globalThis as unknown as { __smsRunner?: EmbeddedRunner };

export function embeddedRunner(): EmbeddedRunner {
  globalForRunner.__smsRunner ??= new EmbeddedRunner(registrations());
  return globalForRunner.__smsRunner;
}

/** Sends an event to whoever drives the jobs: Inngest when configured, else the embedded runner. */
export async function sendJobEvent(event: JobEvent & { id?: string }): Promise<void> {
  if (env().jobs === "inngest") {
    await inngest.send(event);
    return;
  }
  void embeddedRunner().emit(event);
}

/** When the queue is drained next: the runner knows; with Inngest, the next 5-minute boundary. */
export function nextDrainAt(now = Date.now()): Date {
  if (env().jobs === "embedded") {
    const at = embeddedRunner().nextRunAt(JOB_IDS.drain);
    if (at) return at;
  }
  return new Date(Math.floor(now / 300_000) * 300_000 + 300_000);
}
