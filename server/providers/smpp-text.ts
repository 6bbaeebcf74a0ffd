/**
 * Text and addresses as SMPP carries them: GSM 03.38 unpacked (one septet per octet, data_coding 0)
 * or UCS-2 big-endian (data_coding 8), split into concatenated parts with an 8-bit-reference UDH.
 */
import smpp from "smpp";
import type { SmsEncoding } from "@/db/schema/constants";

export const DATA_CODING_GSM7 = 0x00;
export const DATA_CODING_UCS2 = 0x08;
export const ESM_CLASS_UDHI = 0x40;

/** Octets one short_message holds: 160 septets, 140 UCS-2 octets; once split, 153 / 134 with the 6-octet UDH. */
const LIMITS = {
  [DATA_CODING_GSM7]: { single: 160, perPart: 153 },
  [DATA_CODING_UCS2]: { single: 140, perPart: 134 },
} as const;

/** The UDH reference is one octet: at most 255 parts. */
export const MAX_PARTS = 255;

export type EncodedText = { dataCoding: typeof DATA_CODING_GSM7 | typeof DATA_CODING_UCS2; bytes: Buffer };

/**
 * Encodes with an explicit data_coding. Never left to the package: it would pick 0x01 (IA5) for
 * GSM text and 0x03 (Latin-1) for "amanhã". A GSM7 request holding a non-GSM character goes as
 * UCS-2: a wrong segment count costs less than characters replaced by spaces.
 */
export function encodeText(text: string, encoding: SmsEncoding): EncodedText {
  if (encoding === "GSM7" && smpp.encodings.ASCII.match(text)) {
    return { dataCoding: DATA_CODING_GSM7, bytes: smpp.encodings.ASCII.encode(text) };
  }
  return { dataCoding: DATA_CODING_UCS2, bytes: Buffer.from(text, "utf16le").swap16() };
}

export function fitsOnePart(t: EncodedText): boolean {
  return t.bytes.length <= LIMITS[t.dataCoding].single;
}

/** Splits for UDH concatenation without cutting an ESC pair (GSM) or a surrogate pair (UCS-2). */
export function splitParts(t: EncodedText): Buffer[] {
  const max = LIMITS[t.dataCoding].perPart;
  const parts: Buffer[] = [];
  let start = 0;
  while (start < t.bytes.length) {
    let end = start;
    for (;;) {
      const size = unitSize(t, end);
      if (end + size - start > max || end >= t.bytes.length) break;
      end += size;
    }
    parts.push(t.bytes.subarray(start, end));
    start = end;
  }
  return parts;
}

function unitSize(t: EncodedText, at: number): number {
  if (t.dataCoding === DATA_CODING_GSM7) return t.bytes[at] === 0x1b ? 2 : 1;
  const high = t.bytes[at] ?? 0;
  return high >= 0xd8 && high <= 0xdb ? 4 : 2;
}

/** UDH with one concatenation element (IEI 0x00, 8-bit reference). */
export function concatUdh(ref: number, total: number, seq: number): Buffer {
  return Buffer.from([0x05, 0x00, 0x03, ref & 0xff, total, seq]);
}

/** "+5535991234567" → "5535991234567" (international) or "35991234567" (TON 2, national). */
export function destinationAddr(e164: string, ton: number): string {
  const digits = e164.replace(/\D/g, "");
  return ton === 2 && digits.startsWith("55") ? digits.slice(2) : digits;
}

/** source_addr and its TON/NPI when the account does not set them. */
export function sourceAddress(sender: string): { addr: string; ton: number; npi: number } {
  if (/[^\d+\s-]/.test(sender)) return { addr: sender, ton: 5, npi: 0 };
  const digits = sender.replace(/\D/g, "");
  if (sender.trim().startsWith("+") || digits.length >= 12) return { addr: digits, ton: 1, npi: 1 };
  return { addr: digits, ton: 0, npi: 0 };
}

/** A phone number from the SMSC as E.164 when it is one; short codes and names are kept as sent. */
export function inboundNumber(addr: string, ton: number | undefined): string {
  const digits = addr.replace(/\D/g, "");
  if (!digits || /[A-Za-z]/.test(addr)) return addr;
  if (ton === 1 || addr.trim().startsWith("+")) return `+${digits}`;
  if ((digits.length === 12 || digits.length === 13) && digits.startsWith("55")) return `+${digits}`;
  // A national number may carry the trunk prefix 0.
  const national = digits.replace(/^0+/, "");
  if (national.length === 10 || national.length === 11) return `+55${national}`;
  return digits;
}
