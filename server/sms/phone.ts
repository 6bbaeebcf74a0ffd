/**
 * Who can get an SMS: Brazilian mobiles only (allocated DDD + 9 digits starting with 9). Browser-safe:
 * the form and the server share this parser; the server adds a full-metadata check on top
 * (phone-server.ts), and this parser never accepts what that check refuses.
 */
import { parsePhoneNumberFromString } from "libphonenumber-js/min";
import { isBrazilDdd } from "./ddd";

export { BRAZIL_DDDS, dddToUfs, isBrazilDdd, type Ddd } from "./ddd";

/** "+5535991234567" → "(35) 99123-4567"; returns the input unchanged when it cannot be parsed. */
export function formatPhoneNational(e164: string): string {
  return parsePhoneNumberFromString(e164, "BR")?.formatNational() ?? e164;
}

/** Digits of what an operator typed: "(35) 99123-4567" → "35991234567". */
export function phoneDigits(input: string): string {
  return input.replace(/\D/g, "");
}

export type SmsRecipientErrorCode = "landline" | "toll_free" | "invalid_ddd" | "invalid" | "empty";

export type SmsRecipient =
  | { ok: true; e164: string; national: string; ddd: string; subscriber: string; type: "mobile" }
  | { ok: false; code: SmsRecipientErrorCode; message: string };

/** A whole number as typed, or the form's separate "DDD" and "Número" fields. */
export type SmsRecipientInput = string | { ddd?: string | null; number: string };

export const PHONE_MESSAGES = {
  empty: "Informe o número do celular.",
  badChars: "O número só pode ter dígitos, espaços, parênteses, pontos, hífens e o + do início.",
  foreign: "Informe um celular do Brasil (+55).",
  landline: "Número fixo não recebe SMS. Informe um celular.",
  tollFree: "Número 0800 não recebe SMS.",
  notMobile: "Celular deve ter 9 dígitos começando com 9.",
  missingDdd: "Informe o DDD (2 dígitos) junto com o número.",
  dddFormat: "O DDD tem 2 dígitos, como 11 ou 35.",
  tooShort: "Número incompleto: um celular tem DDD + 9 dígitos, como (11) 91234-5678.",
  tooLong: "Número com dígitos a mais: um celular tem DDD + 9 dígitos, como (11) 91234-5678.",
} as const;

export const unknownDddMessage = (ddd: string) => `DDD ${ddd} não existe.`;
const serviceNumberMessage = (prefix: string) => `Número ${prefix} não recebe SMS. Informe um celular.`;
const dddMismatchMessage = (inNumber: string, given: string) =>
  `O número já tem o DDD ${inNumber}, diferente do DDD ${given} informado.`;

type Failure = Extract<SmsRecipient, { ok: false }>;
const fail = (code: SmsRecipientErrorCode, message: string): Failure => ({ ok: false, code, message });

// The carrier selection codes libphonenumber knows; any other "0XX…" is not read as one.
const CARRIER = /^0(?:1[245]|2[1-35]|31|4[13]|[56]5|99)/;
// Digits plus what masks and copy-paste bring: spaces (incl. nbsp), ( ) . - / _ and Unicode dashes.
const ALLOWED = /^\+?[\d\s().\-/_\u2010-\u2015\u2212]*$/;

