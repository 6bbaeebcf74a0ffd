// The draft of "Novo SMS" and its rendering; kept apart from validate-draft.ts, which brings zod,
// so the form's first load stays small (the validator loads when the form opens, see useSendIndividual).
import type { TemplateContext } from "@/server/sms/template";

export { renderPreview as renderDraftMessage } from "@/server/sms/template";

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
  /** The default account sends without accents (counted as the server will). */
  stripAccents: boolean;
  /** The customer's values for the variables; the example values until the customer is loaded. */
  context: TemplateContext | null;
};

