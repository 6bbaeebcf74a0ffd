import { env } from "@/server/env";
import { inngest } from "./client";
import { jobContext } from "./context";
import { EmbeddedRunner, type Registration } from "./embedded-runner";
import { type JobDefinition, jobDefinitions } from "./definitions";
import { JOB_IDS, type JobEvent } from "./events";

/** The embedded runner's registrations, derived from the job definitions (as functions.ts is). */
export function registrations(): Registration[] {
  return jobDefinitions.map((def: JobDefinition<never>) => ({
    id: def.id,
    events: def.events.map((e) => e.name),
    everyMinutes: def.cron?.everyMinutes,
    singleton: def.singleton,
    concurrency: def.concurrency,
    retries: def.retries,
    handler: def.handler as Registration["handler"],
  }));
}

const globalForRunner = globalThis as unknown as { __smsRunner?: EmbeddedRunner };

export function embeddedRunner(): EmbeddedRunner {
  // Durable: requests are job_outbox rows in the app's database, picked up again after a restart.
  globalForRunner.__smsRunner ??= new EmbeddedRunner(registrations(), { outbox: { db: () => jobContext.db() } });
  return globalForRunner.__smsRunner;
}

/** Sends an event to whoever drives the jobs: Inngest when configured, else the embedded runner. */
export async function sendJobEvent(event: JobEvent & { id?: string }): Promise<void> {
  if (env().jobs === "inngest") {
    await inngest.send(event);
    return;
  }
  await embeddedRunner().request(event);
}

/** When the queue is drained next: the runner knows; with Inngest, the next 5-minute boundary. */
export function nextDrainAt(now = Date.now()): Date {
  if (env().jobs === "embedded") {
    const at = embeddedRunner().nextRunAt(JOB_IDS.drain);
    if (at) return at;
  }
  return new Date(Math.floor(now / 300_000) * 300_000 + 300_000);
}
