/**
 * Whether a failed send should wait in the outbox (no connection, server unreachable or busy) or
 * be shown as failed (the server refused it: validation, permission, opt-out…).
 */
import { connection } from "@/app/_lib/pwa/connection";

export type SendErrorKind = "offline" | "retry_later" | "refused";

type MaybeTrpcError = { data?: { code?: string; httpStatus?: number } | null; cause?: unknown; name?: string; message?: string };

export function classifySendError(error: unknown): SendErrorKind {
  if (!connection().isOnline()) return "offline";
  const e = (error ?? {}) as MaybeTrpcError;
  const data = e.data;
  // No tRPC error shape: the request never got a JSON answer (fetch failed, proxy error page).
  if (!data || typeof data.httpStatus !== "number") return "offline";
  if (data.code === "TOO_MANY_REQUESTS" || data.httpStatus === 429) return "retry_later";
  if (data.httpStatus >= 500 && data.code !== "INTERNAL_SERVER_ERROR") return "retry_later";
  return "refused";
}

export function errorMessage(error: unknown): string {
  const m = (error as MaybeTrpcError | null)?.message;
  return typeof m === "string" && m.trim() ? m : "Erro desconhecido.";
}
