import { parsePhoneNumberWithError } from "libphonenumber-js/max";
import { describe, expect, it } from "vitest";
import { BRAZIL_DDDS, generateLandline, generateMobile, pickMobileDdd } from "./phones";
import { Rng } from "./random";

describe("phone generators", () => {
  it("makes numbers libphonenumber accepts for every DDD in the list", () => {
    const rng = new Rng(1);
    for (const ddd of BRAZIL_DDDS) {
      for (let i = 0; i < 20; i++) {
        const mobile = parsePhoneNumberWithError(generateMobile(rng, ddd));
        expect(mobile.isValid() && mobile.getType(), mobile.number).toBe("MOBILE");
        const landline = parsePhoneNumberWithError(generateLandline(rng, ddd, []));
        expect(landline.isValid() && landline.getType(), landline.number).toBe("FIXED_LINE");
      }
    }
  });

  it("mostly keeps the home DDD", () => {
    const rng = new Rng(2);
    const picks = Array.from({ length: 2000 }, () => pickMobileDdd(rng, 35));
    const home = picks.filter((d) => d === 35).length / picks.length;
    expect(home).toBeGreaterThan(0.85);
    expect(home).toBeLessThan(0.95);
    expect(picks.every((d) => (BRAZIL_DDDS as readonly number[]).includes(d))).toBe(true);
  });
});
