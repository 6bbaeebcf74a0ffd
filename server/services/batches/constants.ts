// Batch enums and labels shared by the schema, the zod schemas and the browser (no server imports).

/**
 * The stored lifecycle, moved only by compare-and-set verbs (controls.ts): scheduled (waits for its
 * time) → queued → running → done, with paused and cancelled on the side. "running" lasts until every
 * message is final: while some wait for their send window or a retry, the batch is still running
 * (what it waits for is derived from the ledger, see progress.ts), so it can be paused or cancelled.
 */
export const BATCH_STATUSES = ["scheduled", "queued", "running", "paused", "cancelled", "done"] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

/** "Considerar": the filter that drives the selection. */
export const BATCH_MODES = ["cidade", "ponto_acesso", "servidor", "plano", "profile_pagamento"] as const;
export type BatchMode = (typeof BATCH_MODES)[number];

export const BATCH_MODE_LABELS: Readonly<Record<BatchMode, string>> = {
  cidade: "Cidade",
  ponto_acesso: "Ponto de acesso",
  servidor: "Servidor",
  plano: "Plano de acesso",
  profile_pagamento: "Profile de pagamento",
};

export const BATCH_STATUS_LABELS: Readonly<Record<BatchStatus, string>> = {
  scheduled: "Agendado",
  queued: "Na fila",
  running: "Enviando",
  paused: "Pausado",
  cancelled: "Cancelado",
  done: "Concluído",
};

/**
 * The filters as stored on the batch. `prefixes` are leading digits of the subscriber number
 * (after +55 and the DDD); empty means every mobile (the form's "0").
 */
export type BatchFilters = {
  mode: BatchMode;
  valueId: number;
  neighbourhoodId: number | null;
  streetId: number | null;
  prefixes: number[];
  allPhones: boolean;
  withConnection: boolean;
};

/** Recipients listed per page in the preview and in a batch's history. */
export const BATCH_PAGE_SIZE = 50;
