/**
 * What the "Novo SMS" form calls on "Enviar": validates on the device, sends at once when there is a
 * connection, and keeps the message in the outbox when there is none (or the request cannot reach
 * the server). Refusals by the server (validation, opt-out, permission) are thrown to the form as
 * they are, never queued.
 */
import type { TemplateContext } from "@/server/sms/template";
import type { SendIndividualInput, SendOutcomeOutput } from "@/server/services/sms/schemas";
import { connection } from "@/app/_lib/pwa/connection";
import { classifySendError } from "./errors";
import { enqueue } from "./outbox";
import type { OutboxItem, SendOnline } from "./types";
import { type SmsFieldErrors, validateIndividualSms } from "./validate";

export type SubmitResult =
  | { status: "sent"; outcome: SendOutcomeOutput }
  | { status: "queued"; item: OutboxItem }
  | { status: "invalid"; message: string; fieldErrors: SmsFieldErrors };

export type SubmitOptions = {
  userId: string;
  /** The admin's limit of parts per message (`sms.settings`); 1 by default. */
  maxParts?: number;
  /** The default account sends without accents (`sms.settings`); true by default, as the server. */
  stripAccents?: boolean;
  /** The customer's values for the variables, for an exact length check. */
  context?: TemplateContext;
  customerName?: string;
};

export async function submitIndividualSms(input: SendIndividualInput, sendOnline: SendOnline, options: SubmitOptions): Promise<SubmitResult> {
  const checked = validateIndividualSms(input, options);
  if (!checked.ok) return { status: "invalid", message: checked.message, fieldErrors: checked.fieldErrors };
  const display = { phone: checked.phone, customerName: options.customerName };

  // Known to be offline (also "signal but no data"): keep it at once instead of waiting on a request.
  if (!connection().isOnline()) {
    return { status: "queued", item: await enqueue(options.userId, checked.input, display) };
  }
  try {
    return { status: "sent", outcome: await sendOnline(checked.input) };
  } catch (error) {
    // The request may have reached the server: the outbox resends with the same key, which the
    // server answers with the same message.
    if (classifySendError(error) === "offline") return { status: "queued", item: await enqueue(options.userId, checked.input, display) };
    throw error;
  }
}
