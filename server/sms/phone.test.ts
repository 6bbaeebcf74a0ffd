// Protects the shared recipient parser: every way operators type a mobile works, nothing but a Brazilian mobile passes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BRAZIL_DDDS, dddToUfs, formatPhoneNational, isBrazilDdd, parseSmsRecipient, phoneDigits } from "./phone";

const ddd = fc.constantFrom(...BRAZIL_DDDS).map(String);
const badDdd = fc.integer({ min: 10, max: 99 }).filter((n) => !isBrazilDdd(n)).map(String);
const digits = (n: number) => fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: n, maxLength: n });
const mobileSubscriber = digits(8).map((d) => `9${d}`);
const landlineSubscriber = fc.tuple(fc.constantFrom("2", "3", "4", "5"), digits(7)).map(([a, b]) => a + b);
const carrier = fc.constantFrom("12", "14", "15", "21", "23", "25", "31", "41", "43", "55", "65", "99");

/** The ways a number is typed, by DDD + subscriber (8 or 9 digits). */
function typedForms(d: string, s: string, cc: string): string[] {
  const head = s.length === 9 ? s.slice(0, 5) : s.slice(0, 4);
  const tail = s.slice(head.length);
  return [
    `(${d}) ${head}-${tail}`,
    `${d}${s}`,
    `0${d}${s}`,
    `0${cc}${d}${s}`,
    `(0${d}) ${head}-${tail}`,
    `+55 ${d} ${s.slice(0, 1)} ${s.slice(1, 5)}-${s.slice(5)}`,
    `+55${d}${s}`,
    `55 ${d} ${head} ${tail}`,
    `55${d}${s}`,
    `0055 ${d} ${s}`,
    `+55 (0${d}) ${head}-${tail}`,
    `  ${d}.${head}.${tail}  `,
    `(${d})\u00a0${head}\u2013${tail}`,
  ];
}

describe("parseSmsRecipient — examples", () => {
  it.each([
    "(11) 91234-5678",
    "11912345678",
    "011912345678",
    "+55 11 9 1234-5678",
    "55 11 91234 5678",
    "0 21 11 91234 5678",
    "0055 11 91234 5678",
  ])("accepts %s", (typed) => {
    expect(parseSmsRecipient(typed)).toEqual({
      ok: true,
      e164: "+5511912345678",
      national: "(11) 91234-5678",
      ddd: "11",
      subscriber: "912345678",
      type: "mobile",
    });
  });

  it("accepts the form's separate DDD and Número fields", () => {
    expect(parseSmsRecipient({ ddd: "35", number: "991234567" })).toMatchObject({ ok: true, e164: "+5535991234567", national: "(35) 99123-4567" });
    expect(parseSmsRecipient({ ddd: "(035)", number: "99123-4567" })).toMatchObject({ ok: true, e164: "+5535991234567" });
    expect(parseSmsRecipient({ ddd: "35", number: "(35) 99123-4567" })).toMatchObject({ ok: true, e164: "+5535991234567" });
    expect(parseSmsRecipient({ ddd: "", number: "(35) 99123-4567" })).toMatchObject({ ok: true, e164: "+5535991234567" });
  });

  it.each([
    ["", "empty", "Informe o número do celular."],
    ["(  ) _____-____", "empty", "Informe o número do celular."],
    ["(11) 3123-4567", "landline", "Número fixo não recebe SMS. Informe um celular."],
    ["3722-1234", "landline", "Número fixo não recebe SMS. Informe um celular."],
    ["0800 123 4567", "toll_free", "Número 0800 não recebe SMS."],
    ["0300 123 4567", "invalid", "Número 0300 não recebe SMS. Informe um celular."],
    ["(20) 91234-5678", "invalid_ddd", "DDD 20 não existe."],
    ["91234-5678", "invalid_ddd", "Informe o DDD (2 dígitos) junto com o número."],
    ["(11) 81234-5678", "invalid", "Celular deve ter 9 dígitos começando com 9."],
    ["(11) 8123-4567", "invalid", "Celular deve ter 9 dígitos começando com 9."],
    ["(11) 9123-456", "invalid", "Número incompleto: um celular tem DDD + 9 dígitos, como (11) 91234-5678."],
    ["9123-4567", "invalid", "Celular deve ter 9 dígitos começando com 9."],
    ["1191234", "invalid", "Número incompleto: um celular tem DDD + 9 dígitos, como (11) 91234-5678."],
    ["(11) 91234-56789", "invalid", "Número com dígitos a mais: um celular tem DDD + 9 dígitos, como (11) 91234-5678."],
    ["+1 415 555 1234", "invalid", "Informe um celular do Brasil (+55)."],
    ["11 9123a-5678", "invalid", "O número só pode ter dígitos, espaços, parênteses, pontos, hífens e o + do início."],
    ["11 +912345678", "invalid", "O número só pode ter dígitos, espaços, parênteses, pontos, hífens e o + do início."],
  ])("refuses %j as %s", (typed, code, message) => {
    expect(parseSmsRecipient(typed)).toEqual({ ok: false, code, message });
  });

  it.each([
    [{ ddd: "3", number: "991234567" }, "invalid_ddd", "O DDD tem 2 dígitos, como 11 ou 35."],
    [{ ddd: "20", number: "991234567" }, "invalid_ddd", "DDD 20 não existe."],
    [{ ddd: "35", number: "(11) 91234-5678" }, "invalid_ddd", "O número já tem o DDD 11, diferente do DDD 35 informado."],
    [{ ddd: "35", number: "3722-1234" }, "landline", "Número fixo não recebe SMS. Informe um celular."],
    [{ ddd: "35", number: "" }, "empty", "Informe o número do celular."],
    [{ ddd: "35", number: "99123" }, "invalid", "Número incompleto: um celular tem DDD + 9 dígitos, como (11) 91234-5678."],
    [{ ddd: "35", number: "0800 123 4567" }, "toll_free", "Número 0800 não recebe SMS."],
  ])("refuses split fields %j as %s", (input, code, message) => {
    expect(parseSmsRecipient(input)).toEqual({ ok: false, code, message });
  });

  it("keeps the existing helpers", () => {
    expect(phoneDigits("(35) 99123-4567")).toBe("35991234567");
    expect(formatPhoneNational("+5535991234567")).toBe("(35) 99123-4567");
    expect(formatPhoneNational("lixo")).toBe("lixo");
  });

  it("knows the DDDs and their states", () => {
    expect(BRAZIL_DDDS).toHaveLength(67);
    expect(dddToUfs("61")).toEqual(["DF", "GO"]);
    expect(dddToUfs(35)).toEqual(["MG"]);
    expect(dddToUfs("20")).toEqual([]);
    expect(isBrazilDdd("035")).toBe(false);
  });
});

