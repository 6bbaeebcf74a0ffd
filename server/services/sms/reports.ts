/**
 * Delivery reports and inbound messages, from webhooks or an SMPP session. Idempotent and
 * forward-only: a repeated or late report never moves a message backwards.
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { smsInbound, smsMessage } from "@/db/schema";
import type { InboundMessage, StatusReport } from "@/server/providers/types";
import { isOptOutRequest } from "@/server/sms/opt-out";
import { applyReport } from "@/server/sms/status";
import { getMessage, type MessageRow, transition } from "./ledger";
import { recordOptOut } from "./opt-outs";

export type ReportSummary = { applied: number; ignored: number; unknown: number; inbound: number; optOuts: number };

/**
 * The message a report names, among this account's messages only: by our reference or by the
 * provider's id. A report on one account's webhook can never reach another account's message.
 */
async function findReported(db: Db, accountId: number, r: StatusReport): Promise<MessageRow | undefined> {
  if (r.messageId) {
    const [byRef] = await db
      .select()
      .from(smsMessage)
      .where(and(eq(smsMessage.ref, r.messageId), eq(smsMessage.providerAccountId, accountId)));
    if (byRef) return byRef;
  }
  if (r.providerMessageId) {
    const [byProvider] = await db
      .select()
      .from(smsMessage)
      .where(and(eq(smsMessage.providerAccountId, accountId), eq(smsMessage.providerMessageId, r.providerMessageId)));
    return byProvider;
  }
  return undefined;
}

/** Applies one report to a known message; "ignored" when it would not move the status forward. */
export async function applyReportToMessage(db: Db, messageId: number, r: StatusReport, known?: MessageRow): Promise<"applied" | "ignored"> {
  // Two tries: a concurrent writer (the send recording its outcome) may change the status in between.
  for (let i = 0; i < 2; i++) {
    const m = i === 0 && known ? known : await getMessage(db, messageId);
    if (!m) return "ignored";
    const next = applyReport(m.status, r.status);
    if (!next || next === m.status) return "ignored";
    const row = await transition(
      db,
      m.id,
      m.status,
      next,
      {
        providerMessageId: m.providerMessageId ?? r.providerMessageId ?? null,
        leaseUntil: null,
        ...(r.errorCode || r.errorMessage ? { lastErrorCode: r.errorCode ?? null, lastErrorMessage: r.errorMessage ?? null } : {}),
      },
      { reported: r.status, providerMessageId: r.providerMessageId, errorCode: r.errorCode, errorMessage: r.errorMessage, occurredAt: r.occurredAt?.toISOString() },
      "report",
    );
    if (row) {
      if (next === "blocked") await recordOptOut(db, { phoneE164: m.phoneE164, source: "provider", detail: r.errorCode ?? null, providerAccountId: m.providerAccountId });
      return "applied";
    }
  }
  return "ignored";
}

export async function recordProviderEvents(
  db: Db,
  accountId: number,
  event: { reports: StatusReport[]; inbound: InboundMessage[] },
  refHint?: string | null,
): Promise<ReportSummary> {
  const summary: ReportSummary = { applied: 0, ignored: 0, unknown: 0, inbound: 0, optOuts: 0 };
  for (const raw of event.reports) {
    // A callback URL carries our ref (?ref=) for providers that do not echo it back.
    const r = raw.messageId || !refHint || event.reports.length > 1 ? raw : { ...raw, messageId: refHint };
    const m = await findReported(db, accountId, r);
    if (!m) {
      summary.unknown++;
      continue;
    }
    summary[(await applyReportToMessage(db, m.id, r, m)) === "applied" ? "applied" : "ignored"]++;
  }
  for (const msg of event.inbound) {
    const optOut = isOptOutRequest(msg.text);
    const inserted = await db
      .insert(smsInbound)
      .values({ providerAccountId: accountId, providerMessageId: msg.providerMessageId ?? null, fromE164: msg.from, toAddress: msg.to ?? null, body: msg.text, optOut, receivedAt: msg.receivedAt ?? new Date() })
      .onConflictDoNothing()
      .returning({ id: smsInbound.id });
    if (inserted.length === 0) continue; // a provider retry of an inbound already stored
    summary.inbound++;
    if (optOut) {
      await recordOptOut(db, { phoneE164: msg.from, source: "inbound_sms", detail: msg.text.slice(0, 160), providerAccountId: accountId });
      summary.optOuts++;
    }
  }
  return summary;
}
