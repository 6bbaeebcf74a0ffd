// Brazilian phone numbers that libphonenumber accepts, built from the real DDD list.
import { type Rng, WeightedPicker } from "./random";

/** Every DDD (area code) allocated by Anatel. */
export const BRAZIL_DDDS = [
  11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 24, 27, 28, 31, 32, 33, 34, 35, 37, 38, 41, 42, 43, 44, 45, 46,
  47, 48, 49, 51, 53, 54, 55, 61, 62, 63, 64, 65, 66, 67, 68, 69, 71, 73, 74, 75, 77, 79, 81, 82, 83, 84, 85,
  86, 87, 88, 89, 91, 92, 93, 94, 95, 96, 97, 98, 99,
] as const;

// Customers who kept a number from elsewhere: mostly the big neighbouring capitals and regions.
const OTHER_DDDS = WeightedPicker.of<number>([
  [11, 30], [19, 12], [35, 12], [31, 10], [21, 6], [16, 6], [12, 5], [13, 4], [14, 3], [17, 3], [32, 3],
  [41, 2], [61, 2], [15, 2], [34, 2], [37, 2], [71, 1], [81, 1], [51, 1], [62, 1],
]);

// The digit after the leading 9: the batch filter "prefixo" selects on it, so it must vary.
const MOBILE_SECOND_DIGIT = WeightedPicker.of<string>([
  ["9", 34], ["8", 24], ["7", 16], ["6", 13], ["5", 5], ["4", 3], ["3", 2], ["2", 2], ["1", 1],
]);

/** DDD for a customer's mobile: usually the home city's, sometimes another real one. */
export function pickMobileDdd(rng: Rng, homeDdd: number, otherShare = 0.1): number {
  if (!rng.chance(otherShare)) return homeDdd;
  for (;;) {
    const ddd = OTHER_DDDS.pick(rng);
    if (ddd !== homeDdd) return ddd;
  }
}

/** E.164 mobile: +55 DDD 9 + 8 digits. */
export function generateMobile(rng: Rng, ddd: number): string {
  return `+55${ddd}9${MOBILE_SECOND_DIGIT.pick(rng)}${rng.digits(7)}`;
}

/**
 * E.164 landline: +55 DDD + 8 digits starting 2–5. `exchanges` are the city's real-looking
 * 4-digit prefixes (e.g. 3722 in Poços de Caldas).
 */
export function generateLandline(rng: Rng, ddd: number, exchanges: readonly string[]): string {
  const prefix = exchanges.length > 0 ? rng.pick(exchanges) : `3${rng.digits(3)}`;
  return `+55${ddd}${prefix}${rng.digits(4)}`;
}
