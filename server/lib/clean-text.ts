/**
 * Text inputs without invisible controls. Stored text reaches screens, CSV files, logs and SMS
 * gateways: ESC/BEL can drive a terminal, NUL truncates on read, and bidi overrides (U+202E…) make
 * a name read differently from what it is. Every text field of every schema is built here, so the
 * router test (clean-text.test.ts) can check that none was forgotten. Browser-safe.
 */
import { z } from "zod";

export const CONTROL_CHARS_MESSAGE = "Remova os caracteres de controle do texto.";

// C0 (with NUL), DEL, C1, and the bidi embeddings/overrides (U+202A–E) and isolates (U+2066–9).
const IN_LINE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;
// The same, but line feed and tab are text in an SMS body or a template, and so is a Windows line
// end (CR LF, as integrators and pasted text send it); a lone CR is not.
const IN_MULTILINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|\r(?!\n)/u;

export const hasControlChars = (s: string, multiline = false) => (multiline ? IN_MULTILINE : IN_LINE).test(s);

/** The checks themselves (one instance each): the router test looks for them on every string. */
export const singleLineCheck = z.refine<string>((s) => !IN_LINE.test(s), CONTROL_CHARS_MESSAGE);
export const multilineCheck = z.refine<string>((s) => !IN_MULTILINE.test(s), CONTROL_CHARS_MESSAGE);

type StringParams = Parameters<typeof z.string>[0];

/** A one-line text (names, motivo, sender, search terms, ids…): no control character at all. */
export const lineText = (params?: StringParams) => z.string(params).check(singleLineCheck);

/** A text that may have several lines (SMS bodies, templates): line feeds and tabs allowed. */
export const multilineText = (params?: StringParams) => z.string(params).check(multilineCheck);

function deepClean(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return !IN_MULTILINE.test(value);
  if (depth > 8 || value === null || typeof value !== "object") return true;
  return Object.entries(value).every(([k, v]) => !IN_LINE.test(k) && deepClean(v, depth + 1));
}

/**
 * For free-form JSON the schema cannot type (a provider's settings, checked by the provider's own
 * schema later): every string inside, at any depth, follows the multi-line rule, and keys the one-line rule.
 */
export const jsonTextCheck = z.refine<unknown>((v) => deepClean(v), CONTROL_CHARS_MESSAGE);
