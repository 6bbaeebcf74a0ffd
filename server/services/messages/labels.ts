// Portuguese words of the export file (the screens take theirs from messages/pt-BR/sms-history.json).
import type { SmsEncoding, SmsOrigin } from "@/db/schema/constants";

export const ORIGIN_LABELS: Readonly<Record<SmsOrigin, string>> = {
  individual: "Individual",
  batch: "Lote",
  billing: "Cobrança automática",
  notification: "Notificação",
  api: "API",
};

export const ENCODING_LABELS: Readonly<Record<SmsEncoding, string>> = { GSM7: "GSM-7", UCS2: "UCS-2" };
