// Browser-safe (no zod): the queue screen imports it.
/** Statuses of a message still in the "Fila de SMS" (waiting, being sent, or awaiting an operator). */
export const PENDING_STATUSES = ["queued", "scheduled", "sending", "in_doubt"] as const;
export type PendingStatus = (typeof PENDING_STATUSES)[number];
