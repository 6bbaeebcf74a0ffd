/**
 * SMPP delivery receipts: the de-facto text format of SMPP 3.4 Appendix B
 *   id:<id> sub:001 dlvrd:001 submit date:YYMMDDhhmm done date:YYMMDDhhmm stat:DELIVRD err:000 text:…
 * and the message_state TLV, mapped to our status model (providers.md, "One status model for all").
 */
import type { ReportedStatus } from "./types";

export type DeliveryReceipt = {
  id: string;
  sub?: string;
  dlvrd?: string;
  submitDate?: Date;
  doneDate?: Date;
  /** As sent, upper-cased (DELIVRD, UNDELIV…). */
  stat: string;
  err?: string;
  text?: string;
};

export type ReceiptOptions = {
  /** The SMSC's zone for the dates, which carry none (minutes east of UTC; Brasília is -180). */
  utcOffsetMinutes?: number;
};

const DEFAULT_OFFSET = -180;

// Anchored on a space so "text:" content or a longer key ("sub" in "submit") cannot match.
const field = (name: string) => new RegExp(`(?:^|\\s)${name}:(\\S+)`, "i");
const FIELDS = {
  id: field("id"),
  sub: field("sub"),
  dlvrd: field("dlvrd"),
  submitDate: field("submit[ _]date"),
  doneDate: field("done[ _]date"),
  stat: field("stat"),
  err: field("err"),
} as const;
const TEXT = /(?:^|\s)text:/i;

/** Parses a receipt text; null when it is not one (no id or no stat). Pure. */
export function parseDeliveryReceipt(text: string, options: ReceiptOptions = {}): DeliveryReceipt | null {
  // Everything after "text:" is the original message's start and may contain anything.
  const textAt = text.search(TEXT);
  const head = textAt === -1 ? text : text.slice(0, textAt);
  const get = (key: keyof typeof FIELDS) => FIELDS[key].exec(head)?.[1];
  const id = get("id");
  const stat = get("stat");
  if (!id || !stat) return null;
  const offset = options.utcOffsetMinutes ?? DEFAULT_OFFSET;
  const receipt: DeliveryReceipt = { id, stat: stat.toUpperCase() };
  const sub = get("sub");
  const dlvrd = get("dlvrd");
  const err = get("err");
  const submitDate = parseReceiptDate(get("submitDate"), offset);
  const doneDate = parseReceiptDate(get("doneDate"), offset);
  if (sub !== undefined) receipt.sub = sub;
  if (dlvrd !== undefined) receipt.dlvrd = dlvrd;
  if (submitDate) receipt.submitDate = submitDate;
  if (doneDate) receipt.doneDate = doneDate;
  if (err !== undefined) receipt.err = err;
  if (textAt !== -1) receipt.text = text.slice(textAt).replace(TEXT, "");
  return receipt;
}

/** YYMMDDhhmm or YYMMDDhhmmss in the SMSC's zone; undefined when absent or not a real date. */
export function parseReceiptDate(value: string | undefined, utcOffsetMinutes = DEFAULT_OFFSET): Date | undefined {
  const m = value ? /^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)?$/.exec(value) : null;
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => (v === undefined ? 0 : Number(v))) as [number, number, number, number, number, number];
  const local = new Date(Date.UTC(2000 + y, mo - 1, d, h, mi, s));
  // Date.UTC rolls 31/02 over into March: reject instead.
  if (local.getUTCMonth() !== mo - 1 || local.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return undefined;
  return new Date(local.getTime() - utcOffsetMinutes * 60_000);
}

/** The receipt text an SMSC would send (the fake SMSC and the round-trip property use it). */
export function formatDeliveryReceipt(r: DeliveryReceipt, options: ReceiptOptions = {}): string {
  const offset = options.utcOffsetMinutes ?? DEFAULT_OFFSET;
  const parts = [`id:${r.id}`, `sub:${r.sub ?? "001"}`, `dlvrd:${r.dlvrd ?? "001"}`];
  if (r.submitDate) parts.push(`submit date:${formatReceiptDate(r.submitDate, offset)}`);
  if (r.doneDate) parts.push(`done date:${formatReceiptDate(r.doneDate, offset)}`);
  parts.push(`stat:${r.stat}`, `err:${r.err ?? "000"}`, `text:${r.text ?? ""}`);
  return parts.join(" ");
}

function formatReceiptDate(date: Date, utcOffsetMinutes: number): string {
  const local = new Date(date.getTime() + utcOffsetMinutes * 60_000);
  const two = (n: number) => String(n).padStart(2, "0");
  return [local.getUTCFullYear() % 100, local.getUTCMonth() + 1, local.getUTCDate(), local.getUTCHours(), local.getUTCMinutes()].map(two).join("");
}

/**
 * UNKNOWN → sent: the SMSC lost track, which says nothing about the handset; "sent" stays honest
 * and a later final receipt still moves it forward. DELETED → undelivered: deleted at the SMSC
 * (cancel, validity, operator) before delivery, it will not arrive. Full words are accepted too.
 */
const STAT_STATUS: Readonly<Record<string, ReportedStatus>> = {
  DELIVRD: "delivered",
  DELIVERED: "delivered",
  UNDELIV: "undelivered",
  UNDELIVERABLE: "undelivered",
  EXPIRED: "undelivered",
  DELETED: "undelivered",
  REJECTD: "failed",
  REJECTED: "failed",
  ACCEPTD: "sent",
  ACCEPTED: "sent",
  ENROUTE: "sent",
  UNKNOWN: "sent",
  SCHEDULED: "sent",
  SKIPPED: "undelivered",
};

export function receiptStatus(stat: string): ReportedStatus | null {
  return STAT_STATUS[stat.toUpperCase()] ?? null;
}

/** message_state TLV (SMPP 3.4 §5.3.2.35) → the stat word it stands for. */
const MESSAGE_STATES = ["SCHEDULED", "ENROUTE", "DELIVRD", "EXPIRED", "DELETED", "UNDELIV", "ACCEPTD", "UNKNOWN", "REJECTD", "SKIPPED"] as const;

export function messageStateStat(state: number | undefined): string | undefined {
  return state === undefined ? undefined : MESSAGE_STATES[state];
}

/** An err value worth reporting: absent, empty or all zeros means no error. */
export function receiptErrorCode(err: string | undefined): string | undefined {
  return err && !/^0+$/.test(err) ? err : undefined;
}
