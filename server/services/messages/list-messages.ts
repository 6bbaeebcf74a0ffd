/**
 * The history of messages, newest first, keyset-paginated on (createdAt, id). A technician only
 * ever sees the messages they created, whatever the filters say.
 */
import { and, desc, eq, gte, inArray, lt, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { customer, smsMessage, user } from "@/db/schema";
import { reversedSql } from "@/db/schema/reversed-digits";
import type { SessionUser } from "@/server/auth/session";
import { formatPhoneNational } from "@/server/sms/phone";
import { parseInput } from "../batches/parse";
import { periodRange } from "./period";
import {
  type ListMessagesInput, listMessagesInput, type ListMessagesOutput, MESSAGE_CURSOR, type MessageFilters, type MessageRowOutput,
} from "./schemas";
import { requirePermission } from "@/server/services/permissions";
import { type Actor, actorRef, type ServiceContext } from "@/server/services/context";

type Viewer = Pick<SessionUser, "id" | "role">;

/**
 * Whose history an actor sees: a technician only their own sends; an API key with messages:read and
 * a job see the whole history, as an office role does.
 */
export function historyViewer(actor: Actor): Viewer {
  return actor.kind === "user" ? { id: actor.id, role: actor.role } : { id: actorRef(actor), role: "operador" };
}

/** Digits of a typed phone without +55 or a trunk 0, so "(35) 99123" and "+55 35 99123" both match. */
function phoneFragment(typed: string): string {
  const digits = typed.replace(/\D/g, "");
  if (digits.length >= 12 && digits.startsWith("55")) return digits.slice(2);
  if (digits.length >= 11 && digits.startsWith("0")) return digits.slice(1);
  return digits;
}

/** The WHERE of the history for this viewer: the filters plus the technician restriction. */
export function messageConditions(viewer: Viewer, f: MessageFilters): SQL | undefined {
  const { start, end } = periodRange(f.from, f.to);
  const operatorId = viewer.role === "tecnico" ? viewer.id : f.operatorId;
  const digits = f.phone ? phoneFragment(f.phone) : "";
  return and(
    operatorId ? eq(smsMessage.createdBy, operatorId) : undefined,
    f.origin ? eq(smsMessage.origin, f.origin) : undefined,
    f.statuses && f.statuses.length > 0 ? inArray(smsMessage.status, f.statuses) : undefined,
    f.customerId ? eq(smsMessage.customerId, f.customerId) : undefined,
    start ? gte(smsMessage.createdAt, start) : undefined,
    end ? lt(smsMessage.createdAt, end) : undefined,
    digits ? phoneMatches(digits) : undefined,
  );
}

/**
 * The number starts (after +55) or ends with the typed digits: "(19) 98222" or "99111-0001". Each is
 * a range seek (sms_message_phone_created_idx, sms_message_phone_reversed_idx); a fragment from the
 * middle of a number matches neither, which would need reading every message.
 */
function phoneMatches(digits: string): SQL {
  // Digits and "+" sort below ":", so [prefix, prefix + ":") holds exactly the texts starting with prefix.
  const range = (expr: SQL | typeof smsMessage.phoneE164, prefix: string) => sql`(${expr} >= ${prefix} and ${expr} < ${`${prefix}:`})`;
  return or(range(smsMessage.phoneE164, `+55${digits}`), range(reversedSql(smsMessage.phoneE164), [...digits].reverse().join("")))!;
}

export function encodeCursor(row: { createdAt: Date; id: number }): string {
  return `${row.createdAt.getTime()}_${row.id}`;
}

function afterCursor(cursor: string | null | undefined): SQL | undefined {
  const m = cursor ? MESSAGE_CURSOR.exec(cursor) : null;
  if (!m) return undefined;
  return sql`(${smsMessage.createdAt}, ${smsMessage.id}) < (${Number(m[1])}, ${Number(m[2])})`;
}

/** The page's SELECT, unexecuted: selectMessagePage runs it, and a test reads its query plan. */
export function messagePageQuery(db: Db, where: SQL | undefined, cursor: string | null | undefined, limit: number) {
  return db
    .select({
      id: smsMessage.id,
      createdAt: smsMessage.createdAt,
      customerId: customer.id,
      customerName: customer.name,
      customerCode: customer.code,
      phoneE164: smsMessage.phoneE164,
      motivo: smsMessage.motivo,
      operatorId: user.id,
      operatorName: user.name,
      origin: smsMessage.origin,
      status: smsMessage.status,
      sentAt: smsMessage.sentAt,
      finalAt: smsMessage.finalAt,
      segments: smsMessage.segments,
      encoding: smsMessage.encoding,
      body: smsMessage.body,
      errorMessage: smsMessage.lastErrorMessage,
    })
    .from(smsMessage)
    .leftJoin(customer, eq(customer.id, smsMessage.customerId))
    .leftJoin(user, eq(user.id, smsMessage.createdBy))
    .where(and(where, afterCursor(cursor)))
    .orderBy(desc(smsMessage.createdAt), desc(smsMessage.id))
    .limit(limit + 1);
}

/** One page of rows after `cursor`, with one extra row to tell whether another page exists. */
export async function selectMessagePage(db: Db, where: SQL | undefined, cursor: string | null | undefined, limit: number) {
  const rows = await messagePageQuery(db, where, cursor, limit);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const items: MessageRowOutput[] = page.map((r) => ({
    id: r.id,
    createdAt: r.createdAt,
    customer: r.customerId != null ? { id: r.customerId, name: r.customerName ?? "", code: r.customerCode ?? "" } : null,
    phone: { e164: r.phoneE164, national: formatPhoneNational(r.phoneE164) },
    motivo: r.motivo,
    operator: r.operatorId != null ? { id: r.operatorId, name: r.operatorName ?? "" } : null,
    origin: r.origin,
    status: r.status,
    sentAt: r.sentAt,
    finalAt: r.finalAt,
    segments: r.segments,
    encoding: r.encoding,
    body: r.body,
    errorMessage: r.errorMessage,
  }));
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}

export async function listMessages(ctx: ServiceContext, input: ListMessagesInput): Promise<ListMessagesOutput> {
  requirePermission(ctx, "messages.read");
  const { db } = ctx;
  const viewer = historyViewer(ctx.actor);
  const data = parseInput(listMessagesInput, input);
  return selectMessagePage(db, messageConditions(viewer, data), data.cursor, data.limit);
}
