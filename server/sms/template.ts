/**
 * Message templates with {variables}. Browser-safe. Rendering is plain substitution over a fixed
 * grammar: a variable is "{" + a name (letters, digits, "_", starting with a letter or "_") + "}".
 * Any other brace ("{ ", a lone "{", "}") is literal text. There is no escape: "{{" is not a brace,
 * because SMS templates almost never need a literal "{nome}" and Mustache habits ("{{nome}}") are
 * far more likely — validateTemplate flags those, and renderTemplate would keep the outer braces.
 * Values are inserted as they are and never scanned again, so a name containing "{codigo}" stays
 * literal.
 */

/** Sample values, for previews and the picker. */
export const EXAMPLE_CONTEXT = {
  nome: "Maria da Silva",
  primeiro_nome: "Maria",
  codigo: "10234",
  plano: "Fibra 500 Mega",
  cidade: "Poços de Caldas",
} as const;

export const TEMPLATE_VARIABLES = [
  { name: "nome", token: "{nome}", description: "Nome completo do cliente, como está no cadastro", example: EXAMPLE_CONTEXT.nome },
  { name: "primeiro_nome", token: "{primeiro_nome}", description: "Primeiro nome do cliente, com só a inicial maiúscula", example: EXAMPLE_CONTEXT.primeiro_nome },
  { name: "codigo", token: "{codigo}", description: "Código do cliente", example: EXAMPLE_CONTEXT.codigo },
  { name: "plano", token: "{plano}", description: "Plano contratado (fica vazio se o cliente não tiver plano)", example: EXAMPLE_CONTEXT.plano },
  { name: "cidade", token: "{cidade}", description: "Cidade do cliente", example: EXAMPLE_CONTEXT.cidade },
] as const;

export type TemplateVariableName = (typeof TEMPLATE_VARIABLES)[number]["name"];

/** Values for every variable; `plano` may be empty. */
export type TemplateContext = Record<TemplateVariableName, string>;

const KNOWN: ReadonlySet<string> = new Set(TEMPLATE_VARIABLES.map((v) => v.name));
const isKnown = (name: string): name is TemplateVariableName => KNOWN.has(name);

const VARIABLE = /\{([\p{L}_][\p{L}\p{N}_]*)\}/gu;
// Brace groups that look like an attempt at a variable: "{{nome}}", "{ nome }", "{primeiro nome}".
const BRACE_GROUP = /\{+([^{}\n]{1,40})\}+/gu;

export type Token = { kind: "text"; text: string } | { kind: "variable"; name: string };

/** The template as text and variables, in order (a variable used twice appears twice). */
export function tokenize(template: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  for (const m of template.matchAll(VARIABLE)) {
    if (m.index > last) tokens.push({ kind: "text", text: template.slice(last, m.index) });
    tokens.push({ kind: "variable", name: m[1] ?? "" });
    last = m.index + m[0].length;
  }
  if (last < template.length) tokens.push({ kind: "text", text: template.slice(last) });
  return tokens;
}

function normalizeName(s: string): string {
  return s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().trim().replace(/[\s-]+/g, "_");
}

/** The known variable someone probably meant ("Nome", "código", "primeiro nome", "primeironome"). */
export function suggestVariable(written: string): TemplateVariableName | null {
  const n = normalizeName(written);
  for (const v of TEMPLATE_VARIABLES) {
    if (n === v.name || n.replace(/_/g, "") === v.name.replace(/_/g, "")) return v.name;
  }
  return null;
}

export type ParsedTemplate = {
  /** Known variables used, unique, in order of appearance. */
  variables: TemplateVariableName[];
  /** Names inside {…} that are not variables ("xyz" for "{xyz}"), unique, in order. */
  unknown: string[];
  /** Brace groups that are not variables by the grammar but clearly meant one ("{{nome}}", "{ nome }"). */
  misspelled: { written: string; suggestion: TemplateVariableName }[];
};

