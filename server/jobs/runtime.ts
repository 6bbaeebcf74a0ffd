import { env } from "@/server/env";
import { inngest } from "./client";
import { jobContext } from "./context";
import { EmbeddedRunner, type Registration } from "./embedded-runner";
import type { JobEvent } from "./events";
import { drainQueue } from "./handlers/drain-queue";
import { sendBatch } from "./handlers/send-batch";

/** The handlers as the embedded runner registers them (same ids and triggers as functions.ts). */
export function registrations(): Registration[] {
  return [
    {
      id: "drain-sms-queue",
      events: ["sms/queue.drain-requested"],
      everyMinutes: 5,
      singleton: true,
      handler: ({ step }) => drainQueue({ step, db: jobContext.db() }),
    },
    {
      id: "expand-and-send-batch",
      events: ["sms/batch.requested"],
      // One run per batch at a time, as the Inngest function's concurrency key.
      concurrencyKey: (event) => String((event as Extract<JobEvent, { name: "sms/batch.requested" }> | null)?.data.batchId),
      handler: ({ step, event }) => {
        const data = (event as Extract<JobEvent, { name: "sms/batch.requested" }>).data;
        return sendBatch({ step, db: jobContext.db(), batchId: data.batchId, run: data.run ?? 0 });
      },
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
    const at = embeddedRunner().nextRunAt("drain-sms-queue");
    if (at) return at;
  }
  return new Date(Math.floor(now / 300_000) * 300_000 + 300_000);
}
