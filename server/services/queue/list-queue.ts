import { and, asc, eq, gt, inArray } from "drizzle-orm";
import { customer, smsMessage } from "@/db/schema";
import { formatPhoneNational } from "@/server/sms/phone";
import { parseInput } from "../batches/parse";
import { isOperatorScheduled } from "./queue-actions";
import { type ListQueueInput, listQueueInput, type ListQueueOutput, PENDING_STATUSES, type PendingStatus } from "./schemas";
import { requirePermission } from "@/server/services/permissions";
import type { ServiceContext } from "@/server/services/context";

const isPending = (s: string): s is PendingStatus => (PENDING_STATUSES as readonly string[]).includes(s);

/** "Fila de SMS": every pending message, oldest first (keyset on id), optionally by status and origin. */
export async function listQueue(ctx: ServiceContext, input: ListQueueInput): Promise<ListQueueOutput> {
  requirePermission(ctx, "queue.manage");
  const { db } = ctx;
  const data = parseInput(listQueueInput, input);
  const rows = await db
    .select({
      id: smsMessage.id,
      origin: smsMessage.origin,
      category: smsMessage.category,
      customerId: customer.id,
      customerName: customer.name,
      customerCode: customer.code,
      phoneE164: smsMessage.phoneE164,
      motivo: smsMessage.motivo,
      status: smsMessage.status,
      attempts: smsMessage.attempts,
      nextAttemptAt: smsMessage.nextAttemptAt,
      lastErrorCode: smsMessage.lastErrorCode,
      lastErrorMessage: smsMessage.lastErrorMessage,
      batchId: smsMessage.batchId,
      createdAt: smsMessage.createdAt,
    })
    .from(smsMessage)
    .leftJoin(customer, eq(customer.id, smsMessage.customerId))
    .where(
      and(
        data.status ? eq(smsMessage.status, data.status) : inArray(smsMessage.status, [...PENDING_STATUSES]),
        data.origin ? eq(smsMessage.origin, data.origin) : undefined,
        data.cursor ? gt(smsMessage.id, data.cursor) : undefined,
      ),
    )
    .orderBy(asc(smsMessage.id))
    .limit(data.limit + 1);
  const page = rows.slice(0, data.limit);
  return {
    items: page.flatMap((r) =>
      isPending(r.status)
        ? [
            {
              id: r.id,
              origin: r.origin,
              category: r.category,
              customer: r.customerId !== null ? { id: r.customerId, name: r.customerName ?? "", code: r.customerCode ?? "" } : null,
              phone: formatPhoneNational(r.phoneE164),
              motivo: r.motivo,
              status: r.status,
              attempts: r.attempts,
              nextAttemptAt: r.nextAttemptAt,
              lastError: r.lastErrorMessage ? { code: r.lastErrorCode, message: r.lastErrorMessage } : null,
              batchId: r.batchId,
              createdAt: r.createdAt,
              reschedulable: isOperatorScheduled(r),
            },
          ]
        : [],
    ),
    nextCursor: rows.length > data.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
