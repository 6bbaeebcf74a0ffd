/**
 * How much an SMS costs: encoding, length and parts. Browser-safe: the live counter in the form and
 * the server run this same code, so they always agree.
 *
 * - `characters` counts Unicode code points (what `for…of` yields): an emoji such as 😀 is one
 *   character, but costs two UCS-2 units; a family emoji made with joiners is several. The limits
 *   apply to `units`, never to `characters`.
 * - Parts follow the 3GPP concatenation rule (a 6-octet header per part: 153 septets / 67 units):
 *   an extension character (ESC + code, two septets) and a surrogate pair (two UTF-16 units) are
 *   never split across parts, so a part may end one unit short. Combining sequences and emoji
 *   joined with ZWJ may be split between parts, as SMSCs do (they work in code units).
 * - An empty text has 0 parts and is within the limit: emptiness is the form's error, not length.
 */
import type { SmsEncoding } from "@/db/schema/constants";
import { gsmSeptets, isGsmExtension } from "./gsm";
import { removeAccents } from "./remove-accents";

export { removeAccents } from "./remove-accents";

/** The seed's cap: 160 characters in a single SMS. An admin setting may allow more parts. */
export const DEFAULT_MAX_PARTS = 1;

export const SMS_LIMITS: Readonly<Record<SmsEncoding, { single: number; perPart: number }>> = {
  GSM7: { single: 160, perPart: 153 },
  UCS2: { single: 70, perPart: 67 },
};

export type SmsAnalysis = {
  encoding: SmsEncoding;
  /** Code points (see the file comment). */
  characters: number;
  /** Septets in GSM-7 (extension characters count 2), UTF-16 code units in UCS-2. */
  units: number;
  parts: number;
  /** Units one part holds: 160/70 for a single SMS, 153/67 once split. */
  perPart: number;
  /** Units still free in the last part before another part starts. */
  remainingInPart: number;
  /** Unique characters that forced UCS-2, in order of appearance. */
  nonGsmChars: string[];
  /** Unique GSM-7 extension characters used (they cost 2), in order of appearance. */
  extensionChars: string[];
  maxParts: number;
  /** Units that fit in `maxParts` parts (a boundary rule may leave one fewer usable per part). */
  maxUnits: number;
  withinLimit: boolean;
  /** Whether `removeAccents` would bring the text within the limit (always true for GSM-7 within it). */
  fitsWithoutAccents: boolean;
};

type Count = { encoding: SmsEncoding; characters: number; units: number; parts: number; lastPartUnits: number };

function unitsOf(char: string, encoding: SmsEncoding): number {
  return encoding === "GSM7" ? gsmSeptets(char) : char.length;
}

function count(text: string): Count & { nonGsm: string[]; extension: string[] } {
  const chars = Array.from(text);
  const nonGsm = new Set<string>();
  const extension = new Set<string>();
  for (const c of chars) {
    if (gsmSeptets(c) === 0) nonGsm.add(c);
    else if (isGsmExtension(c)) extension.add(c);
  }
  const encoding: SmsEncoding = nonGsm.size > 0 ? "UCS2" : "GSM7";
  const limits = SMS_LIMITS[encoding];
  let units = 0;
  for (const c of chars) units += unitsOf(c, encoding);

  let parts = units === 0 ? 0 : 1;
  let lastPartUnits = units;
  if (units > limits.single) {
    // Greedy fill: a character that does not fit whole opens the next part.
    parts = 1;
    lastPartUnits = 0;
    for (const c of chars) {
      const size = unitsOf(c, encoding);
      if (lastPartUnits + size > limits.perPart) {
        parts++;
        lastPartUnits = 0;
      }
      lastPartUnits += size;
    }
  }
  return { encoding, characters: chars.length, units, parts, lastPartUnits, nonGsm: [...nonGsm], extension: encoding === "GSM7" ? [...extension] : [] };
}

function capacity(encoding: SmsEncoding, maxParts: number): number {
  const limits = SMS_LIMITS[encoding];
  return maxParts === 1 ? limits.single : limits.perPart * maxParts;
}

