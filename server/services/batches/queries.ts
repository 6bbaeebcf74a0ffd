import { and, desc, eq, gt, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { customer, smsBatch, smsBatchRecipient, smsMessage, user } from "@/db/schema";
import { formatPhoneNational } from "@/server/sms/phone";
import { notFound } from "../errors";
import { BATCH_PAGE_SIZE } from "./constants";
import { describeFilters } from "./filter-labels";
import { parseInput } from "./parse";
import { batchProgress, batchProgressMany } from "./progress";
import { EMPTY_CONTEXT, loadRenderContexts, renderBatchMessage, textRulesFor } from "./render";
import {
  type BatchIdInput, batchIdInput, type BatchOutput, type BatchWithProgressOutput, type ListBatchesInput, listBatchesInput,
  type ListBatchesOutput, type ListBatchRecipientsInput, listBatchRecipientsInput, type ListBatchRecipientsOutput,
} from "./schemas";
import { requirePermission } from "@/server/services/permissions";
import type { ServiceContext } from "@/server/services/context";

export type BatchRow = typeof smsBatch.$inferSelect;

export async function findBatch(db: Db, batchId: number): Promise<BatchRow> {
  const [row] = await db.select().from(smsBatch).where(eq(smsBatch.id, batchId));
  if (!row) throw notFound("Lote não encontrado.");
  return row;
}

async function toOutput(db: Db, row: BatchRow, creatorName: string | null): Promise<BatchOutput> {
  return {
    id: row.id,
    status: row.status,
    filters: row.filters,
    filterSummary: await describeFilters(db, row.filters),
    motivo: row.motivo,
    template: row.template,
    category: row.category,
    createdBy: { id: row.createdBy, name: creatorName ?? "" },
    providerAccountId: row.providerAccountId,
    deselectedCustomers: row.deselectedCustomerIds.length,
    maxParts: row.maxParts,
    recipients: row.recipients,
    createdAt: row.createdAt,
    scheduledAt: row.scheduledAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
  };
}

async function creatorName(db: Db, userId: string): Promise<string | null> {
  const [u] = await db.select({ name: user.name }).from(user).where(eq(user.id, userId));
  return u?.name ?? null;
}

export async function loadBatchOutput(db: Db, batchId: number): Promise<BatchOutput> {
  const row = await findBatch(db, batchId);
  return toOutput(db, row, await creatorName(db, row.createdBy));
}

/** The batch with its progress (the history screen polls it while the batch runs). */
export async function getBatch(ctx: ServiceContext, input: BatchIdInput): Promise<BatchWithProgressOutput> {
  requirePermission(ctx, "batches.read");
  const { db } = ctx;
  const { batchId } = parseInput(batchIdInput, input);
  const row = await findBatch(db, batchId);
  const out = await toOutput(db, row, await creatorName(db, row.createdBy));
  return { ...out, progress: await batchProgress(db, row.id, row.status) };
}

/** The batches grid, newest first (keyset on id). */
export async function listBatches(ctx: ServiceContext, input: ListBatchesInput): Promise<ListBatchesOutput> {
  requirePermission(ctx, "batches.read");
  const { db } = ctx;
  const data = parseInput(listBatchesInput, input);
  const rows = await db
    .select({ batch: smsBatch, creator: user.name })
    .from(smsBatch)
    .leftJoin(user, eq(user.id, smsBatch.createdBy))
    .where(and(data.cursor ? lt(smsBatch.id, data.cursor) : undefined, data.status ? eq(smsBatch.status, data.status) : undefined))
    .orderBy(desc(smsBatch.id))
    .limit(data.limit + 1);
  const page = rows.slice(0, data.limit);
  const progress = await batchProgressMany(db, page.map((r) => r.batch));
  const items: BatchWithProgressOutput[] = [];
  for (const r of page) items.push({ ...(await toOutput(db, r.batch, r.creator)), progress: progress.get(r.batch.id)! });
  return { items, nextCursor: rows.length > data.limit ? (page.at(-1)?.batch.id ?? null) : null };
}

/** What recipients the sender has not reached yet will receive: the template rendered as the sender will. */
async function pendingBodies(db: Db, batch: BatchRow, rows: readonly { id: number; customerId: number | null; body: string | null }[]) {
  const pending = rows.filter((r) => r.body === null);
  const out = new Map<number, string>();
  if (pending.length === 0) return out;
  const rules = await textRulesFor(db, { accountId: batch.providerAccountId, maxParts: batch.maxParts });
  const contexts = await loadRenderContexts(db, pending.flatMap((r) => (r.customerId === null ? [] : [r.customerId])));
  for (const r of pending) {
    const ctx = (r.customerId !== null ? contexts.get(r.customerId) : undefined) ?? EMPTY_CONTEXT;
    out.set(r.id, renderBatchMessage(batch.template, ctx, rules).body);
  }
  return out;
}

/** A batch's recipients in snapshot order with their current message's status (keyset on id). */
export async function listBatchRecipients(ctx: ServiceContext, input: ListBatchRecipientsInput): Promise<ListBatchRecipientsOutput> {
  requirePermission(ctx, "batches.read");
  const { db } = ctx;
  const data = parseInput(listBatchRecipientsInput, input);
  const batch = await findBatch(db, data.batchId);
  const rows = await db
    .select({
      id: smsBatchRecipient.id,
      customerId: smsBatchRecipient.customerId,
      customerCode: customer.code,
      customerName: customer.name,
      phoneE164: smsBatchRecipient.phoneE164,
      attempt: smsBatchRecipient.attempt,
      messageId: smsBatchRecipient.messageId,
      status: smsMessage.status,
      errorMessage: smsMessage.lastErrorMessage,
      body: smsMessage.body,
    })
    .from(smsBatchRecipient)
    .leftJoin(customer, eq(customer.id, smsBatchRecipient.customerId))
    .leftJoin(smsMessage, eq(smsMessage.id, smsBatchRecipient.messageId))
    .where(and(eq(smsBatchRecipient.batchId, data.batchId), gt(smsBatchRecipient.id, data.cursor ?? 0)))
    .orderBy(smsBatchRecipient.id)
    .limit(BATCH_PAGE_SIZE + 1);
  const page = rows.slice(0, BATCH_PAGE_SIZE);
  const bodies = await pendingBodies(db, batch, page);
  return {
    items: page.map(({ phoneE164, body, ...r }) => ({ ...r, phone: formatPhoneNational(phoneE164), body: body ?? bodies.get(r.id) ?? "" })),
    nextCursor: rows.length > BATCH_PAGE_SIZE ? (page.at(-1)?.id ?? null) : null,
  };
}