/** National digits (DDD + subscriber, or subscriber alone) → result. */
function fromNational(national: string): SmsRecipient {
  const service = /^0?([3589]00)\d{6,7}$/.exec(national);
  if (service) return service[1] === "800" ? fail("toll_free", PHONE_MESSAGES.tollFree) : fail("invalid", serviceNumberMessage(`0${service[1]}`));

  let n = national;
  // Trunk prefix 0, optionally followed by a carrier selection code ("0 21 11 9…", "011 9…").
  if (n.startsWith("0")) n = (n.length === 13 || n.length === 14) && CARRIER.test(n) ? n.slice(3) : n.slice(1);

  // No DDD: a landline, a mobile typed without its DDD, or an old 8-digit mobile.
  if (n.length === 8 && /^[2-5]/.test(n)) return fail("landline", PHONE_MESSAGES.landline);
  if (n.length === 9 && n.startsWith("9")) return fail("invalid_ddd", PHONE_MESSAGES.missingDdd);
  if (n.length === 8 && /^[6-9]/.test(n)) return fail("invalid", PHONE_MESSAGES.notMobile);
  if (n.length < 10) return fail("invalid", PHONE_MESSAGES.tooShort);
  if (n.length > 11) return fail("invalid", PHONE_MESSAGES.tooLong);

  const ddd = n.slice(0, 2);
  const subscriber = n.slice(2);
  if (!isBrazilDdd(ddd)) return fail("invalid_ddd", unknownDddMessage(ddd));
  if (subscriber.length === 8 && /^[2-5]/.test(subscriber)) return fail("landline", PHONE_MESSAGES.landline);
  if (!/^9\d{8}$/.test(subscriber)) return fail("invalid", PHONE_MESSAGES.notMobile);
  return {
    ok: true,
    e164: `+55${ddd}${subscriber}`,
    national: `(${ddd}) ${subscriber.slice(0, 5)}-${subscriber.slice(5)}`,
    ddd,
    subscriber,
    type: "mobile",
  };
}

function parseWhole(raw: string): SmsRecipient {
  const typed = raw.trim();
  if (!ALLOWED.test(typed)) return fail("invalid", PHONE_MESSAGES.badChars);
  const digits = phoneDigits(typed);
  if (digits === "") return fail("empty", PHONE_MESSAGES.empty);

  let international: string | null = null;
  if (typed.startsWith("+")) international = digits;
  else if (digits.startsWith("00")) international = digits.slice(2);
  else if ((digits.length === 12 || digits.length === 13) && digits.startsWith("55")) international = digits;

  if (international === null) return fromNational(digits);
  if (!international.startsWith("55")) return fail("invalid", PHONE_MESSAGES.foreign);
  return fromNational(international.slice(2));
}

function parseSplit(dddRaw: string, numberRaw: string): SmsRecipient {
  const number = numberRaw.trim();
  if (!ALLOWED.test(number)) return fail("invalid", PHONE_MESSAGES.badChars);
  const digits = phoneDigits(number);
  if (digits === "") return fail("empty", PHONE_MESSAGES.empty);

  if (!/^[\d\s()]*$/.test(dddRaw.trim())) return fail("invalid_ddd", PHONE_MESSAGES.dddFormat);
  let ddd = phoneDigits(dddRaw);
  if (ddd.length === 3 && ddd.startsWith("0")) ddd = ddd.slice(1);
  if (ddd.length !== 2) return fail("invalid_ddd", PHONE_MESSAGES.dddFormat);
  if (!isBrazilDdd(ddd)) return fail("invalid_ddd", unknownDddMessage(ddd));

  if (digits.length < 8 && !number.startsWith("+")) return fail("invalid", PHONE_MESSAGES.tooShort);
  // The whole number typed into "Número" (with its own DDD, +55 or 0800): parse it and compare.
  if (number.startsWith("+") || digits.length >= 10) {
    const whole = parseWhole(number);
    if (whole.ok && whole.ddd !== ddd) return fail("invalid_ddd", dddMismatchMessage(whole.ddd, ddd));
    return whole;
  }
  return fromNational(ddd + digits);
}

/**
 * Parses what an operator typed — "(11) 91234-5678", "11912345678", "011912345678",
 * "+55 11 9 1234-5678", "55 11 91234 5678", or { ddd: "35", number: "991234567" } — and accepts
 * only a Brazilian mobile. Failures carry a Portuguese reason for the form.
 */
export function parseSmsRecipient(input: SmsRecipientInput): SmsRecipient {
  if (typeof input === "string") return parseWhole(input);
  const ddd = input.ddd?.trim() ?? "";
  return ddd === "" ? parseWhole(input.number) : parseSplit(ddd, input.number);
}