export function parseTemplate(template: string): ParsedTemplate {
  const variables = new Set<TemplateVariableName>();
  const unknown = new Set<string>();
  for (const t of tokenize(template)) {
    if (t.kind !== "variable") continue;
    if (isKnown(t.name)) variables.add(t.name);
    else unknown.add(t.name);
  }
  const misspelled: ParsedTemplate["misspelled"] = [];
  for (const m of template.matchAll(BRACE_GROUP)) {
    const inner = m[1] ?? "";
    if (m[0] === `{${inner}}` && /^[\p{L}_][\p{L}\p{N}_]*$/u.test(inner)) continue; // a variable proper
    const suggestion = suggestVariable(inner);
    if (suggestion && !misspelled.some((x) => x.written === m[0])) misspelled.push({ written: m[0], suggestion });
  }
  return { variables: [...variables], unknown: [...unknown], misspelled };
}

function joinPt(items: readonly string[], last: "e" | "ou"): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} ${last} ${items.at(-1)}`;
}

const ALL_TOKENS = joinPt(TEMPLATE_VARIABLES.map((v) => v.token), "ou");

export type TemplateValidation = { ok: true } | { ok: false; message: string };

export function validateTemplate(template: string): TemplateValidation {
  const { unknown, misspelled } = parseTemplate(template);
  if (unknown.length === 1 && unknown[0] !== undefined) {
    const suggestion = suggestVariable(unknown[0]);
    const hint = suggestion ? `Você quis dizer {${suggestion}}?` : `Use ${ALL_TOKENS}.`;
    return { ok: false, message: `Variável desconhecida: {${unknown[0]}}. ${hint}` };
  }
  if (unknown.length > 1) {
    return { ok: false, message: `Variáveis desconhecidas: ${joinPt(unknown.map((u) => `{${u}}`), "e")}. Use ${ALL_TOKENS}.` };
  }
  const first = misspelled[0];
  if (first) {
    return { ok: false, message: `Variável mal escrita: ${first.written}. Escreva {${first.suggestion}}, com uma chave de cada lado e sem espaços.` };
  }
  return { ok: true };
}

/** Substitutes the variables. Throws on an unknown variable: callers run validateTemplate first. */
export function renderTemplate(template: string, ctx: TemplateContext): string {
  let out = "";
  for (const t of tokenize(template)) {
    if (t.kind === "text") out += t.text;
    else if (isKnown(t.name)) out += ctx[t.name] ?? "";
    else throw new Error(`Variável desconhecida: {${t.name}}`);
  }
  return out;
}

/** The text with these values (the example ones when null), or null when the template itself is wrong. */
export function renderPreview(template: string, ctx: TemplateContext | null): string | null {
  if (!validateTemplate(template).ok) return null;
  return renderTemplate(template, ctx ?? EXAMPLE_CONTEXT);
}

/** Titles firstName skips ("Dr. João" → "João"); batches/text-metrics.ts mirrors the rule in SQL. */
export const HONORIFIC_WORDS = ["sr", "sra", "srta", "dr", "dra", "prof", "profa"] as const;
const HONORIFICS: ReadonlySet<string> = new Set(HONORIFIC_WORDS);

function capitalizeWord(word: string): string {
  // Mixed case ("DeLuca") was typed on purpose; only all-caps or all-lowercase words are recased.
  if (word !== word.toLocaleUpperCase("pt-BR") && word !== word.toLocaleLowerCase("pt-BR")) return word;
  return word
    .toLocaleLowerCase("pt-BR")
    .split(/([-'’])/)
    .map((part) => part.charAt(0).toLocaleUpperCase("pt-BR") + part.slice(1))
    .join("");
}

/** "MARIA DA SILVA" → "Maria"; "Mercado São José Ltda" → "Mercado"; "Dr. João Souza" → "João". */
export function firstName(fullName: string): string {
  const words = fullName
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""))
    .filter((w) => w !== "");
  const start = words.length > 1 && HONORIFICS.has(normalizeName(words[0] ?? "")) ? 1 : 0;
  return capitalizeWord(words[start] ?? "");
}

export function contextForCustomer(c: {
  name: string;
  code: string | number;
  planName?: string | null;
  cityName?: string | null;
}): TemplateContext {
  return {
    nome: c.name.trim().replace(/\s+/g, " "),
    primeiro_nome: firstName(c.name),
    codigo: String(c.code).trim(),
    plano: c.planName?.trim() ?? "",
    cidade: c.cityName?.trim() ?? "",
  };
}
