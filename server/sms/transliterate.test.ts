// Protects "Enviar sem acentos": the text sent is GSM-7, reads the same, and nothing visible vanishes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeSms } from "./encoding";
import { outgoingSms, transliterateToGsm } from "./transliterate";

describe("transliterateToGsm", () => {
  it("sends the issue's 75-character Portuguese message as one SMS", () => {
    const text = "Olá Alex, sua conexão será restabelecida às 14h. Obrigado pela compreensão!";
    expect(analyzeSms(text).withinLimit).toBe(false); // with accents: UCS-2, 70 per SMS
    const out = outgoingSms(text, { stripAccents: true, maxParts: 1 });
    expect(out.text).toBe("Ola Alex, sua conexao sera restabelecida às 14h. Obrigado pela compreensao!");
    expect(out.analysis).toMatchObject({ encoding: "GSM7", parts: 1, characters: 75, withinLimit: true });
    expect(out.transliterated).toBe(true);
    expect(out.replaced).toEqual([]);
  });

  it("plains letters and typography: ç→c, ã→a, “ ”→\", – → -", () => {
    expect(transliterateToGsm("“Heloísa”, Poços de Caldas – ação…").text).toBe('"Heloisa", Pocos de Caldas - acao...');
    expect(transliterateToGsm("CONCEIÇÃO São João").text).toBe("CONCEIÇAO Sao Joao");
  });

  it("replaces what has no GSM-7 form with ? and says which, one ? per emoji sequence", () => {
    const family = "👨‍👩‍👧";
    expect(transliterateToGsm(`Oi 😀 ${family} 👍🏽 Ω 中!`)).toEqual({ text: "Oi ? ? ? Ω ?!", replaced: ["😀", family, "👍🏽", "中"] });
    // Its compatibility form is a space and two marks: still a character the customer would miss.
    expect(transliterateToGsm("aﱞb")).toEqual({ text: "a?b", replaced: ["ﱞ"] });
  });

  it("leaves out only invisible characters", () => {
    expect(transliterateToGsm("zero\u200bwidth e\u0301 q\u0303")).toEqual({ text: "zerowidth é q", replaced: [] });
  });

  it("keeps the account's choice: without it the rendered text goes as it is", () => {
    const out = outgoingSms("Olá", { stripAccents: false });
    expect(out).toMatchObject({ text: "Olá", transliterated: false, analysis: { encoding: "UCS2" } });
  });

  it("always ends in GSM-7, and every visible character leaves a trace", () => {
    const text = fc.oneof(fc.string({ unit: "grapheme" }), fc.string({ unit: fc.constantFrom(..."áãçÇõê“”–—…😀 abc\u00a0\n") }));
    fc.assert(
      fc.property(text, (t) => {
        const out = transliterateToGsm(t);
        expect(analyzeSms(out.text).encoding).toBe("GSM7");
        const visible = Array.from(new Intl.Segmenter("pt-BR", { granularity: "grapheme" }).segment(t.normalize("NFC")))
          .filter((s) => /[^\p{Cc}\p{Cf}\p{M}\p{Z}]/u.test(s.segment)).length;
        expect(Array.from(out.text.replace(/\s/g, "")).length).toBeGreaterThanOrEqual(visible);
        expect(transliterateToGsm(out.text).text).toBe(out.text);
      }),
    );
  });
});
