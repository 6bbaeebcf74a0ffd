// The encodings in people's words (issue 11: no "GSM-7/UCS-2" jargon): shown by the outcome and the export.
import type { SmsEncoding } from "@/db/schema/constants";

export const ENCODING_LABELS: Readonly<Record<SmsEncoding, string>> = { GSM7: "sem acentos", UCS2: "com acentos" };
