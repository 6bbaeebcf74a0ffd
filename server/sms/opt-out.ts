/**
 * Recognises an opt-out reply (LGPD: the customer can revoke consent at any time). Browser-safe.
 *
 * The rule, on the reply with accents, case and punctuation removed, as words:
 *   [intent words] KEYWORD [words about the messages]
 * - KEYWORD is PARE, SAIR, STOP or CANCELAR, and must be the first word after an optional intent
 *   ("quero", "gostaria de", "por favor", "eu"…): "SAIR", "pare!!", "Quero sair", "por favor pare".
 * - Anything after it must only talk about the messages or be politeness: "pare de me mandar sms",
 *   "sair da lista", "cancelar o envio", "pare, não quero mais", "stop obrigado".
 * So a keyword inside ordinary talk does not count: "vou sair de casa às 8", "não pare",
 * "cancelar o plano", "não consigo parar o roteador" (and PARAR/PARA are not keywords).
 * A false negative only means an operator reads the reply; a false positive would silence a customer.
 */

export const OPT_OUT_KEYWORDS = ["PARE", "SAIR", "STOP", "CANCELAR"] as const;

const KEYWORDS: ReadonlySet<string> = new Set(OPT_OUT_KEYWORDS.map((k) => k.toLowerCase()));

const INTENT: ReadonlySet<string> = new Set([
  "eu", "quero", "queria", "gostaria", "desejo", "de", "por", "favor", "porfavor", "pf", "pfv", "pfvr", "so", "apenas",
]);

const ABOUT_MESSAGES: ReadonlySet<string> = new Set([
  // the messages themselves
  "sms", "msg", "msgs", "mensagem", "mensagens", "torpedo", "torpedos", "envio", "envios", "lista", "listas", "grupo",
  "mandar", "enviar", "receber", "contato", "numero", "isso", "disso",
  // small words that glue them
  "de", "da", "do", "das", "dos", "com", "a", "o", "as", "os", "me", "pra", "para", "minha", "meu", "essa", "esta",
  "essas", "estas", "esse", "este", "esses", "estes", "dessa", "desta", "desse", "deste", "dessas", "destas", "aqui",
  "ja", "agora", "nao", "quero", "mais", "vcs", "voces",
  // politeness
  "por", "favor", "porfavor", "pf", "pfv", "pfvr", "obrigado", "obrigada", "obg", "grato", "grata", "ok",
]);

const MAX_WORDS = 12;

function words(text: string): string[] {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter((w) => w !== "");
}

/** True when an inbound reply asks to stop receiving messages (see the rule above). */
export function isOptOutRequest(text: string): boolean {
  const w = words(text);
  if (w.length === 0 || w.length > MAX_WORDS) return false;
  let i = 0;
  while (i < w.length && !KEYWORDS.has(w[i] ?? "") && INTENT.has(w[i] ?? "")) i++;
  if (!KEYWORDS.has(w[i] ?? "")) return false;
  return w.slice(i + 1).every((rest) => KEYWORDS.has(rest) || ABOUT_MESSAGES.has(rest));
}