/** Counts `text` as the carriers will. `maxParts` defaults to DEFAULT_MAX_PARTS and is at least 1. */
export function analyzeSms(text: string, options: { maxParts?: number } = {}): SmsAnalysis {
  const maxParts = Math.max(1, Math.floor(options.maxParts ?? DEFAULT_MAX_PARTS));
  const c = count(text);
  const limits = SMS_LIMITS[c.encoding];
  const perPart = c.parts > 1 ? limits.perPart : limits.single;
  const withinLimit = c.parts <= maxParts;
  const fitsWithoutAccents = withinLimit || (c.encoding === "UCS2" && count(removeAccents(text)).parts <= maxParts);
  return {
    encoding: c.encoding,
    characters: c.characters,
    units: c.units,
    parts: c.parts,
    perPart,
    remainingInPart: perPart - c.lastPartUnits,
    nonGsmChars: c.nonGsm,
    extensionChars: c.extension,
    maxParts,
    maxUnits: capacity(c.encoding, maxParts),
    withinLimit,
    fitsWithoutAccents,
  };
}

const INVISIBLE = /^[\p{C}\p{Z}\p{M}]$/u;

function isAccentedLetter(char: string): boolean {
  return /^\p{L}$/u.test(char) && char.normalize("NFD") !== char;
}

/** "acentos como ã, ç" / "símbolos como 😀" / "acentos e símbolos como ã, 😀", for the UCS-2 messages. */
function describeNonGsm(chars: readonly string[]): string {
  const visible = chars.filter((c) => !INVISIBLE.test(c));
  if (visible.length === 0) return "caracteres invisíveis (tabulação, espaço especial)";
  const accents = visible.some(isAccentedLetter);
  const symbols = visible.some((c) => !isAccentedLetter(c));
  const kind = accents && symbols ? "acentos e símbolos" : accents ? "acentos" : "símbolos";
  return `${kind} como ${visible.slice(0, 3).join(", ")}`;
}

function sms(n: number): string {
  return `${n} SMS`;
}

function joinPt(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} e ${items.at(-1)}`;
}

/** Why the message does not fit, in Portuguese for the operator; null when it fits. */
export function limitMessage(a: SmsAnalysis): string | null {
  if (a.withinLimit) return null;
  // Units can fit the parts' sum while parts do not: a 2-unit character cannot straddle a boundary.
  const straddles = a.units <= a.maxUnits;
  if (a.encoding === "GSM7") {
    const ext = a.extensionChars;
    const one = ext.length === 1;
    if (straddles) {
      return `A mensagem não cabe em ${sms(a.maxParts)}: ${one ? "o sinal" : "os sinais"} ${joinPt(ext)} ${one ? "conta" : "contam"} como 2 caracteres e não ${one ? "pode ser dividido" : "podem ser divididos"} entre duas partes.`;
    }
    let msg = `A mensagem passa de ${a.maxUnits} caracteres (${sms(a.maxParts)}): tem ${a.units}.`;
    if (one) msg += ` O sinal ${ext[0]} conta como 2 caracteres.`;
    if (ext.length > 1) msg += ` Os sinais ${joinPt(ext)} contam como 2 caracteres cada.`;
    return msg;
  }
  const where = a.maxParts === 1 ? "por SMS" : `em ${sms(a.maxParts)}`;
  const has = straddles ? ", e um emoji não pode ficar dividido entre duas partes." : ` e ela tem ${a.units}.`;
  // The accent may be in the typed text or in a customer's value ({nome}, {cidade}): name both ways.
  const fix = a.fitsWithoutAccents
    ? "Sem acentos ela caberia: use “remover acentos” no texto ou ative “Enviar sem acentos” na conta de SMS."
    : "Mesmo sem acentos ela não cabe: encurte o texto.";
  return `Com ${describeNonGsm(a.nonGsmChars)} a mensagem usa outra codificação: cabem ${a.maxUnits} caracteres ${where}${has} ${fix}`;
}

/** A heads-up while the message still fits but already pays the UCS-2 price; null otherwise. */
export function encodingNotice(a: SmsAnalysis): string | null {
  if (a.encoding !== "UCS2" || !a.withinLimit) return null;
  const what = describeNonGsm(a.nonGsmChars);
  return `${what.charAt(0).toUpperCase()}${what.slice(1)} mudam a codificação: cabem ${SMS_LIMITS.UCS2.single} caracteres por SMS em vez de ${SMS_LIMITS.GSM7.single}.`;
}
