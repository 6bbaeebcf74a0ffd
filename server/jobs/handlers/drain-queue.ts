import type { Db } from "@/db/client";
import { type ChunkResult, DRAIN_CHUNK, drainChunk, reconcileExpiredLeases } from "@/server/services/queue/drain";
import type { StepTools } from "../steps";

/** A run has at most 1,000 steps; the next tick continues where this one stopped. */
export const MAX_DRAIN_CHUNKS = 200;

export type DrainSummary = {
  reconciled: { resolved: number; inDoubt: number };
  chunks: number;
  claimed: number;
  sent: number;
  retrying: number;
  failed: number;
  inDoubt: number;
  blocked: number;
  scheduled: number;
};

/** drain-sms-queue: reconcile interrupted sends, then send due messages one chunk per step. */
export async function drainQueue({ step, db }: { step: StepTools; db: Db }): Promise<DrainSummary> {
  const reconciled = await step.run("reconcile-expired-leases", () => reconcileExpiredLeases(db));
  const total: DrainSummary = { reconciled, chunks: 0, claimed: 0, sent: 0, retrying: 0, failed: 0, inDoubt: 0, blocked: 0, scheduled: 0 };
  for (let i = 0; i < MAX_DRAIN_CHUNKS; i++) {
    const r: ChunkResult = await step.run(`send-chunk-${i}`, () => drainChunk(db, { limit: DRAIN_CHUNK }));
    total.chunks++;
    for (const k of ["claimed", "sent", "retrying", "failed", "inDoubt", "blocked", "scheduled"] as const) total[k] += r[k];
    if (r.claimed < DRAIN_CHUNK) break;
  }
  return total;
}
