// The encodings' names, the same in Portuguese: shown by the counters and written in the export.
import type { SmsEncoding } from "@/db/schema/constants";

export const ENCODING_LABELS: Readonly<Record<SmsEncoding, string>> = { GSM7: "GSM-7", UCS2: "UCS-2" };
