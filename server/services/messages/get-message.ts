/**
 * One message with its timeline: the message row plus every sms_event written for it, oldest first.
 * A technician only ever opens the messages they created; any other id is "not found" to them, so
 * the page cannot be used to learn which ids exist.
 */
import { and, asc, eq } from "drizzle-orm";
import { customer, providerAccount, smsEvent, smsMessage, user } from "@/db/schema";
import { SMS_STATUSES, type SmsStatus } from "@/db/schema/constants";
import { formatPhoneNational } from "@/server/sms/phone";
import { parseInput } from "../batches/parse";
import { notFound } from "../errors";
import { type GetMessageInput, getMessageInput, type MessageDetailOutput, type MessageEventOutput } from "./schemas";
import { requirePermission } from "@/server/services/permissions";
import { historyViewer } from "./list-messages";
import type { ServiceContext } from "@/server/services/context";

type EventRow = typeof smsEvent.$inferSelect;

const NOT_FOUND = "Mensagem não encontrada.";
// Provider texts are already stored shortened; this only bounds what one event can carry.
const MAX_TEXT = 500;

const text = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v.slice(0, MAX_TEXT) : null);
const int = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? Math.trunc(v) : null);
function instant(v: unknown): Date | null {
  if (typeof v !== "string") return null;
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? null : new Date(ms);
}
const status = (v: string | null): SmsStatus | null => (v && (SMS_STATUSES as readonly string[]).includes(v) ? (v as SmsStatus) : null);

/** The facts of one event that the timeline shows, read from its detail by name. */
export function toTimelineEvent(e: EventRow): MessageEventOutput {
  const d = e.detail ?? {};
  const retryInMs = int(d.retryInMs);
  return {
    id: e.id,
    at: e.at,
    type: e.type,
    from: status(e.fromStatus),
    to: status(e.toStatus),
    attempt: int(d.attempt),
    providerMessageId: text(d.providerMessageId),
    // Send failures store { code, message }; delivery reports { errorCode, errorMessage }.
    errorCode: text(d.errorCode) ?? text(d.code),
    errorMessage: text(d.errorMessage) ?? text(d.message),
    reason: text(d.reason),
    waitUntil: instant(d.nextOpening) ?? (retryInMs !== null ? new Date(e.at.getTime() + retryInMs) : null),
    occurredAt: instant(d.occurredAt),
    byName: text(d.byName),
  };
}

export async function getMessageDetail(ctx: ServiceContext, input: GetMessageInput): Promise<MessageDetailOutput> {
  requirePermission(ctx, "messages.read");
  const { db } = ctx;
  const viewer = historyViewer(ctx.actor);
  const { id } = parseInput(getMessageInput, input);
  const [m] = await db
    .select({
      message: smsMessage,
      customerName: customer.name,
      customerCode: customer.code,
      operatorName: user.name,
      accountName: providerAccount.name,
    })
    .from(smsMessage)
    .leftJoin(customer, eq(customer.id, smsMessage.customerId))
    .leftJoin(user, eq(user.id, smsMessage.createdBy))
    .leftJoin(providerAccount, eq(providerAccount.id, smsMessage.providerAccountId))
    .where(and(eq(smsMessage.id, id), viewer.role === "tecnico" ? eq(smsMessage.createdBy, viewer.id) : undefined));
  if (!m) throw notFound(NOT_FOUND);

  const events = await db.select().from(smsEvent).where(eq(smsEvent.messageId, id)).orderBy(asc(smsEvent.at), asc(smsEvent.id));
  const r = m.message;
  return {
    id: r.id,
    createdAt: r.createdAt,
    customer: r.customerId != null && m.customerName != null ? { id: r.customerId, name: m.customerName, code: m.customerCode ?? "" } : null,
    phone: { e164: r.phoneE164, national: formatPhoneNational(r.phoneE164) },
    motivo: r.motivo,
    operator: r.createdBy != null && m.operatorName != null ? { id: r.createdBy, name: m.operatorName } : null,
    origin: r.origin,
    category: r.category,
    status: r.status,
    sentAt: r.sentAt,
    finalAt: r.finalAt,
    segments: r.segments,
    characters: r.characters,
    encoding: r.encoding,
    body: r.body,
    errorMessage: r.lastErrorMessage,
    batchId: r.batchId,
    account: m.accountName != null ? { name: m.accountName } : null,
    providerMessageId: r.providerMessageId,
    attempts: r.attempts,
    nextAttemptAt: r.nextAttemptAt,
    events: events.map(toTimelineEvent),
  };
}
