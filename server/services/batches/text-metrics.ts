/**
 * What each customer's template values cost, precomputed in SQL so that a batch preview counts the
 * recipients over the parts limit, and the exact parts, without rendering 100k texts in JavaScript.
 * The triggers of migration 0005 store, per value, `length * 4 + class`:
 * - class 0: only plain GSM-7 characters (1 septet or 1 UCS-2 unit each, unchanged without accents);
 * - class 1: some characters are outside GSM-7 (the text goes as UCS-2 when sent with accents), and
 *   each of those becomes exactly one plain GSM-7 character without accents (ã→a, ç→c), so the
 *   length holds both ways;
 * - NULL ("irregular"): anything else (emoji, extension characters, double spaces, a first name that
 *   may be a title…). Those recipients are rendered in JavaScript, exactly.
 *
 * The character classes derive from the functions the renderer uses (gsm.ts, remove-accents.ts,
 * template.ts); the migration's SQL is generated from them by scripts/text-metrics-sql.ts, and
 * text-metrics.test.ts checks that the committed migration is that output and agrees with rendering.
 */
import { gsmSeptets } from "@/server/sms/gsm";
import { gsmFormOf } from "@/server/sms/remove-accents";
import { HONORIFIC_WORDS } from "@/server/sms/template";

const GREEK = new Set("ΔΦΓΛΩΠΨΣΘΞ");

const codePoints = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i));

/** Plain GSM-7: the basic table without line breaks, ß and the Greek capitals (their case forms leave it). */
export const PLAIN_CHARS: readonly string[] = codePoints(0x20, 0x3a9).filter(
  (c) => gsmSeptets(c) === 1 && c !== "ß" && !GREEK.has(c),
);
const PLAIN = new Set(PLAIN_CHARS);

// Latin-1, Latin Extended-A (Portuguese and its neighbours) and word processors' typography: a short
// class keeps the triggers' GLOBs fast; anything rarer is rendered in JavaScript.
const TRANSLIT_RANGES: readonly [number, number][] = [[0xa1, 0x17f], [0x2010, 0x2026]];

/** Outside GSM-7, visible, stable under NFC, and exactly one plain character without accents. */
export const TRANSLIT_CHARS: readonly string[] = TRANSLIT_RANGES.flatMap(([from, to]) => codePoints(from, to)).filter(
  (c) => gsmSeptets(c) === 0 && !/[\p{Z}\p{C}\p{M}]/u.test(c) && c.normalize("NFC") === c && PLAIN.has(gsmFormOf(c)),
);
const TRANSLIT = new Set(TRANSLIT_CHARS);

// {primeiro_nome} recases a word typed all in capitals or all in small letters ("MARIA" → "Maria"):
// its first letter may end up as itself or in capitals, the others as themselves or in small letters.
const up = (c: string) => c.toLocaleUpperCase("pt-BR");
const low = (c: string) => c.toLocaleLowerCase("pt-BR");
const isLetter = (c: string) => /^\p{L}$/u.test(c);
const firstForms = (c: string) => [c, up(c), up(low(c))];
const restForms = (c: string) => [c, low(c)];
const letters = [...PLAIN_CHARS, ...TRANSLIT_CHARS].filter(isLetter);
const all = (forms: string[], set: ReadonlySet<string>) => forms.every((f) => set.has(f));

export const FIRST_LETTER_GSM = letters.filter((c) => all(firstForms(c), PLAIN));
export const FIRST_LETTER_NON_GSM = letters.filter((c) => all(firstForms(c), TRANSLIT));
export const REST_LETTER_GSM = letters.filter((c) => all(restForms(c), PLAIN));
export const REST_LETTER_NON_GSM = letters.filter((c) => all(restForms(c), TRANSLIT));

/** Letters whose accent-free small form spells part of a title: a short word of them is checked. */
const titleLetters = new Set(HONORIFIC_WORDS.join(""));
const accentFree = (c: string) => c.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
export const TITLE_LETTERS = letters.filter((c) => titleLetters.has(accentFree(c)));
const TITLE_MAX = Math.max(...HONORIFIC_WORDS.map((w) => w.length));

/**
 * The inside of a GLOB bracket matching exactly `chars`: runs of consecutive code points become
 * ranges (SQLite scans the whole bracket for every character tried), "]" goes first and "-" last,
 * quotes are doubled for the SQL literal.
 */
