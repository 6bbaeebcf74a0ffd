// Pure phone helpers, safe in the browser (libphonenumber-js "min" metadata is enough to format).
import { parsePhoneNumberFromString } from "libphonenumber-js/min";

/** "+5535991234567" → "(35) 99123-4567"; returns the input unchanged when it cannot be parsed. */
export function formatPhoneNational(e164: string): string {
  return parsePhoneNumberFromString(e164, "BR")?.formatNational() ?? e164;
}

/** Digits of what an operator typed: "(35) 99123-4567" → "35991234567". */
export function phoneDigits(input: string): string {
  return input.replace(/\D/g, "");
}
