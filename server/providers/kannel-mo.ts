/**
 * Replies (MO) through Kannel (issue 12, item 11). Kannel's smsbox forwards an inbound SMS to an
 * `sms-service` `get-url` after substituting its escape codes (Kannel user guide, "Parameters
 * (Escape Codes)"): %p sender, %P receiver, %b the original message (URL-encoded bytes), %c coding
 * (0 GSM, 1 8-bit, 2 UCS-2), %C charset of those bytes, %T Unix time, %i SMSC id, %I Kannel's
 * message id. Browser-safe (the account screen shows the group to configure).
 */
import type { InboundMessage } from "./types";

/** The query our webhook expects on Kannel's get-url (appended to the account's webhook URL). */
export const KANNEL_MO_QUERY = "kind=mo&from=%p&to=%P&text=%b&coding=%c&charset=%C&ts=%T&smsc=%i&id=%I";

/** The `sms-service` group an admin adds to kannel.conf so replies reach this account. */
export function kannelSmsServiceGroup(webhookUrl: string): string {
  return [
    "group = sms-service",
    "keyword = default",
    "catch-all = yes",
    // Kannel would send our HTTP answer back to the customer as an SMS.
    "max-messages = 0",
    "concatenation = true",
    `get-url = "${webhookUrl}?${KANNEL_MO_QUERY}"`,
  ].join("\n");
}

/** Bytes of a raw (still percent-encoded) query value; "+" is a space, as Kannel encodes. */
function percentBytes(raw: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === "%" && /^[0-9a-fA-F]{2}$/.test(raw.slice(i + 1, i + 3))) {
      out.push(parseInt(raw.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c === "+") out.push(0x20);
    else out.push(...new TextEncoder().encode(c));
  }
  return Uint8Array.from(out);
}

/** The raw value of `name` in a query string, before any decoding. */
function rawParam(query: string, name: string): string | undefined {
  for (const pair of query.split("&")) {
    const eq = pair.indexOf("=");
    if (eq !== -1 && pair.slice(0, eq) === name) return pair.slice(eq + 1);
  }
  return undefined;
}

/**
 * The message text from Kannel's bytes: UTF-16BE for UCS-2 (coding 2, unless smsbox `mo-recode`
 * turned it into UTF-8), otherwise UTF-8 when valid, else Windows-1252 — Kannel hands GSM texts
 * over as Latin-1.
 */
export function decodeKannelText(bytes: Uint8Array, charset: string | null, coding: string | null): string {
  const cs = (charset ?? "").toUpperCase().replace(/[^A-Z0-9]/g, "");
  if (cs === "UTF16BE" || cs === "UCS2" || cs === "UTF16" || (cs === "" && coding === "2")) return new TextDecoder("utf-16be").decode(bytes);
  if (cs === "UTF8") return new TextDecoder().decode(bytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/** A Kannel number (%p) in E.164: "+55…", "0055…", "55…", national with or without the trunk 0. */
export function kannelNumber(raw: string): string {
  const trimmed = raw.trim();
  const digits = trimmed.replace(/\D/g, "");
  if (!digits || /[A-Za-z]/.test(trimmed)) return trimmed;
  if (trimmed.startsWith("+")) return `+${digits}`;
  if (digits.startsWith("00")) return `+${digits.slice(2)}`;
  if ((digits.length === 12 || digits.length === 13) && digits.startsWith("55")) return `+${digits}`;
  const national = digits.replace(/^0+/, "");
  return national.length === 10 || national.length === 11 ? `+55${national}` : digits;
}

/** The inbound message of a get-url call, or an error in Portuguese when it cannot be one. */
export function parseKannelMo(url: string, params: URLSearchParams): { ok: true; inbound: InboundMessage } | { ok: false; error: string } {
  const from = params.get("from");
  if (!from) return { ok: false, error: "Resposta do Kannel sem o remetente (from=%p)." };
  const query = url.includes("?") ? url.slice(url.indexOf("?") + 1).split("#")[0]! : "";
  const rawText = rawParam(query, "text");
  if (rawText === undefined) return { ok: false, error: "Resposta do Kannel sem o texto (text=%b)." };
  const inbound: InboundMessage = { from: kannelNumber(from), text: decodeKannelText(percentBytes(rawText), params.get("charset"), params.get("coding")) };
  const to = params.get("to");
  const id = params.get("id");
  const ts = Number(params.get("ts"));
  if (to) inbound.to = to;
  if (id) inbound.providerMessageId = id;
  if (Number.isFinite(ts) && ts > 0) inbound.receivedAt = new Date(ts * 1000);
  return { ok: true, inbound };
}
