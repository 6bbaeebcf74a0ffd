import { eventType } from "inngest";
import { z } from "zod";

// Payloads carry ids only: never phone numbers or message texts (brazil-sms.md, LGPD).

/**
 * `run` > 0 continues a batch too big for one run (a run has at most 1,000 steps). `accountId` is
 * the provider account the batch sends through (0: the default account when it was requested):
 * the flow-control key that keeps one run per account sending, so the account's pacing holds even
 * with several app servers.
 */
export const batchRequested = eventType("sms/batch.requested", {
  schema: z.object({ batchId: z.number().int().positive(), accountId: z.number().int().nonnegative().optional(), run: z.number().int().nonnegative().optional() }),
});

/** "Processar fila agora": an admin asks for a drain outside the 5-minute schedule. */
export const queueDrainRequested = eventType("sms/queue.drain-requested", { schema: z.object({ requestedBy: z.string() }) });

export const DRAIN_CRON = "TZ=America/Sao_Paulo */5 * * * *";

export type JobEvent = { name: "sms/batch.requested"; data: { batchId: number; accountId?: number; run?: number } } | { name: "sms/queue.drain-requested"; data: { requestedBy: string } };

/** Function ids, shared by the Inngest functions and the embedded runner's registrations. */
export const JOB_IDS = { drain: "drain-sms-queue", batch: "expand-and-send-batch" } as const;
