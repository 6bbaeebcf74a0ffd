/**
 * deliver_sm → what the ledger records: a delivery receipt becomes a StatusReport, anything else an
 * InboundMessage. Concatenated parts' receipts are folded onto the first part's id.
 */
import smpp from "smpp";
import { type DeliveryReceipt, messageStateStat, parseDeliveryReceipt, receiptErrorCode, receiptStatus } from "./smpp-receipt";
import { inboundNumber } from "./smpp-text";
import type { InboundMessage, StatusReport } from "./types";

export type AsyncEvent = { reports: StatusReport[]; inbound: InboundMessage[] };

/** A deliver_sm as a receipt or an inbound message; null when there is nothing to record. */
export function toAsyncEvent(pdu: smpp.PDU, utcOffsetMinutes: number, parts: PartTracker): AsyncEvent | null {
  const type = (pdu.esm_class ?? 0) & 0x3c;
  // SMSC delivery receipt (0x04) or intermediate notification (0x20); some SMSCs only add the TLV.
  if (type === 0x04 || type === 0x20 || pdu.receipted_message_id) {
    const receipt = parseDeliveryReceipt(receiptText(pdu), { utcOffsetMinutes });
    const report = toReport(pdu, receipt);
    return report ? { reports: [parts.resolve(report)], inbound: [] } : null;
  }
  const inbound: InboundMessage = {
    from: inboundNumber(pdu.source_addr ?? "", pdu.source_addr_ton),
    to: pdu.destination_addr ? inboundNumber(pdu.destination_addr, pdu.dest_addr_ton) : undefined,
    text: messageText(pdu),
  };
  return { reports: [], inbound: [inbound] };
}

function toReport(pdu: smpp.PDU, receipt: DeliveryReceipt | null): StatusReport | null {
  // The TLVs are typed and, where sent, what the SMSC means; the text is the fallback.
  const id = pdu.receipted_message_id || receipt?.id;
  const stat = messageStateStat(pdu.message_state) ?? receipt?.stat;
  const status = stat ? receiptStatus(stat) : null;
  if (!id || !stat || !status) return null;
  const report: StatusReport = { providerMessageId: id, status };
  const errorCode = receiptErrorCode(receipt?.err);
  if (errorCode) report.errorCode = errorCode;
  if (status !== "delivered" && (status !== "sent" || stat === "UNKNOWN")) {
    report.errorMessage = `Recibo do SMSC: ${stat}${errorCode ? ` (err ${errorCode})` : ""}.`;
  }
  if (receipt?.doneDate) report.occurredAt = receipt.doneDate;
  return report;
}

function messageText(pdu: smpp.PDU): string {
  const payload = decoded(pdu.message_payload);
  return payload || decoded(pdu.short_message);
}

function decoded(value: smpp.DecodedMessage | Buffer | undefined): string {
  if (!value) return "";
  const m = Buffer.isBuffer(value) ? value : value.message;
  return typeof m === "string" ? m : m.toString("latin1");
}

/**
 * Receipts are ASCII, but the package decodes data_coding 0 (and 1) as GSM 03.38, which turns
 * "_" into "§" and "@" into "¡". Re-encoding to GSM gives back the exact octets (0x00–0x7F map one
 * to one), read then as ASCII.
 */
function receiptText(pdu: smpp.PDU): string {
  const text = messageText(pdu);
  const dc = (pdu.data_coding ?? 0) & 0x0f;
  const gsmDecoded = dc === 1 || (dc === 0 && smpp.encodings.default === "ASCII");
  return gsmDecoded ? smpp.encodings.ASCII.encode(text).toString("latin1") : text;
}

/**
 * Maps the receipts of concatenated (UDH) parts to the first part's id, which the ledger holds, and
 * folds the parts' states: failed/undelivered as soon as one part is, delivered once all are.
 * In memory only: after a restart, receipts for parts after the first are not recognised.
 */
export class PartTracker {
  private static readonly MAX_PARTS_TRACKED = 50_000;
  private readonly byPart = new Map<string, { first: string; ids: string[]; states: Map<string, StatusReport["status"]> }>();

  add(ids: string[]): void {
    const group = { first: ids[0] ?? "", ids, states: new Map<string, StatusReport["status"]>() };
    for (const id of ids) this.byPart.set(id, group);
    for (const oldest of this.byPart.keys()) {
      if (this.byPart.size <= PartTracker.MAX_PARTS_TRACKED) break;
      this.byPart.delete(oldest);
    }
  }

  resolve(report: StatusReport): StatusReport {
    const group = report.providerMessageId ? this.byPart.get(report.providerMessageId) : undefined;
    if (!group || !report.providerMessageId) return report;
    group.states.set(report.providerMessageId, report.status);
    const states = [...group.states.values()];
    const allIn = states.length === group.ids.length;
    const status = states.includes("failed")
      ? "failed"
      : states.includes("undelivered")
        ? "undelivered"
        : allIn && states.every((s) => s === "delivered")
          ? "delivered"
          : "sent";
    if (allIn && states.every((s) => s !== "sent")) for (const id of group.ids) this.byPart.delete(id);
    return { ...report, providerMessageId: group.first, status };
  }
}
