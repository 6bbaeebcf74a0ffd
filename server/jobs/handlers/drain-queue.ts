import type { Db } from "@/db/client";
import { releaseBatches } from "@/server/services/batches/release-batches";
import { settleBatches } from "@/server/services/batches/controls";
import { type ChunkResult, DRAIN_CHUNK, drainChunk, reconcileExpiredLeases } from "@/server/services/queue/drain";
import type { StepTools } from "../steps";

/** A run has at most 1,000 steps; the next tick continues where this one stopped. */
export const MAX_DRAIN_CHUNKS = 200;

export type DrainSummary = {
  released: number;
  batchesRequested: number;
  reconciled: { resolved: number; inDoubt: number };
  chunks: number;
  claimed: number;
  sent: number;
  retrying: number;
  failed: number;
  inDoubt: number;
  blocked: number;
  scheduled: number;
  batchesDone: number;
};

/**
 * drain-sms-queue: release scheduled batches that are due (and request every batch with sender work
 * left), reconcile interrupted sends, send due messages one chunk per step, then mark done the
 * batches whose last messages this (or an operator) settled.
 */
export async function drainQueue({ step, db }: { step: StepTools; db: Db }): Promise<DrainSummary> {
  const batches = await step.run("release-batches", () => releaseBatches(db));
  if (batches.requests.length > 0) {
    await step.sendEvent(
      "request-batches",
      batches.requests.map((r) => ({ name: "sms/batch.requested", data: { batchId: r.batchId, accountId: r.accountId }, id: r.eventId })),
    );
  }
  const reconciled = await step.run("reconcile-expired-leases", () => reconcileExpiredLeases(db));
  const total: DrainSummary = {
    released: batches.released.length,
    batchesRequested: batches.requests.length,
    reconciled,
    chunks: 0, claimed: 0, sent: 0, retrying: 0, failed: 0, inDoubt: 0, blocked: 0, scheduled: 0, batchesDone: 0,
  };
  for (let i = 0; i < MAX_DRAIN_CHUNKS; i++) {
    const r: ChunkResult = await step.run(`send-chunk-${i}`, () => drainChunk(db, { limit: DRAIN_CHUNK }));
    total.chunks++;
    for (const k of ["claimed", "sent", "retrying", "failed", "inDoubt", "blocked", "scheduled"] as const) total[k] += r[k];
    if (r.claimed < DRAIN_CHUNK) break;
  }
  total.batchesDone = (await step.run("settle-batches", () => settleBatches(db))).length;
  return total;
}
