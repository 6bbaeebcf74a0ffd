// Protects "remover acentos": its result is always GSM-7, stable when repeated, and readable Portuguese.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeSms, removeAccents } from "./encoding";
import { GSM_CHARS } from "./gsm";

const printableAsciiButBacktick = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).filter((c) => c !== 0x60).map((c) => String.fromCharCode(c)),
});
const portuguese = fc.string({ unit: fc.constantFrom(..."áâãàéêíóôõúüçÁÂÃÀÉÊÍÓÔÕÚÜÇ “”‘’–—…\u00a0abcXYZ 0123,.!?\n") });
const anything = fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: "grapheme-composite" }), portuguese);

describe("removeAccents — examples", () => {
  it("drops the accents GSM-7 lacks and keeps the ones it has", () => {
    expect(removeAccents("Atenção: sua fatura vence amanhã")).toBe("Atencao: sua fatura vence amanha");
    expect(removeAccents("Você é nosso cliente à vista, CONCEIÇÃO")).toBe("Voce é nosso cliente à vista, CONCEIÇAO");
    expect(removeAccents("São Tomé, Ñandú, Müller")).toBe("Sao Tomé, Ñandu, Müller");
  });

  it("plains typography and drops what has no GSM-7 form", () => {
    expect(removeAccents("“Olá” — ‘oi’ – fim…")).toBe("\"Ola\" - 'oi' - fim...");
    expect(removeAccents("R$\u00a010,00\tpix")).toBe("R$ 10,00 pix");
    expect(removeAccents("ﬁbra ½ 2º 3ª ° ™")).toBe("fibra 1/2 2o 3a o TM");
    expect(removeAccents("Oi 😀!")).toBe("Oi !");
    expect(removeAccents("e\u0301 a\u0303")).toBe("é a"); // decomposed input: é is GSM-7, ã is not
    expect(removeAccents("zero\u200bwidth")).toBe("zerowidth");
  });

  it("keeps GSM-7 extension characters (they are GSM-7, only pricier)", () => {
    expect(removeAccents("{codigo} [x] 10€ ~ ^ | \\")).toBe("{codigo} [x] 10€ ~ ^ | \\");
  });
});

describe("removeAccents — properties", () => {
  it("always ends in GSM-7", () => {
    fc.assert(
      fc.property(anything, (t) => {
        expect(analyzeSms(removeAccents(t)).encoding).toBe("GSM7");
      }),
    );
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(anything, (t) => {
        expect(removeAccents(removeAccents(t))).toBe(removeAccents(t));
      }),
    );
  });

  it("leaves GSM-7 text and printable ASCII (except `, which GSM-7 lacks) unchanged", () => {
    fc.assert(
      fc.property(printableAsciiButBacktick, (t) => {
        expect(removeAccents(t)).toBe(t);
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...GSM_CHARS) }), (t) => {
        expect(removeAccents(t)).toBe(t);
      }),
    );
    expect(removeAccents("`")).toBe("'");
  });

  it("never makes Portuguese text longer in characters, except for the ellipsis", () => {
    fc.assert(
      fc.property(portuguese, (t) => {
        const ellipses = Array.from(t).filter((c) => c === "…").length;
        expect(Array.from(removeAccents(t)).length).toBeLessThanOrEqual(Array.from(t).length + 2 * ellipses);
      }),
    );
  });
});
