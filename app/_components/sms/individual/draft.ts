// The draft of "Novo SMS" and its rendering; kept apart from validate-draft.ts, which brings zod,
// so the form's first load stays small (the validator loads when the form opens, see useSendIndividual).
import { EXAMPLE_CONTEXT, renderTemplate, type TemplateContext, validateTemplate } from "@/server/sms/template";

export type IndividualDraft = {
  customerId: number | null;
  motivo: string;
  ddd: string;
  number: string;
  message: string;
  confirmed: boolean;
};

export type DraftField = keyof IndividualDraft;
export type DraftErrors = Partial<Record<DraftField, string>>;

export type DraftRules = {
  maxParts: number;
  /** The customer's values for the variables; the example values until the customer is loaded. */
  context: TemplateContext | null;
};

/** The text the customer will receive, or null when the template itself is wrong. */
export function renderDraftMessage(message: string, context: TemplateContext | null): string | null {
  if (!validateTemplate(message).ok) return null;
  return renderTemplate(message, context ?? EXAMPLE_CONTEXT);
}
