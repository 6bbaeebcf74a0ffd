// Protects SMS counting (encoding, units, parts) and the Portuguese limit messages the form and server share.
import fc from "fast-check";
import { SegmentedMessage } from "sms-segments-calculator";
import UnicodeToGsm from "sms-segments-calculator/dist/libs/UnicodeToGSM";
import { describe, expect, it } from "vitest";
import { analyzeSms, DEFAULT_MAX_PARTS, encodingNotice, limitMessage, SMS_LIMITS } from "./encoding";
import { GSM_CHARS, GSM_EXTENSION_CHARS, gsmSeptets } from "./gsm";

const gsmChar = fc.constantFrom(...GSM_CHARS);
const extChar = fc.constantFrom(...GSM_EXTENSION_CHARS);
const accented = fc.constantFrom(..."áâãêíóôõúçÁÂÃÊÍÓÔÕÚ");
const emoji = fc.integer({ min: 0x1f600, max: 0x1f64f }).map((cp) => String.fromCodePoint(cp));
// Single-code-unit characters that are their own grapheme (no combining marks): the oracle's model.
const plainBmp = fc
  .oneof(fc.integer({ min: 0xa0, max: 0x24f }), fc.integer({ min: 0x391, max: 0x3c9 }), fc.integer({ min: 0x2010, max: 0x2030 }), fc.integer({ min: 0x4e00, max: 0x4e40 }))
  .map((cp) => String.fromCodePoint(cp))
  .filter((c) => !/\p{M}/u.test(c));

const text = (unit: fc.Arbitrary<string>, maxLength = 480) => fc.string({ unit, maxLength });
const gsmText = text(fc.oneof({ weight: 6, arbitrary: gsmChar }, { weight: 1, arbitrary: extChar }));
const mixedText = text(fc.oneof({ weight: 12, arbitrary: gsmChar }, extChar, accented, emoji, plainBmp));

/** Independent recount: parts from the unit sizes, by cutting a flat array of units at part boundaries. */
function referenceParts(sizes: number[], single: number, perPart: number): number {
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total === 0) return 0;
  if (total <= single) return 1;
  let parts = 1;
  let start = 0; // unit offset where the current part starts
  let offset = 0;
  for (const size of sizes) {
    if (offset + size - start > perPart) {
      parts++;
      start = offset;
    }
    offset += size;
  }
  return parts;
}

describe("analyzeSms — examples", () => {
  it("counts a plain 160-character message as one GSM-7 SMS", () => {
    expect(analyzeSms("a".repeat(160))).toEqual({
      encoding: "GSM7", characters: 160, units: 160, parts: 1, perPart: 160, remainingInPart: 0,
      nonGsmChars: [], extensionChars: [], maxParts: 1, maxUnits: 160, withinLimit: true, fitsWithoutAccents: true,
    });
  });

  it("splits at 153 per part once over 160", () => {
    expect(analyzeSms("a".repeat(161), { maxParts: 3 })).toMatchObject({ parts: 2, perPart: 153, remainingInPart: 145, withinLimit: true, maxUnits: 459 });
    expect(analyzeSms("a".repeat(306), { maxParts: 3 })).toMatchObject({ parts: 2, remainingInPart: 0 });
    expect(analyzeSms("a".repeat(307), { maxParts: 3 })).toMatchObject({ parts: 3 });
  });

  it("switches to UCS-2 for ã, ç but not for é, à, Ç, ü, ñ", () => {
    expect(analyzeSms("Sua fatura vence amanhã")).toMatchObject({ encoding: "UCS2", nonGsmChars: ["ã"], perPart: 70, remainingInPart: 47 });
    expect(analyzeSms("Atenção, você")).toMatchObject({ encoding: "UCS2", nonGsmChars: ["ç", "ã", "ê"] });
    expect(analyzeSms("é à Ç ü ñ É Ä ö ß Ω €")).toMatchObject({ encoding: "GSM7" });
    expect(analyzeSms("a".repeat(70) + "ã")).toMatchObject({ parts: 2, perPart: 67 });
  });

  it("counts the extension characters twice and never splits one across parts", () => {
    expect(analyzeSms("{[|^€~\\]}")).toMatchObject({ encoding: "GSM7", characters: 9, units: 18, extensionChars: ["{", "[", "|", "^", "€", "~", "\\", "]", "}"] });
    // 152 septets then "{": it would straddle the first boundary, so it opens part 2.
    const a = analyzeSms(`${"a".repeat(152)}{${"a".repeat(10)}`, { maxParts: 2 });
    expect(a).toMatchObject({ units: 164, parts: 2, remainingInPart: 153 - 12 });
  });

  it("counts an emoji as one character but two UCS-2 units, never split", () => {
    expect(analyzeSms("Oi 😀")).toMatchObject({ encoding: "UCS2", characters: 4, units: 5, nonGsmChars: ["😀"] });
    const a = analyzeSms(`${"a".repeat(66)}😀`, { maxParts: 2 });
    expect(a).toMatchObject({ units: 68, parts: 1 });
    const b = analyzeSms(`${"a".repeat(66)}😀${"a".repeat(3)}`, { maxParts: 2 });
    expect(b).toMatchObject({ units: 71, parts: 2, remainingInPart: 67 - 5 });
  });

  it("treats an empty message as 0 parts within the limit, and clamps maxParts to at least 1", () => {
    expect(analyzeSms("")).toMatchObject({ parts: 0, units: 0, remainingInPart: 160, withinLimit: true });
    expect(analyzeSms("x", { maxParts: 0 }).maxParts).toBe(1);
    expect(DEFAULT_MAX_PARTS).toBe(1);
  });
});