export function globSet(chars: readonly string[]): string {
  const codes = [...new Set(chars)].filter((c) => c !== "-" && c !== "]").map((c) => c.codePointAt(0)!).sort((a, b) => a - b);
  let out = chars.includes("]") ? "]" : "";
  for (let i = 0; i < codes.length; ) {
    let j = i;
    while (j + 1 < codes.length && codes[j + 1] === codes[j]! + 1) j++;
    out += j - i >= 2 ? `${String.fromCodePoint(codes[i]!)}-${String.fromCodePoint(codes[j]!)}` : codes.slice(i, j + 1).map((c) => String.fromCodePoint(c)).join("");
    i = j + 1;
  }
  return out.replaceAll("'", "''") + (chars.includes("-") ? "-" : "");
}

const ASCII_PLAIN = "[^ -Z_a-z]";
// Latin-1's letters: the accents of Portuguese names, in a bracket of a few ranges.
const latin1 = (chars: readonly string[]) => chars.filter((c) => c >= "\u00c0" && c <= "\u00ff" && isLetter(c));
const FAST = ["-", ...codePoints(0x20, 0x5a), "_", ...codePoints(0x61, 0x7a), ...latin1([...PLAIN_CHARS, ...TRANSLIT_CHARS])];
const FAST_NON_GSM = latin1(TRANSLIT_CHARS);

/** SQL: the metric of an already trimmed value `v` (a column or expression without side effects). */
function metricOfTrimmed(v: string): string {
  // SQLite scans a whole bracket for every character: the short brackets of the common cases (plain
  // ASCII, then Latin-1 letters) decide almost every value before the long exact ones run.
  return `CASE WHEN NOT ${v} GLOB '*${ASCII_PLAIN}*' THEN length(${v}) * 4
      WHEN NOT ${v} GLOB '*[^${globSet(FAST)}]*' THEN length(${v}) * 4 + (${v} GLOB '*[${globSet(FAST_NON_GSM)}]*')
      WHEN ${v} GLOB '*[^${globSet([...PLAIN_CHARS, ...TRANSLIT_CHARS])}]*' THEN NULL
      ELSE length(${v}) * 4 + (${v} GLOB '*[${globSet(TRANSLIT_CHARS)}]*') END`;
}

/** SQL: {codigo}, {plano}, {cidade}: the value trimmed, NULL as empty. */
export function valueMetricSql(expr: string): string {
  return metricOfTrimmed(`trim(coalesce(${expr}, ''))`);
}

/** SQL: {nome}, trimmed, its inner spaces single (or irregular). */
export function nameMetricSql(expr: string): string {
  return `CASE WHEN instr(trim(${expr}), '  ') > 0 THEN NULL ELSE ${metricOfTrimmed(`trim(${expr})`)} END`;
}

/** SQL: whether the word `w` spells a title whatever its case and accents ("Dr", "DRA", "Sr"). */
function isTitleSql(w: string): string {
  const letter = (x: string) => `[${globSet(TITLE_LETTERS.filter((c) => accentFree(c) === x))}]`;
  return `(${HONORIFIC_WORDS.map((t) => `${w} GLOB '${Array.from(t, letter).join("")}'`).join(" OR ")})`;
}

/**
 * SQL: {primeiro_nome}, when the name's first word is letters only and is not a title (the renderer
 * then takes that word, recased); any other case is irregular.
 */
export function firstNameMetricSql(expr: string): string {
  const n = `trim(${expr})`;
  const w = `substr(${n}, 1, instr(${n} || ' ', ' ') - 1)`;
  const f = `substr(${w}, 1, 1)`;
  const rest = `substr(${w}, 2)`;
  const titles = HONORIFIC_WORDS.map((t) => `'${t}'`).join(", ");
  return `CASE WHEN ${w} = '' THEN NULL
      WHEN NOT ${w} GLOB '*[^A-Za-z]*' THEN (CASE WHEN lower(${w}) IN (${titles}) THEN NULL ELSE length(${w}) * 4 END)
      WHEN NOT ${f} GLOB '[${globSet([...FIRST_LETTER_GSM, ...FIRST_LETTER_NON_GSM])}]' OR ${rest} GLOB '*[^${globSet([...REST_LETTER_GSM, ...REST_LETTER_NON_GSM])}]*' THEN NULL
      WHEN length(${w}) <= ${TITLE_MAX} AND ${isTitleSql(w)} THEN NULL
      WHEN ${f} GLOB '[${globSet(FIRST_LETTER_NON_GSM)}]' OR ${rest} GLOB '*[${globSet(REST_LETTER_NON_GSM)}]*' THEN length(${w}) * 4 + 1
      WHEN ${f} GLOB '[${globSet(FIRST_LETTER_GSM)}]' AND NOT ${rest} GLOB '*[^${globSet(REST_LETTER_GSM)}]*' THEN length(${w}) * 4
      ELSE NULL END`;
}
