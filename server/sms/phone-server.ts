/**
 * Server-side recipient check: the shared parser, then libphonenumber's full ("max") metadata,
 * which must type the number as MOBILE. Kept out of phone.ts because the max metadata is large
 * and the browser does not need it.
 */
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { parseSmsRecipient, type SmsRecipient, type SmsRecipientInput } from "./phone";

export const NOT_A_MOBILE_MESSAGE = "Este número não é reconhecido como celular brasileiro. Confira o DDD e os dígitos.";

/** What the full metadata says about an E.164 number (MOBILE, FIXED_LINE, TOLL_FREE…), or undefined. */
export function phoneTypeStrict(e164: string): string | undefined {
  const parsed = parsePhoneNumberFromString(e164, "BR");
  return parsed?.isValid() ? parsed.getType() : undefined;
}

/** parseSmsRecipient plus the full-metadata check; use it wherever a number is stored or sent to. */
export function validateSmsRecipientStrict(input: SmsRecipientInput): SmsRecipient {
  const shared = parseSmsRecipient(input);
  if (!shared.ok) return shared;
  const parsed = parsePhoneNumberFromString(shared.e164, "BR");
  if (!parsed?.isValid() || parsed.getType() !== "MOBILE" || parsed.number !== shared.e164) {
    return { ok: false, code: "invalid", message: NOT_A_MOBILE_MESSAGE };
  }
  return shared;
}
