// The GSM 03.38 (3GPP TS 23.038) default alphabet and its extension table, as Unicode. Browser-safe.

/** Basic table, in GSM order (0x00–0x7F). ESC (0x1B) is omitted: it is not a character anyone types. */
const BASIC =
  "@£$¥èéùìòÇ\nØø\rÅå" +
  "Δ_ΦΓΛΩΠΨΣΘΞÆæßÉ" +
  " !\"#¤%&'()*+,-./" +
  "0123456789:;<=>?" +
  "¡ABCDEFGHIJKLMNO" +
  "PQRSTUVWXYZÄÖÑÜ§" +
  "¿abcdefghijklmno" +
  "pqrstuvwxyzäöñüà";

/** Extension table: sent as ESC + code, so each costs two septets. Form feed is in the table too. */
const EXTENSION = "\f^{}\\[~]|€";

const BASIC_SET: ReadonlySet<string> = new Set(BASIC);
const EXTENSION_SET: ReadonlySet<string> = new Set(EXTENSION);

/** The extension characters as an operator sees them (form feed left out: nobody types it). */
export const GSM_EXTENSION_CHARS = ["|", "^", "€", "{", "}", "[", "]", "~", "\\"] as const;

/** Septets one code point costs in GSM-7: 1 (basic), 2 (extension) or 0 when it is not GSM-7 at all. */
export function gsmSeptets(char: string): 0 | 1 | 2 {
  if (BASIC_SET.has(char)) return 1;
  if (EXTENSION_SET.has(char)) return 2;
  return 0;
}

export function isGsmChar(char: string): boolean {
  return gsmSeptets(char) !== 0;
}

export function isGsmExtension(char: string): boolean {
  return EXTENSION_SET.has(char);
}

/** Every GSM-7 character (basic then extension), for tests and generators. */
export const GSM_CHARS: readonly string[] = [...BASIC, ...EXTENSION];