describe("limitMessage and encodingNotice", () => {
  it("says nothing while the message fits", () => {
    expect(limitMessage(analyzeSms("Olá"))).toBeNull();
    expect(encodingNotice(analyzeSms("Ola"))).toBeNull();
  });

  it("explains the GSM-7 limit", () => {
    expect(limitMessage(analyzeSms("a".repeat(172)))).toBe("A mensagem passa de 160 caracteres (1 SMS): tem 172.");
    expect(limitMessage(analyzeSms("a".repeat(500), { maxParts: 3 }))).toBe("A mensagem passa de 459 caracteres (3 SMS): tem 500.");
    expect(limitMessage(analyzeSms(`${"a".repeat(157)}{}`))).toBe("A mensagem passa de 160 caracteres (1 SMS): tem 161. Os sinais { e } contam como 2 caracteres cada.");
    expect(limitMessage(analyzeSms(`${"a".repeat(152)}{${"a".repeat(152)}`, { maxParts: 2 }))).toBe(
      "A mensagem não cabe em 2 SMS: o sinal { conta como 2 caracteres e não pode ser dividido entre duas partes.",
    );
    expect(limitMessage(analyzeSms(`${"a".repeat(158)}€`))).toBeNull();
    expect(limitMessage(analyzeSms(`${"a".repeat(159)}€`))).toBe("A mensagem passa de 160 caracteres (1 SMS): tem 161. O sinal € conta como 2 caracteres.");
  });

  it("explains the UCS-2 limit and offers “remover acentos” only when it helps", () => {
    const ucs = `Atenção: sua fatura vence amanhã. ${"a".repeat(60)}`;
    expect(limitMessage(analyzeSms(ucs))).toBe(
      "Com acentos como ç, ã a mensagem usa outra codificação: cabem 70 caracteres por SMS e ela tem 94. Sem acentos ela caberia: use “remover acentos” no texto ou ative “Enviar sem acentos” na conta de SMS.",
    );
    expect(limitMessage(analyzeSms(`ã${"a".repeat(400)}`, { maxParts: 2 }))).toBe(
      "Com acentos como ã a mensagem usa outra codificação: cabem 134 caracteres em 2 SMS e ela tem 401. Mesmo sem acentos ela não cabe: encurte o texto.",
    );
    expect(limitMessage(analyzeSms(`Oi 😀 ${"a".repeat(70)}`))).toBe(
      "Com símbolos como 😀 a mensagem usa outra codificação: cabem 70 caracteres por SMS e ela tem 76. Sem acentos ela caberia: use “remover acentos” no texto ou ative “Enviar sem acentos” na conta de SMS.",
    );
    expect(limitMessage(analyzeSms(`${"a".repeat(66)}😀${"a".repeat(66)}`, { maxParts: 2 }))).toBe(
      "Com símbolos como 😀 a mensagem usa outra codificação: cabem 134 caracteres em 2 SMS, e um emoji não pode ficar dividido entre duas partes. Sem acentos ela caberia: use “remover acentos” no texto ou ative “Enviar sem acentos” na conta de SMS.",
    );
    expect(limitMessage(analyzeSms(`a\u00a0b${"a".repeat(70)}`))).toMatch(/^Com caracteres invisíveis \(tabulação, espaço especial\) a mensagem/);
  });

  it("warns about UCS-2 while the message still fits", () => {
    expect(encodingNotice(analyzeSms("Sua fatura vence amanhã"))).toBe("Acentos como ã mudam a codificação: cabem 70 caracteres por SMS em vez de 160.");
  });
});

