/**
 * Does each recipient's text fit, and in how many parts, computed in SQL from the template and the
 * precomputed value metrics of batch_candidate (text-metrics.ts). A row the SQL cannot decide
 * exactly (`exact` false: an irregular value, or a two-unit character near a part boundary) is
 * rendered in JavaScript by the caller; `over` and `parts` are meaningful only where `exact`.
 */
import { type SQL, sql } from "drizzle-orm";
import { SMS_LIMITS } from "@/server/sms/encoding";
import { gsmSeptets, isGsmExtension } from "@/server/sms/gsm";
import { type TemplateVariableName, tokenize } from "@/server/sms/template";
import { transliterateToGsm } from "@/server/sms/transliterate";

const COLUMN: Readonly<Record<TemplateVariableName, string>> = {
  nome: "t_nome",
  primeiro_nome: "t_first",
  codigo: "t_code",
  plano: "t_plan",
  cidade: "t_city",
};

export type TemplateFit = {
  /** Only JavaScript can count this template (a boundary where a value would join the text around it). */
  irregular: boolean;
  /** How many times each variable occurs. */
  uses: Partial<Record<TemplateVariableName, number>>;
  /** The fixed text sent without accents: septets, and whether an extension character (2 septets) is there. */
  plain: { units: number; twoUnit: boolean };
  /** The fixed text as typed: GSM-7 or not, its septets, its UTF-16 units, extension/astral characters. */
  raw: { gsm: boolean; septets: number; twoSeptet: boolean; utf16: number; astral: boolean };
};

const segmenter = () => new Intl.Segmenter("pt-BR", { granularity: "grapheme" });

/** Whether a value next to `text` stays a character of its own (it does not combine or join). */
function separable(text: string, valueSide: "before" | "after"): boolean {
  if (text === "") return true;
  const joined = valueSide === "before" ? `a${text}` : `${text}a`;
  if (joined.normalize("NFC") !== (valueSide === "before" ? `a${text.normalize("NFC")}` : `${text.normalize("NFC")}a`)) return false;
  const parts = Array.from(segmenter().segment(joined), (s) => s.segment);
  return valueSide === "before" ? parts[0] === "a" : parts.at(-1) === "a";
}

export function templateFit(template: string): TemplateFit {
  const tokens = tokenize(template);
  const uses: TemplateFit["uses"] = {};
  let irregular = false;
  let fixed = "";
  const pieces: string[] = [];
  tokens.forEach((t, i) => {
    if (t.kind === "variable") {
      const name = t.name as TemplateVariableName;
      uses[name] = (uses[name] ?? 0) + 1;
      return;
    }
    if (tokens[i - 1]?.kind === "variable" && !separable(t.text, "before")) irregular = true;
    if (tokens[i + 1]?.kind === "variable" && !separable(t.text, "after")) irregular = true;
    fixed += t.text;
    pieces.push(t.text);
  });
  const plainText = pieces.map((p) => transliterateToGsm(p).text).join("");
  const plainChars = Array.from(plainText);
  const rawChars = Array.from(fixed);
  return {
    irregular,
    uses,
    plain: { units: plainChars.reduce((n, c) => n + gsmSeptets(c), 0), twoUnit: plainChars.some(isGsmExtension) },
    raw: {
      gsm: rawChars.every((c) => gsmSeptets(c) > 0),
      septets: rawChars.reduce((n, c) => n + gsmSeptets(c), 0),
      twoSeptet: rawChars.some(isGsmExtension),
      utf16: fixed.length,
      astral: rawChars.some((c) => c.length === 2),
    },
  };
}

export type FitSql = { exact: SQL; over: SQL; parts: SQL };

function capacity(limits: { single: number; perPart: number }, maxParts: number): number {
  return maxParts === 1 ? limits.single : limits.perPart * maxParts;
}

/** An integer literal: a bound JS number may reach SQLite as a real, and "/" must divide integers. */
const int = (n: number): SQL => sql.raw(String(Math.trunc(n)));

function partsOf(units: SQL, limits: { single: number; perPart: number }): SQL {
  return sql`(CASE WHEN ${units} = 0 THEN 0 WHEN ${units} <= ${int(limits.single)} THEN 1 ELSE (${units} + ${int(limits.perPart - 1)}) / ${int(limits.perPart)} END)`;
}

/** The fit of the row on alias `b` for the template `fit` sent with or without accents. */
export function fitSql(fit: TemplateFit, { stripAccents, maxParts }: { stripAccents: boolean; maxParts: number }): FitSql {
  if (fit.irregular) return { exact: sql`0`, over: sql`0`, parts: sql`0` };
  const used = Object.entries(fit.uses) as [TemplateVariableName, number][];
  const col = (v: TemplateVariableName) => sql.raw(`b.${COLUMN[v]}`);
  const lengths = used.length === 0 ? sql`0` : sql.join(used.map(([v, n]) => sql`${int(n)} * (${col(v)} >> 2)`), sql` + `);
  const irregularValue = used.length === 0 ? sql`0` : sql.join(used.map(([v]) => sql`${col(v)} IS NULL`), sql` OR `);
  const GSM = SMS_LIMITS.GSM7;
  const UCS = SMS_LIMITS.UCS2;

  if (stripAccents) {
    const units = sql`(${int(fit.plain.units)} + ${lengths})`;
    // A two-septet character may not straddle a part boundary: near one, only rendering can tell.
    const boundary = fit.plain.twoUnit ? sql` OR ${units} > ${int(GSM.single)}` : sql``;
    return { exact: sql`NOT (${irregularValue}${boundary})`, over: sql`${units} > ${int(capacity(GSM, maxParts))}`, parts: partsOf(units, GSM) };
  }
  const nonGsm = !fit.raw.gsm || used.length === 0 ? int(fit.raw.gsm ? 0 : 1) : sql`(${sql.join(used.map(([v]) => sql`(${col(v)} & 1)`), sql` OR `)})`;
  const units = sql`(CASE WHEN ${nonGsm} THEN ${int(fit.raw.utf16)} ELSE ${int(fit.raw.septets)} END + ${lengths})`;
  const boundary = sql`(CASE WHEN ${nonGsm} THEN ${int(fit.raw.astral ? 1 : 0)} AND ${units} > ${int(UCS.single)} ELSE ${int(fit.raw.twoSeptet ? 1 : 0)} AND ${units} > ${int(GSM.single)} END)`;
  return {
    exact: sql`NOT (${irregularValue} OR ${boundary})`,
    over: sql`${units} > CASE WHEN ${nonGsm} THEN ${int(capacity(UCS, maxParts))} ELSE ${int(capacity(GSM, maxParts))} END`,
    parts: sql`CASE WHEN ${nonGsm} THEN ${partsOf(units, UCS)} ELSE ${partsOf(units, GSM)} END`,
  };
}
