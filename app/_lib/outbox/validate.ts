/**
 * The checks the server makes on an individual send that the device can make on its own (same
 * rules, same Portuguese messages): the fields, the number, the variables and the length of the
 * rendered message, the confirmation. Opt-outs and rate limits are only known by the server.
 */
import { DEFAULT_MAX_PARTS, analyzeSms, limitMessage } from "@/server/sms/encoding";
import { parseSmsRecipient } from "@/server/sms/phone";
import { EXAMPLE_CONTEXT, type TemplateContext, renderTemplate, validateTemplate } from "@/server/sms/template";
import { type SendIndividualInput, sendIndividualInput } from "@/server/services/sms/schemas";

export type LocalValidation =
  | { ok: true; input: SendIndividualInput; phone: string }
  | { ok: false; message: string; fieldErrors: Partial<Record<keyof SendIndividualInput, string>> };

export function validateIndividualSms(
  input: SendIndividualInput,
  options: { maxParts?: number; context?: TemplateContext } = {},
): LocalValidation {
  const parsed = sendIndividualInput.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Partial<Record<keyof SendIndividualInput, string>> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as keyof SendIndividualInput | undefined;
      if (field && !fieldErrors[field]) fieldErrors[field] = issue.message;
    }
    return { ok: false, message: parsed.error.issues[0]?.message ?? "Dados inválidos.", fieldErrors };
  }
  const data = parsed.data;

  const recipient = parseSmsRecipient({ ddd: data.ddd, number: data.number });
  if (!recipient.ok) {
    const field = recipient.code === "invalid_ddd" ? "ddd" : "number";
    return { ok: false, message: recipient.message, fieldErrors: { [field]: recipient.message } };
  }

  const template = validateTemplate(data.message);
  if (!template.ok) return { ok: false, message: template.message, fieldErrors: { message: template.message } };
  // Without the customer's values the sample ones give a close length.
  const body = renderTemplate(data.message, options.context ?? EXAMPLE_CONTEXT);
  const analysis = analyzeSms(body, { maxParts: options.maxParts ?? DEFAULT_MAX_PARTS });
  if (!analysis.withinLimit) {
    const msg = limitMessage(analysis) ?? "Mensagem longa demais.";
    return { ok: false, message: msg, fieldErrors: { message: msg } };
  }
  return { ok: true, input: { ...input, confirmed: true }, phone: recipient.national };
}
