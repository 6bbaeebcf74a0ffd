// Protects opt-out detection (LGPD): PARE/SAIR/STOP/CANCELAR replies count, ordinary replies that mention them do not.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isOptOutRequest, OPT_OUT_KEYWORDS } from "./opt-out";

const keyword = fc.constantFrom(...OPT_OUT_KEYWORDS, "Páre", "SAÍR", "Stop", "cancelár");
const casing = (s: string) => fc.array(fc.boolean(), { minLength: s.length, maxLength: s.length }).map((up) => Array.from(s, (c, i) => (up[i] ? c.toUpperCase() : c.toLowerCase())).join(""));
const noise = fc.string({ unit: fc.constantFrom(" ", "!", ".", "?", ",", "\n", "\t", "*", "🙏", "-"), maxLength: 4 });

describe("isOptOutRequest — examples", () => {
  it.each([
    "PARE", "pare", "Pare.", "PARE!!", "  sair  ", "SAIR", "Stop", "STOP.", "cancelar", "CANCELAR!", "Páre", "sáir",
    "Quero sair", "quero sair da lista", "Por favor, pare", "pare por favor", "pare de me mandar sms",
    "Pare de enviar mensagens", "sair, obrigado", "PARE PARE PARE", "cancelar o envio", "pare, não quero mais",
    "gostaria de sair da lista", "pare com isso", "stop 🙏",
  ])("%j is an opt-out request", (text) => {
    expect(isOptOutRequest(text)).toBe(true);
  });

  it.each([
    "", "   ", "não consigo parar o roteador", "vou sair de casa às 8", "não pare", "cancelar o plano",
    "quero cancelar a internet", "Quero sair mais cedo hoje", "A internet parou", "para", "parar", "ok, obrigado",
    "pode cancelar a visita", "sair de casa", "Já paguei, pode cancelar a cobrança", "a luz vai parar",
    "pare o técnico que está vindo", "stopped",
  ])("%j is not", (text) => {
    expect(isOptOutRequest(text)).toBe(false);
  });
});

describe("isOptOutRequest — properties", () => {
  it("recognises a keyword in any case, with or without accents, amid punctuation and spaces", () => {
    fc.assert(
      fc.property(keyword.chain(casing), noise, noise, (k, before, after) => {
        expect(isOptOutRequest(`${before}${k}${after}`)).toBe(true);
      }),
    );
  });

  it("does not fire when a keyword follows other words about something else", () => {
    fc.assert(
      fc.property(fc.constantFrom("vou", "não", "ele", "a internet", "preciso"), keyword, fc.constantFrom("", " de casa", " agora"), (lead, k, tail) => {
        expect(isOptOutRequest(`${lead} ${k}${tail}`)).toBe(false);
      }),
    );
  });
});
