/** The Inngest functions, derived from the job definitions (definitions.ts): nothing is declared here. */
import { cron } from "inngest";
import { inngest } from "./client";
import { batchJob, drainJob } from "./definitions";
import type { BatchRequestedEvent } from "./events";
import { fromInngestStep } from "./steps";

export const drainSmsQueue = inngest.createFunction(
  {
    id: drainJob.id,
    triggers: [cron(drainJob.cron!.expression), ...drainJob.events],
    singleton: drainJob.singleton ? { mode: "skip" } : undefined,
    retries: drainJob.retries as 3,
  },
  async ({ step }) => drainJob.handler({ step: fromInngestStep(step), event: null }),
);

export const expandAndSendBatch = inngest.createFunction(
  {
    id: batchJob.id,
    triggers: [...batchJob.events],
    concurrency: batchJob.concurrency,
    retries: batchJob.retries as 3,
  },
  async ({ event, step }) => batchJob.handler({ step: fromInngestStep(step), event: { name: "sms/batch.requested", data: event.data as BatchRequestedEvent["data"] } }),
);

export const functions = [drainSmsQueue, expandAndSendBatch];
