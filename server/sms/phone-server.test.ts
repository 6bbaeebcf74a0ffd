// Protects browser/server agreement: whatever the browser parser accepts, the full-metadata server check accepts too.
import fc from "fast-check";
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { describe, expect, it } from "vitest";
import { BRAZIL_DDDS, parseSmsRecipient } from "./phone";
import { phoneTypeStrict, validateSmsRecipientStrict } from "./phone-server";

const digit = fc.constantFrom(..."0123456789");
const digits = (min: number, max: number) => fc.string({ unit: digit, minLength: min, maxLength: max });

// Inputs shaped like phone numbers (most random strings are refused early and prove little).
const phoneLike = fc.oneof(
  digits(6, 15),
  fc.tuple(fc.constantFrom("+", "+55", "55", "0", "00", "0055", "(", ""), digits(8, 13)).map(([a, b]) => a + b),
  fc.tuple(fc.integer({ min: 10, max: 99 }), fc.constantFrom("9", "8", "7", "3", "2", "0", "1"), digits(6, 9)).map(([d, a, b]) => `(${d}) ${a}${b}`),
  fc.tuple(fc.constantFrom(...BRAZIL_DDDS), digits(8, 8)).map(([d, b]) => `+55 ${d} 9${b}`),
  fc.string({ unit: fc.constantFrom(..."0123456789 ()-+."), maxLength: 20 }),
);
const split = fc.record({ ddd: fc.oneof(digits(1, 3), fc.constantFrom(...BRAZIL_DDDS).map(String)), number: phoneLike });

describe("validateSmsRecipientStrict", () => {
  it("browser-ok ⇒ server-ok, and libphonenumber/max types the number MOBILE", () => {
    fc.assert(
      fc.property(fc.oneof(phoneLike, split), (input) => {
        const browser = parseSmsRecipient(input);
        if (!browser.ok) return;
        expect(validateSmsRecipientStrict(input)).toEqual(browser);
        expect(phoneTypeStrict(browser.e164)).toBe("MOBILE");
      }),
      { numRuns: 2000 },
    );
  });

  it("parses typed strings to the same E.164 as libphonenumber/max does", () => {
    fc.assert(
      fc.property(phoneLike, (typed) => {
        const browser = parseSmsRecipient(typed);
        if (!browser.ok || typed.trim().startsWith("00")) return; // libphonenumber reads "00" as a carrier prefix
        expect(parsePhoneNumberFromString(typed, "BR")?.number).toBe(browser.e164);
      }),
      { numRuns: 2000 },
    );
  });

  it("agrees with the full metadata on which DDDs exist", () => {
    for (let d = 10; d <= 99; d++) {
      const listed = (BRAZIL_DDDS as readonly number[]).includes(d);
      expect(phoneTypeStrict(`+55${d}991234567`) === "MOBILE", `DDD ${d}`).toBe(listed);
    }
  });

  it("passes the shared parser's refusals through unchanged", () => {
    expect(validateSmsRecipientStrict("(11) 3123-4567")).toEqual({ ok: false, code: "landline", message: "Número fixo não recebe SMS. Informe um celular." });
    expect(validateSmsRecipientStrict({ ddd: "20", number: "991234567" })).toEqual({ ok: false, code: "invalid_ddd", message: "DDD 20 não existe." });
    expect(validateSmsRecipientStrict({ ddd: "35", number: "99123-4567" })).toMatchObject({ ok: true, e164: "+5535991234567" });
  });

  it("types landlines and 0800 the way the shared parser refuses them", () => {
    expect(phoneTypeStrict("+551131234567")).toBe("FIXED_LINE");
    expect(phoneTypeStrict("+558001234567")).toBe("TOLL_FREE");
  });
});