describe("parseSmsRecipient — properties", () => {
  it("parses every typed form of a valid mobile to the same E.164 and national form", () => {
    fc.assert(
      fc.property(ddd, mobileSubscriber, carrier, (d, s, cc) => {
        const expected = { ok: true, e164: `+55${d}${s}`, national: formatPhoneNational(`+55${d}${s}`), ddd: d, subscriber: s, type: "mobile" };
        for (const typed of typedForms(d, s, cc)) expect(parseSmsRecipient(typed)).toEqual(expected);
        expect(parseSmsRecipient({ ddd: d, number: `${s.slice(0, 5)}-${s.slice(5)}` })).toEqual(expected);
        expect(parseSmsRecipient({ ddd: `0${d}`, number: s })).toEqual(expected);
      }),
    );
  });

  it("refuses every landline with the landline code, in every typed form", () => {
    fc.assert(
      fc.property(ddd, landlineSubscriber, carrier, (d, s, cc) => {
        for (const typed of [...typedForms(d, s, cc), s]) expect(parseSmsRecipient(typed)).toMatchObject({ ok: false, code: "landline" });
        expect(parseSmsRecipient({ ddd: d, number: s })).toMatchObject({ ok: false, code: "landline" });
      }),
    );
  });

  it("refuses unallocated DDDs, naming the DDD", () => {
    fc.assert(
      fc.property(badDdd, mobileSubscriber, (d, s) => {
        const refusal = { ok: false, code: "invalid_ddd", message: `DDD ${d} não existe.` };
        for (const typed of [`(${d}) ${s}`, `${d}${s}`, `+55 ${d} ${s}`, `55${d}${s}`]) expect(parseSmsRecipient(typed)).toEqual(refusal);
        expect(parseSmsRecipient({ ddd: d, number: s })).toEqual(refusal);
      }),
    );
  });

  it("never throws and always explains a refusal", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom(..."0123456789 ()-+.") })), (typed) => {
        const r = parseSmsRecipient(typed);
        if (r.ok) expect(r.e164).toMatch(/^\+55[1-9]\d9\d{8}$/);
        else expect(r.message.length).toBeGreaterThan(10);
      }),
    );
  });
});
