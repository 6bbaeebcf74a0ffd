// "Remover acentos": rewrites a message into GSM-7 keeping it readable. Browser-safe.
import { isGsmChar } from "./gsm";

// Typographic characters that word processors and phones insert, and their plain GSM-7 form.
const REPLACEMENTS: Readonly<Record<string, string>> = {
  "\u2018": "'", "\u2019": "'", "\u201A": "'", "\u201B": "'", "\u2032": "'", "`": "'", "\u00B4": "'",
  "\u201C": '"', "\u201D": '"', "\u201E": '"', "\u201F": '"', "\u2033": '"', "\u00AB": '"', "\u00BB": '"',
  "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
  "\u2022": "-", "\u00B7": ".", "\u2026": "...", "\u2044": "/", "\u00F7": "/", "\u00D7": "x",
  "\u00B0": "o", "\u00A9": "(c)", "\u00AE": "(R)", "\u2122": "TM",
  "\u0142": "l", "\u0141": "L", "\u0111": "d", "\u0110": "D", "\u0153": "oe", "\u0152": "OE", "\u0131": "i",
  "\t": " ",
};

const COMBINING_MARK = /\p{M}/gu;
const SPACE = /^[\p{Zs}\p{Zl}\p{Zp}\t\v]$/u;

function plainChar(char: string): string {
  if (isGsmChar(char)) return char;
  const replaced = REPLACEMENTS[char];
  if (replaced !== undefined) return replaced;
  if (SPACE.test(char)) return " ";
  return "";
}

/** The GSM-7 form of one code point: itself, its plain replacement, "" when it has none. */
export function gsmFormOf(char: string): string {
  if (isGsmChar(char)) return char;
  const direct = plainChar(char);
  if (direct !== "") return direct;
  // Compatibility decomposition takes ã→a, ç→c, ﬁ→fi, ½→1⁄2, ª→a; whatever is still not GSM-7 goes.
  const decomposed = char.normalize("NFKD").replace(COMBINING_MARK, "");
  if (decomposed === char) return "";
  return Array.from(decomposed, plainChar).join("");
}

/**
 * Rewrites `text` so that it is GSM-7 and still reads the same: letters lose the accents GSM-7
 * lacks (ã→a, ç→c, Ê→E) while letters GSM-7 has are kept (é, à, Ç, ü, ñ), typographic quotes,
 * dashes, ellipsis and special spaces become their plain form, and anything else outside GSM-7
 * (emoji, other scripts, control and zero-width characters) is dropped rather than turned into
 * "?", which reads as a broken message. Idempotent. Printable ASCII is unchanged except "`",
 * which GSM-7 lacks (→ "'").
 */
export function removeAccents(text: string): string {
  // NFC first so that a typed "e" + combining acute becomes "é" (GSM-7) instead of losing its accent.
  let out = "";
  for (const char of text.normalize("NFC")) out += gsmFormOf(char);
  return out;
}
