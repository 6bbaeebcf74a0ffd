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
    // One run per provider account at a time: its messages-per-second pacing lives in the process
    // running the steps, so two batches on one account never pace independently (the throttle by account).
    concurrency: [
      { key: "event.data.batchId", limit: 1 },
      { key: "event.data.accountId", limit: 1 },
    ],
  },
  async ({ event, step }) => sendBatch({ step: fromInngestStep(step), db: jobContext.db(), batchId: event.data.batchId, accountId: event.data.accountId ?? 0, run: event.data.run ?? 0 }),
);

export const functions = [drainSmsQueue, expandAndSendBatch];
