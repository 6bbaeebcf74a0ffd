/** The Inngest functions: triggers and flow control around the handlers (thin on purpose). */
import { cron } from "inngest";
import { inngest } from "./client";
import { jobContext } from "./context";
import { batchRequested, DRAIN_CRON, JOB_IDS, queueDrainRequested } from "./events";
import { sendBatch } from "./handlers/send-batch";
import { drainQueue } from "./handlers/drain-queue";
import { fromInngestStep } from "./steps";

export const drainSmsQueue = inngest.createFunction(
  {
    id: JOB_IDS.drain,
    triggers: [cron(DRAIN_CRON), queueDrainRequested],
    // Runs never overlap: a tick that finds the previous drain still running is skipped.
    singleton: { mode: "skip" },
  },
  async ({ step }) => drainQueue({ step: fromInngestStep(step), db: jobContext.db() }),
);

export const expandAndSendBatch = inngest.createFunction(
  {
    id: JOB_IDS.batch,
    triggers: [batchRequested],
    // One run per batch at a time: a duplicated or resumed event never sends a batch twice in parallel.
    concurrency: [{ key: "event.data.batchId", limit: 1 }],
  },
  async ({ event, step }) => sendBatch({ step: fromInngestStep(step), db: jobContext.db(), batchId: event.data.batchId, run: event.data.run ?? 0 }),
);

export const functions = [drainSmsQueue, expandAndSendBatch];
