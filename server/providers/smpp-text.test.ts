import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { concatUdh, destinationAddr, encodeText, fitsOnePart, inboundNumber, sourceAddress, splitParts } from "./smpp-text";

describe("encodeText", () => {
  it("writes GSM 03.38 septets, one per octet, extension characters as ESC pairs", () => {
    const t = encodeText("@$_{}€ é", "GSM7");
    expect(t.dataCoding).toBe(0);
    expect([...t.bytes]).toEqual([0x00, 0x02, 0x11, 0x1b, 0x28, 0x1b, 0x29, 0x1b, 0x65, 0x20, 0x05]);
  });

  it("writes UCS-2 big-endian with data_coding 8", () => {
    const t = encodeText("amanhã", "UCS2");
    expect(t.dataCoding).toBe(8);
    expect(t.bytes.toString("hex")).toBe("0061006d0061006e006800e3");
  });

  it("sends a GSM7 request holding a non-GSM character as UCS-2 rather than lose it", () => {
    expect(encodeText("Vence amanhã", "GSM7").dataCoding).toBe(8);
  });

  it("knows the single-part limits: 160 septets, 70 UCS-2 characters", () => {
    expect(fitsOnePart(encodeText("a".repeat(160), "GSM7"))).toBe(true);
    expect(fitsOnePart(encodeText("a".repeat(159) + "€", "GSM7"))).toBe(false);
    expect(fitsOnePart(encodeText("ã".repeat(70), "UCS2"))).toBe(true);
    expect(fitsOnePart(encodeText("ã".repeat(71), "UCS2"))).toBe(false);
  });
});

describe("splitParts", () => {
  it("fills 153 septets per part without cutting an ESC pair", () => {
    const parts = splitParts(encodeText("a".repeat(152) + "€" + "b".repeat(10), "GSM7"));
    expect(parts.map((p) => p.length)).toEqual([152, 12]);
    expect(parts[1]![0]).toBe(0x1b);
  });

  it("fills 67 UCS-2 units per part without cutting a surrogate pair", () => {
    const parts = splitParts(encodeText("ã".repeat(66) + "😀" + "ã", "UCS2"));
    expect(parts.map((p) => p.length)).toEqual([132, 6]);
  });

  it("loses and reorders nothing", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", minLength: 71, maxLength: 400 }), (text) => {
        const t = encodeText(text, "UCS2");
        const parts = splitParts(t);
        expect(Buffer.concat(parts).equals(t.bytes)).toBe(true);
        for (const p of parts) expect(p.length).toBeLessThanOrEqual(134);
      }),
    );
  });

  it("builds the 8-bit reference concatenation header", () => {
    expect([...concatUdh(300, 3, 2)]).toEqual([0x05, 0x00, 0x03, 300 & 0xff, 3, 2]);
  });
});

describe("addresses", () => {
  it("sends Brazilian numbers as 55DDDNUMBER, or DDDNUMBER with national TON", () => {
    expect(destinationAddr("+5535991234567", 1)).toBe("5535991234567");
    expect(destinationAddr("+5535991234567", 2)).toBe("35991234567");
  });

  it("derives the sender's TON/NPI from its form", () => {
    expect(sourceAddress("ProvedorX")).toEqual({ addr: "ProvedorX", ton: 5, npi: 0 });
    expect(sourceAddress("+55 35 99123-4567")).toEqual({ addr: "5535991234567", ton: 1, npi: 1 });
    expect(sourceAddress("29090")).toEqual({ addr: "29090", ton: 0, npi: 0 });
    expect(sourceAddress("")).toEqual({ addr: "", ton: 0, npi: 0 });
  });

  it("turns inbound numbers into E.164, keeping short codes and names", () => {
    expect(inboundNumber("5535991234567", 1)).toBe("+5535991234567");
    expect(inboundNumber("5535991234567", 0)).toBe("+5535991234567");
    expect(inboundNumber("35991234567", 2)).toBe("+5535991234567");
    expect(inboundNumber("035991234567", 0)).toBe("+5535991234567");
    expect(inboundNumber("55991234567", 0)).toBe("+5555991234567");
    expect(inboundNumber("29090", 0)).toBe("29090");
    expect(inboundNumber("Operadora", 5)).toBe("Operadora");
  });
});
