/**
 * "Enviar sem acentos": the text a customer receives when the account sends without accents.
 * Browser-safe: the counters show exactly this text, and the server stores and sends it.
 *
 * Unlike "remover acentos" (an editing aid that drops what has no GSM-7 form), nothing visible is
 * ever dropped here: a character (or emoji sequence) with no GSM-7 form becomes "?" and is listed
 * in `replaced`, so the operator is told before sending. Invisible characters (zero-width,
 * combining marks left after their letter was plained) carry nothing to read and are left out.
 */
import { analyzeSms, type SmsAnalysis } from "./encoding";
import { gsmFormOf } from "./remove-accents";

export const REPLACEMENT_CHAR = "?";

const INVISIBLE = /^[\p{Cc}\p{Cf}\p{M}\p{Z}]$/u;
const VISIBLE = /[^\p{Cc}\p{Cf}\p{M}\p{Z}]/u;

let segmenter: Intl.Segmenter | undefined;
function graphemes(text: string): Iterable<string> {
  segmenter ??= new Intl.Segmenter("pt-BR", { granularity: "grapheme" });
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

export type Transliteration = { text: string; /** Visible characters replaced by "?", unique, in order. */ replaced: string[] };

export function transliterateToGsm(text: string): Transliteration {
  let out = "";
  const replaced = new Set<string>();
  for (const grapheme of graphemes(text.normalize("NFC"))) {
    let plain = "";
    let lost = false;
    for (const char of grapheme) {
      const form = gsmFormOf(char);
      if (form === "" && !INVISIBLE.test(char)) lost = true;
      plain += form;
    }
    // A visible character whose plain form is nothing but space (ﱞ decomposes to a space and marks) is lost too.
    if (lost || (plain.trim() === "" && VISIBLE.test(grapheme))) {
      out += REPLACEMENT_CHAR;
      replaced.add(grapheme);
    } else out += plain;
  }
  return { text: out, replaced: [...replaced] };
}

export type OutgoingSms = {
  /** What the provider receives and the customer reads. */
  text: string;
  analysis: SmsAnalysis;
  /** The rendered text was changed to go without accents. */
  transliterated: boolean;
  replaced: string[];
};

/** The rendered text as it will be sent by an account with (or without) "Enviar sem acentos". */
export function outgoingSms(rendered: string, { stripAccents, maxParts }: { stripAccents: boolean; maxParts?: number }): OutgoingSms {
  if (!stripAccents) return { text: rendered, analysis: analyzeSms(rendered, { maxParts }), transliterated: false, replaced: [] };
  const t = transliterateToGsm(rendered);
  return { text: t.text, analysis: analyzeSms(t.text, { maxParts }), transliterated: t.text !== rendered, replaced: t.replaced };
}
