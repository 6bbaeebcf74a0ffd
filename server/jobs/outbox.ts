/**
 * The durable side of the embedded runner: every requested job is a `job_outbox` row first. A
 * runner claims rows with a lease it keeps renewing while the run is alive; a row whose lease
 * expired belongs to a runner that died (`kill -9`, a crash, a restart) and is claimed again, so
 * the work continues by itself. Runs are idempotent by design (handlers re-read their state from
 * the database at every step), so running a row again after a crash sends nothing twice.
 */
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobOutbox } from "@/db/schema";
import type { JobEvent } from "./events";

/** A run that crashes this many times is given up (status "failed") instead of looping forever. */
export const MAX_JOB_ATTEMPTS = 10;

export type ClaimedJob = { id: number; event: JobEvent & { id: string }; attempts: number };

/**
 * The insert that requests a job, for a verb to put in the same `db.batch` as the state change that
 * causes it (both happen or neither). A repeated event id adds nothing.
 */
export function jobRequestStatement(db: Db, event: JobEvent & { id?: string }) {
  return db
    .insert(jobOutbox)
    .values({ eventId: event.id ?? randomUUID(), name: event.name, data: event.data })
    .onConflictDoNothing({ target: jobOutbox.eventId });
}

export async function requestJob(db: Db, event: JobEvent & { id?: string }): Promise<void> {
  await jobRequestStatement(db, event);
}

/** Claims up to `limit` due rows (pending, or running with an expired lease) in one statement. */
export async function claimJobs(db: Db, opts: { owner: string; leaseMs: number; now: number; limit: number }): Promise<ClaimedJob[]> {
  const rows = await db.all<{ id: number; event_id: string; name: string; data: string; attempts: number }>(sql`
    UPDATE job_outbox SET status = 'running', lease_owner = ${opts.owner}, lease_until = ${opts.now + opts.leaseMs}, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM job_outbox
      WHERE (status = 'pending' AND run_after <= ${opts.now}) OR (status = 'running' AND lease_until < ${opts.now})
      ORDER BY id LIMIT ${opts.limit})
    RETURNING id, event_id, name, data, attempts`);
  return rows
    .map((r) => ({ id: Number(r.id), attempts: Number(r.attempts), event: { id: r.event_id, name: r.name, data: JSON.parse(r.data) } as JobEvent & { id: string } }))
    .sort((a, b) => a.id - b.id);
}

/** Keeps this runner's leases alive; a row another runner took over is not touched. */
export async function renewLeases(db: Db, ids: number[], owner: string, until: number): Promise<void> {
  if (ids.length === 0) return;
  await db.run(sql`UPDATE job_outbox SET lease_until = ${until} WHERE status = 'running' AND lease_owner = ${owner} AND id IN (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`);
}

export async function completeJob(db: Db, id: number, owner: string): Promise<void> {
  await db.update(jobOutbox).set({ status: "done", leaseUntil: null }).where(and(eq(jobOutbox.id, id), eq(jobOutbox.leaseOwner, owner)));
}

/** A failed run goes back in line after a backoff, or is given up after MAX_JOB_ATTEMPTS. */
export async function failJob(db: Db, job: ClaimedJob, owner: string, error: string, now: number, backoffMs: number): Promise<void> {
  const givenUp = job.attempts >= MAX_JOB_ATTEMPTS;
  await db
    .update(jobOutbox)
    .set({ status: givenUp ? "failed" : "pending", leaseUntil: null, lastError: error.slice(0, 500), runAfter: now + backoffMs * 2 ** Math.min(job.attempts, 10) })
    .where(and(eq(jobOutbox.id, job.id), eq(jobOutbox.leaseOwner, owner)));
}