describe("analyzeSms — properties", () => {
  it("GSM-7 text: extension characters count 2, parts = 1 iff units ≤ 160, else the 153-septet boundary rule", () => {
    fc.assert(
      fc.property(gsmText, (t) => {
        const a = analyzeSms(t, { maxParts: 10 });
        const chars = Array.from(t);
        const ext = chars.filter((c) => (GSM_EXTENSION_CHARS as readonly string[]).includes(c) || c === "\f").length;
        expect(a.encoding).toBe("GSM7");
        expect(a.characters).toBe(chars.length);
        expect(a.units).toBe(chars.length + ext);
        expect(a.parts === 1).toBe(a.units > 0 && a.units <= 160);
        expect(a.parts).toBe(referenceParts(chars.map((c) => gsmSeptets(c)), 160, 153));
        if (ext === 0 && a.units > 160) expect(a.parts).toBe(Math.ceil(a.units / 153));
      }),
    );
  });

  it("any character outside GSM-7 forces UCS-2, counted in UTF-16 units with 70/67 and no split surrogate pair", () => {
    fc.assert(
      fc.property(mixedText, (t) => {
        const a = analyzeSms(t, { maxParts: 10 });
        const chars = Array.from(t);
        const outside = chars.filter((c) => gsmSeptets(c) === 0);
        expect(a.encoding).toBe(outside.length > 0 ? "UCS2" : "GSM7");
        expect(a.nonGsmChars).toEqual([...new Set(outside)]);
        if (a.encoding !== "UCS2") return;
        expect(a.units).toBe(t.length);
        expect(a.parts === 1).toBe(a.units > 0 && a.units <= 70);
        expect(a.parts).toBe(referenceParts(chars.map((c) => c.length), 70, 67));
        expect(a.parts).toBeGreaterThanOrEqual(Math.ceil(a.units / 67) || 0);
      }),
    );
  });

  it("withinLimit ⇔ parts ≤ maxParts, and remainingInPart stays inside the part", () => {
    fc.assert(
      fc.property(mixedText, fc.integer({ min: 1, max: 5 }), (t, maxParts) => {
        const a = analyzeSms(t, { maxParts });
        expect(a.withinLimit).toBe(a.parts <= maxParts);
        expect(a.remainingInPart).toBeGreaterThanOrEqual(0);
        expect(a.remainingInPart).toBeLessThanOrEqual(a.perPart);
        expect(a.perPart).toBe(a.parts > 1 ? SMS_LIMITS[a.encoding].perPart : SMS_LIMITS[a.encoding].single);
        expect(limitMessage(a) === null).toBe(a.withinLimit);
      }),
    );
  });
});

describe("agreement with sms-segments-calculator", () => {
  it("uses the same GSM 03.38 tables", () => {
    const oracle = new Map(Object.entries(UnicodeToGsm).map(([cp, codes]) => [String.fromCodePoint(Number(cp)), codes.length]));
    expect(new Set(oracle.keys())).toEqual(new Set(GSM_CHARS));
    for (const [c, septets] of oracle) expect(gsmSeptets(c), JSON.stringify(c)).toBe(septets);
  });

  it("agrees on encoding for any string", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), mixedText), (t) => {
        const oracle = new SegmentedMessage(t).getEncodingName() === "GSM-7" ? "GSM7" : "UCS2";
        expect(analyzeSms(t).encoding).toBe(oracle);
      }),
    );
  });

  it("agrees on parts for text whose characters are each one grapheme", () => {
    fc.assert(
      fc.property(fc.oneof(gsmText, mixedText), (t) => {
        const oracle = new SegmentedMessage(t);
        expect(analyzeSms(t).parts).toBe(t === "" ? 0 : oracle.segmentsCount);
      }),
      { numRuns: 500 },
    );
  });

  it("differs on purpose for multi-code-point graphemes at a boundary: we split by code point, as SMSCs do", () => {
    const family = "👨‍👩‍👧"; // 5 code points, 8 UTF-16 units, one grapheme
    const t = `${"a".repeat(64)}${family}`; // 72 units: the family straddles the 67-unit boundary
    expect(analyzeSms(t, { maxParts: 2 }).parts).toBe(2);
    expect(new SegmentedMessage(t).segmentsCount).toBe(2);
    // 131 units: we end part 1 after 66 units, inside the family; the oracle moves the whole family
    // to part 2 (ending part 1 at 63) and needs a third part.
    const longer = `${"a".repeat(63)}${family}${"a".repeat(60)}`;
    expect(analyzeSms(longer, { maxParts: 3 }).parts).toBe(2);
    expect(new SegmentedMessage(longer).segmentsCount).toBe(3);
  });
});
