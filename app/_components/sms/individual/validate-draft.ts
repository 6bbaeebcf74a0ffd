/**
 * The individual send's rules, checked in the browser before anything is sent (and again, the same
 * way, by the server): the outbox's validator, which uses the same zod schema, phone parser,
 * template grammar and SMS counter as the server.
 */
import { validateIndividualSms } from "@/app/_lib/outbox/validate";
import type { DraftErrors, DraftRules, IndividualDraft } from "./draft";

export type { IndividualDraft } from "./draft";
export { renderDraftMessage } from "./draft";

// Only to satisfy the schema: the real key is added by useSendIndividual.
const PLACEHOLDER_KEY = "00000000-0000-4000-8000-000000000000";

export function validateIndividualDraft(d: IndividualDraft, rules: DraftRules): DraftErrors {
  const checked = validateIndividualSms(
    { ...d, customerId: d.customerId ?? undefined, idempotencyKey: PLACEHOLDER_KEY },
    { maxParts: rules.maxParts, stripAccents: rules.stripAccents, context: rules.context ?? undefined },
  );
  return checked.ok ? {} : checked.fieldErrors;
}
