/** The Inngest functions: triggers and flow control around the handlers (thin on purpose). */
import { cron } from "inngest";
import { inngest } from "./client";
import { jobContext } from "./context";
import { DRAIN_CRON, queueDrainRequested } from "./events";
import { drainQueue } from "./handlers/drain-queue";
import { fromInngestStep } from "./steps";

export const drainSmsQueue = inngest.createFunction(
  {
    id: "drain-sms-queue",
    triggers: [cron(DRAIN_CRON), queueDrainRequested],
    // Runs never overlap: a tick that finds the previous drain still running is skipped.
    singleton: { mode: "skip" },
  },
  async ({ step }) => drainQueue({ step: fromInngestStep(step), db: jobContext.db() }),
);

export const functions = [drainSmsQueue];
