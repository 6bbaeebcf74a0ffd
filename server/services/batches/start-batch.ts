/**
 * The batch verbs that hand work to the sender: create ("Enviar"), resume and re-send failures
 * each record the change, then request `sms/batch.requested` (ids only in the payload). Event ids
 * make a repeated request run once.
 */
import type { Db } from "@/db/client";
import { sendJobEvent } from "@/server/jobs/runtime";
import { resendFailed, resumeBatch } from "./controls";
import { createBatch } from "./create-batch";
import { findDefaultAccount } from "../sms-accounts/account-store";
import type { BatchIdInput, CreateBatchInput } from "./schemas";
import { requirePermission } from "@/server/services/permissions";
import type { ServiceContext } from "@/server/services/context";


export async function startBatch(ctx: ServiceContext, input: CreateBatchInput) {
  requirePermission(ctx, "batches.create");
  const out = await createBatch(ctx, input);
  // A scheduled batch is a database row the queue drain releases at its time (release-batches.ts).
  if (out.batch.status === "scheduled") return out;
  await sendJobEvent({ name: "sms/batch.requested", data: { batchId: out.batch.id, accountId: await sendingAccountId(ctx.db, out.batch.providerAccountId) }, id: `batch-${out.batch.id}` });
  return out;
}

export async function resumeAndSend(ctx: ServiceContext, input: BatchIdInput) {
  requirePermission(ctx, "batches.send");
  const out = await resumeBatch(ctx, input);
  await sendJobEvent({ name: "sms/batch.requested", data: { batchId: out.id, accountId: await sendingAccountId(ctx.db, out.providerAccountId) }, id: `batch-${out.id}-resume-${Date.now()}` });
  return out;
}

export async function resendFailedAndSend(ctx: ServiceContext, input: BatchIdInput) {
  requirePermission(ctx, "batches.send");
  const out = await resendFailed(ctx, input);
  await sendJobEvent({ name: "sms/batch.requested", data: { batchId: out.id, accountId: await sendingAccountId(ctx.db, out.providerAccountId) }, id: `batch-${out.id}-resend-${Date.now()}` });
  return out;
}

/** The account a batch sends through: its own, else today's default (0 when there is none). */
async function sendingAccountId(db: Db, providerAccountId: number | null): Promise<number> {
  return providerAccountId ?? (await findDefaultAccount(db))?.id ?? 0;
}
