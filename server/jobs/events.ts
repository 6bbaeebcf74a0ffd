import { eventType } from "inngest";
import { z } from "zod";

// Payloads carry ids only: never phone numbers or message texts (brazil-sms.md, LGPD).

/**
 * `run` > 0 continues a batch too big for one run (a run has at most 1,000 steps). `accountId` is
 * the provider account the batch sends through (0: the default account when it was requested):
 * the flow-control key that keeps one run per account sending, so the account's pacing holds even
 * with several app servers.
 */
export const batchRequestedSchema = z.object({
  batchId: z.number().int().positive(),
  accountId: z.number().int().nonnegative().optional(),
  run: z.number().int().nonnegative().optional(),
});
export const batchRequested = eventType("sms/batch.requested", { schema: batchRequestedSchema });

/** "Processar fila agora": an admin asks for a drain outside the 5-minute schedule. */
export const queueDrainRequestedSchema = z.object({ requestedBy: z.string() });
export const queueDrainRequested = eventType("sms/queue.drain-requested", { schema: queueDrainRequestedSchema });

export const DRAIN_CRON = "TZ=America/Sao_Paulo */5 * * * *";

// Event types are inferred from the schemas, so a payload change is made in one place.
export type BatchRequestedEvent = { name: typeof batchRequested.name; data: z.infer<typeof batchRequestedSchema> };
export type QueueDrainRequestedEvent = { name: typeof queueDrainRequested.name; data: z.infer<typeof queueDrainRequestedSchema> };
export type JobEvent = BatchRequestedEvent | QueueDrainRequestedEvent;

/** Function ids, shared by the Inngest functions and the embedded runner's registrations. */
export const JOB_IDS = { drain: "drain-sms-queue", batch: "expand-and-send-batch" } as const;
