import type { SmsCategory } from "@/db/schema/constants";
import type { BatchMode } from "@/server/services/batches/constants";
import type { PreviewBatchInput } from "@/server/services/batches/schemas";

/** The form of "Novo lote" as the wizard keeps it between steps. */
export type Draft = {
  mode: BatchMode;
  valueId: number | null;
  neighbourhoodId: number | null;
  streetId: number | null;
  prefix: string;
  allPhones: boolean;
  withConnection: boolean;
  motivo: string;
  message: string;
  category: SmsCategory;
  /** "Permitir até N SMS" chosen at the preview; null: the admin's setting. */
  maxParts: number | null;
  /** "Deixar de fora" chosen at the preview: texts over the limit are not sent. */
  excludeOverLimit: boolean;
};

export const EMPTY_DRAFT: Draft = {
  mode: "cidade",
  valueId: null,
  neighbourhoodId: null,
  streetId: null,
  prefix: "0",
  allPhones: false,
  withConnection: false,
  motivo: "",
  message: "",
  category: "aviso",
  maxParts: null,
  excludeOverLimit: false,
};

export type FieldErrors = Partial<Record<keyof Draft, string>>;

/** The procedures' input: bairro, rua and Com conexão only travel with Cidade. */
export function draftInput(d: Draft, deselected: readonly number[] = []): PreviewBatchInput {
  const isCity = d.mode === "cidade";
  return {
    mode: d.mode,
    valueId: d.valueId,
    neighbourhoodId: isCity ? d.neighbourhoodId : null,
    streetId: isCity ? d.streetId : null,
    prefix: d.prefix,
    allPhones: d.allPhones,
    withConnection: isCity && d.withConnection,
    motivo: d.motivo,
    message: d.message,
    category: d.category,
    maxParts: d.maxParts,
    excludeOverLimit: d.excludeOverLimit,
    deselectedCustomerIds: [...deselected].sort((a, b) => a - b),
  };
}

/** The server's field errors, keyed by the draft's fields. */
export function toFieldErrors(raw: Record<string, string> | null | undefined): FieldErrors {
  return (raw ?? {}) as FieldErrors;
}
