/**
 * The most calls one tRPC HTTP request may carry. Batched calls run concurrently, so an unbounded
 * batch lets one request cost as much as hundreds; the browser's link splits at the same size.
 */
export const TRPC_MAX_BATCH_SIZE = 10;

export const BATCH_TOO_LARGE_MESSAGE = `Chamadas demais em um só pedido (no máximo ${TRPC_MAX_BATCH_SIZE}). Envie em partes.`;
