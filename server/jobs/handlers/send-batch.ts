import type { Db } from "@/db/client";
import { type BatchChunkResult, sendBatchChunk } from "@/server/services/batches/send-batch-chunk";
import type { StepTools } from "../steps";

/** Chunks per run, well under Inngest's 1,000 steps; a bigger batch continues in a child run. */
export const MAX_BATCH_CHUNKS_PER_RUN = 500;

export type BatchRunSummary = { batchId: number; chunks: number; state: BatchChunkResult["state"] | "continued"; created: number; sent: number; scheduled: number; failed: number };

/** expand-and-send-batch: one step per chunk of the snapshot; stops on pause/cancel/done. */
export async function sendBatch({ step, db, batchId, accountId = 0, run = 0 }: { step: StepTools; db: Db; batchId: number; accountId?: number; run?: number }): Promise<BatchRunSummary> {
  const sum: BatchRunSummary = { batchId, chunks: 0, state: "more", created: 0, sent: 0, scheduled: 0, failed: 0 };
  for (let i = 0; i < MAX_BATCH_CHUNKS_PER_RUN; i++) {
    const r = await step.run(`send-chunk-${i}`, () => sendBatchChunk(db, batchId));
    sum.chunks++;
    for (const k of ["created", "sent", "scheduled", "failed"] as const) sum[k] += r[k];
    sum.state = r.state;
    if (r.state !== "more") return sum;
  }
  // The event id makes the continuation happen once even if this step is retried.
  await step.sendEvent("continue-batch", { name: "sms/batch.requested", data: { batchId, accountId, run: run + 1 }, id: `batch-${batchId}-run-${run + 1}` });
  return { ...sum, state: "continued" };
}
