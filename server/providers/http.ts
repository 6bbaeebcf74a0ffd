/**
 * HTTP plumbing shared by the adapters: fetch with a timeout, Retry-After, and the classification of
 * transport failures and common HTTP statuses into SendOutcomes with operator messages in Portuguese.
 * Web APIs only (fetch, AbortController): request-path code may run on an edge runtime.
 */
import type { AdapterDeps, PermanentReason, SendOutcome } from "./types";

export const DEFAULT_TIMEOUT_MS = 10_000;

export const MESSAGES = {
  rateLimited: "O provedor pediu para aguardar (limite de envio).",
  badCredentials: "Credenciais do provedor inválidas.",
  invalidNumber: "Número inválido para o provedor.",
  landline: "O número é fixo e não recebe SMS.",
  optedOut: "O destinatário pediu para não receber SMS (opt-out).",
  timeout: "Tempo esgotado aguardando o provedor — pode ter sido aceito.",
  connectionFailed: "Não foi possível conectar ao provedor; a mensagem não foi enviada.",
  connectionDropped: "A conexão com o provedor caiu durante o envio — pode ter sido aceito.",
  aborted: "Envio interrompido antes da resposta do provedor — pode ter sido aceito.",
  abortedBeforeSend: "Envio cancelado antes de chegar ao provedor.",
  queueFull: "A fila do provedor está cheia; tente novamente mais tarde.",
  serverError: (status: number) => `Erro temporário no provedor (HTTP ${status}) — pode ter sido aceito.`,
  unavailable: (status: number) => `Provedor indisponível (HTTP ${status}); a mensagem não foi aceita.`,
  rejected: (detail: string) => (detail ? `O provedor recusou a mensagem: ${detail}` : "O provedor recusou a mensagem."),
  unexpected: (status: number) => `Resposta inesperada do provedor (HTTP ${status}) — pode ter sido aceito.`,
  misconfigured: (detail: string) => `Configuração da conta de SMS inválida: ${detail}`,
} as const;

export type HttpResponse = { kind: "response"; status: number; headers: Headers; text: string };
export type HttpFailure = { kind: "failure"; outcome: Extract<SendOutcome, { kind: "retryable" }> };

// Errors that prove the request never reached the provider (undici puts the code on `cause`).
const PRE_SEND_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
  "CERT_HAS_EXPIRED",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);

function errorCode(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && typeof e === "object" && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * One HTTP exchange, body included, under one deadline. Transport failures come back classified:
 * a timeout or a dropped connection after the request may have left is "maybe accepted"; only an
 * error that proves nothing was sent (refused, DNS, TLS) is safe to resend.
 */
export async function httpRequest(
  deps: AdapterDeps | undefined,
  url: string,
  init: RequestInit,
  signal?: AbortSignal,
): Promise<HttpResponse | HttpFailure> {
  if (signal?.aborted) return { kind: "failure", outcome: retryable("aborted", MESSAGES.abortedBeforeSend, false) };
  const doFetch = deps?.fetch ?? ((input: RequestInfo | URL, i?: RequestInit) => fetch(input, i));
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, deps?.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const onAbort = () => controller.abort();
  signal?.addEventListener("abort", onAbort, { once: true });
  try {
    // Redirects are not followed: a POST with credentials must not be replayed to another host.
    const res = await doFetch(url, { ...init, signal: controller.signal, redirect: "manual" });
    const text = await res.text();
    return { kind: "response", status: res.status, headers: res.headers, text };
  } catch (err) {
    if (timedOut) return { kind: "failure", outcome: retryable("timeout", MESSAGES.timeout, true) };
    if (signal?.aborted) return { kind: "failure", outcome: retryable("aborted", MESSAGES.aborted, true) };
    const code = errorCode(err);
    if (code && PRE_SEND_CODES.has(code)) return { kind: "failure", outcome: retryable("connection_failed", MESSAGES.connectionFailed, false) };
    return { kind: "failure", outcome: retryable("network_error", MESSAGES.connectionDropped, true) };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  }
}

/** Retry-After as milliseconds: delta-seconds or an HTTP-date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  // An HTTP-date always names a weekday or month; bare numbers like "-5" are not dates.
  const at = /[a-z]/i.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

export function retryable(code: string, message: string, maybeAccepted: boolean, retryAfterMs?: number): Extract<SendOutcome, { kind: "retryable" }> {
  return retryAfterMs === undefined ? { kind: "retryable", code, message, maybeAccepted } : { kind: "retryable", code, message, maybeAccepted, retryAfterMs };
}

export function permanent(code: string, reason: PermanentReason, message: string): Extract<SendOutcome, { kind: "permanent" }> {
  return { kind: "permanent", code, reason, message };
}

export function accepted(providerMessageId: string): Extract<SendOutcome, { kind: "accepted" }> {
  return { kind: "accepted", providerMessageId };
}

/**
 * The classes every HTTP provider shares: 429 (not processed), 5xx (may have been processed),
 * 401/403 (credentials). Returns undefined for the statuses the adapter must read itself.
 */
export function classifyCommonStatus(res: HttpResponse, prefix: string): SendOutcome | undefined {
  const retryAfterMs = parseRetryAfter(res.headers.get("retry-after"));
  if (res.status === 429) return retryable(`${prefix}_429`, MESSAGES.rateLimited, false, retryAfterMs);
  if (res.status >= 500) return retryable(`${prefix}_${res.status}`, MESSAGES.serverError(res.status), true, retryAfterMs);
  if (res.status === 401 || res.status === 403) return permanent(`${prefix}_${res.status}`, "bad_credentials", MESSAGES.badCredentials);
  return undefined;
}

/** Thrown by lookup() when the provider could not be asked (as opposed to "no report": null). */
export class ProviderLookupError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = "ProviderLookupError";
  }
}
