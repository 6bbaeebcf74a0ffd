// Builds sms_message rows with chosen times and statuses for the history tests (fixtures only:
// real sends go through the ledger).
import type { Db } from "@/db/client";
import { smsMessage } from "@/db/schema";
import type { SmsOrigin, SmsStatus } from "@/db/schema/constants";

let seq = 0;

export async function insertMessage(
  db: Db,
  m: {
    createdAt: Date;
    createdBy?: string | null;
    customerId?: number | null;
    origin?: SmsOrigin;
    status?: SmsStatus;
    phoneE164?: string;
    motivo?: string;
    body?: string;
    sentAt?: Date | null;
    finalAt?: Date | null;
    lastErrorMessage?: string | null;
  },
) {
  const n = ++seq;
  const [row] = await db
    .insert(smsMessage)
    .values({
      ref: `test-ref-${n}-${crypto.randomUUID()}`,
      origin: m.origin ?? "individual",
      customerId: m.customerId ?? null,
      phoneE164: m.phoneE164 ?? "+5535991234567",
      motivo: m.motivo ?? `Motivo ${n}`,
      body: m.body ?? `Mensagem ${n}`,
      encoding: "GSM7",
      segments: 1,
      characters: (m.body ?? `Mensagem ${n}`).length,
      status: m.status ?? "sent",
      createdBy: m.createdBy ?? null,
      idempotencyKey: crypto.randomUUID(),
      createdAt: m.createdAt,
      updatedAt: m.createdAt,
      sentAt: m.sentAt ?? null,
      finalAt: m.finalAt ?? null,
      lastErrorMessage: m.lastErrorMessage ?? null,
    })
    .returning();
  return row!;
}
