/**
 * The checks the server makes on an individual send that the device can make on its own (same
 * rules, same Portuguese messages): the fields, the number, the variables and the length of the
 * rendered message, the confirmation. Opt-outs and rate limits are only known by the server.
 * Used by the outbox before keeping a message, and by "Novo SMS" to mark every wrong field.
 */
import { DEFAULT_MAX_PARTS, limitMessage } from "@/server/sms/encoding";
import { outgoingSms } from "@/server/sms/transliterate";
import { parseSmsRecipient } from "@/server/sms/phone";
import { EXAMPLE_CONTEXT, type TemplateContext, renderTemplate, validateTemplate } from "@/server/sms/template";
import { type SendIndividualInput, sendIndividualInput } from "@/server/services/sms/schemas";
import { zodFieldErrors } from "@/server/services/zod-field-errors";

/** The input as the form holds it: no customer picked yet, the confirmation not ticked. */
export type IndividualSmsFields = Omit<SendIndividualInput, "customerId" | "confirmed"> & { customerId?: number; confirmed: boolean };
export type SmsFieldErrors = Partial<Record<keyof SendIndividualInput, string>>;

export type LocalValidation =
  | { ok: true; input: SendIndividualInput; phone: string }
  /** `message` is the first problem; `fieldErrors` has one per wrong field. */
  | { ok: false; message: string; fieldErrors: SmsFieldErrors };

export function validateIndividualSms(
  input: IndividualSmsFields,
  options: { maxParts?: number; stripAccents?: boolean; context?: TemplateContext } = {},
): LocalValidation {
  const parsed = sendIndividualInput.safeParse(input);
  // The schema is flat: every key is one of the input's fields.
  const fieldErrors: SmsFieldErrors = zodFieldErrors(parsed.error);

  let phone: string | null = null;
  if (!fieldErrors.ddd && !fieldErrors.number) {
    const recipient = parseSmsRecipient({ ddd: input.ddd, number: input.number });
    if (recipient.ok) phone = recipient.national;
    else fieldErrors[recipient.code === "invalid_ddd" ? "ddd" : "number"] = recipient.message;
  }

  if (!fieldErrors.message) {
    const template = validateTemplate(input.message);
    if (!template.ok) fieldErrors.message = template.message;
    else {
      // Without the customer's values the sample ones give a close length.
      const body = renderTemplate(input.message, options.context ?? EXAMPLE_CONTEXT);
      // Counted as it will be sent: without accents unless the account keeps them (as the server does).
      const sent = outgoingSms(body, { stripAccents: options.stripAccents ?? true, maxParts: options.maxParts ?? DEFAULT_MAX_PARTS });
      const tooLong = limitMessage(sent.analysis);
      if (tooLong) fieldErrors.message = tooLong;
    }
  }

  const first = Object.values(fieldErrors)[0];
  if (first !== undefined || !parsed.success || phone === null) return { ok: false, message: first ?? "Dados inválidos.", fieldErrors };
  return { ok: true, input: { ...input, customerId: parsed.data.customerId, confirmed: true }, phone };
}
