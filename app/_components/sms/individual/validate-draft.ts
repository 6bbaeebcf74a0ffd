/**
 * The individual send's rules, checked in the browser before anything is sent (and again, the same
 * way, by the server): the same zod schema, phone parser, template grammar and SMS counter.
 */
import { sendIndividualInput } from "@/server/services/sms/schemas";
import { analyzeSms, limitMessage } from "@/server/sms/encoding";
import { parseSmsRecipient } from "@/server/sms/phone";
import { EXAMPLE_CONTEXT, renderTemplate, validateTemplate } from "@/server/sms/template";
import type { DraftErrors, DraftField, DraftRules, IndividualDraft } from "./draft";

export type { DraftErrors, DraftField, DraftRules, IndividualDraft } from "./draft";
export { renderDraftMessage } from "./draft";

// Only to satisfy the schema: the real key is added by useSendIndividual.
const PLACEHOLDER_KEY = "00000000-0000-4000-8000-000000000000";

export function validateIndividualDraft(d: IndividualDraft, rules: DraftRules): DraftErrors {
  const errors: DraftErrors = {};
  const parsed = sendIndividualInput.safeParse({ ...d, customerId: d.customerId ?? undefined, idempotencyKey: PLACEHOLDER_KEY });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as DraftField | undefined;
      if (field && !errors[field]) errors[field] = issue.message;
    }
  }
  if (!errors.ddd && !errors.number) {
    const r = parseSmsRecipient({ ddd: d.ddd, number: d.number });
    if (!r.ok) errors[r.code === "invalid_ddd" ? "ddd" : "number"] = r.message;
  }
  if (!errors.message) {
    const template = validateTemplate(d.message);
    if (!template.ok) errors.message = template.message;
    else {
      const analysis = analyzeSms(renderTemplate(d.message, rules.context ?? EXAMPLE_CONTEXT), { maxParts: rules.maxParts });
      const tooLong = limitMessage(analysis);
      if (tooLong) errors.message = tooLong;
    }
  }
  return errors;
}
