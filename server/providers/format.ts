// Small pure helpers shared by the adapters (no Node-only APIs: they run on an edge runtime too).
import { redactor } from "./redact";

export const NUMBER_FORMATS = ["e164", "international-digits", "national"] as const;
export type NumberFormat = (typeof NUMBER_FORMATS)[number];

/** "+5535991234567" → "+5535991234567" | "5535991234567" | "35991234567". */
export function formatNumber(e164: string, format: NumberFormat): string {
  const digits = e164.replace(/\D/g, "");
  if (format === "e164") return `+${digits}`;
  if (format === "national") return digits.startsWith("55") ? digits.slice(2) : digits;
  return digits;
}

/** Any provider number ("5535991234567", "+55 35 …") as E.164 with "+". */
export function toE164(raw: string): string {
  const digits = raw.replace(/\D/g, "");
  return digits ? `+${digits}` : raw;
}

/**
 * Appends one query parameter without re-serialising the rest of the URL: the URL carries a
 * secret the route compares byte for byte, and Twilio signs the exact string.
 */
export function appendQueryParam(url: string, name: string, value: string): string {
  const hash = url.indexOf("#");
  const base = hash === -1 ? url : url.slice(0, hash);
  const sep = base.includes("?") ? (base.endsWith("?") || base.endsWith("&") ? "" : "&") : "?";
  return `${base}${sep}${encodeURIComponent(name)}=${encodeURIComponent(value)}${hash === -1 ? "" : url.slice(hash)}`;
}

/** The query parameter in which adapters put our message id on callback URLs. */
export const MESSAGE_REF_PARAM = "msg";

/** Longer provider answers are cut before redaction: only the start is ever shown. */
const SNIPPET_INPUT_MAX = 4096;

/**
 * Provider text safe to show the operator: every form of every secret masked (redact.ts), control
 * characters flattened, length bounded.
 */
export function safeSnippet(text: string, secrets: readonly (string | null | undefined)[], max = 200): string {
  let out = redactor(secrets)(text.slice(0, SNIPPET_INPUT_MAX));
  out = out.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069]+/g, " ").replace(/\s+/g, " ").trim();
  return out.length > max ? `${out.slice(0, max)}…` : out;
}

/** Every secret of an account: each credential, and the webhook secret our callback URLs carry. */
export function accountSecrets(account: { credentials: Record<string, unknown>; webhookSecret?: string | null }): string[] {
  const values = Object.values(account.credentials).filter((v): v is string => typeof v === "string");
  return account.webhookSecret ? [...values, account.webhookSecret] : values;
}

/** A value at a dotted path ("Object.id", "messages.0.id") in parsed JSON. */
export function getPath(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const key of path.split(".")) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

export function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

export function str(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

export function parseDate(value: unknown): Date | undefined {
  if (typeof value !== "string" && typeof value !== "number") return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** Base64 of UTF-8 text, without Buffer (edge runtimes lack it). */
export function base64Utf8(text: string): string {
  return base64Bytes(new TextEncoder().encode(text));
}

export function base64Bytes(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** Every parameter of a webhook: the URL's query plus a form-encoded body. */
export function webhookParams(url: string, rawBody: string, contentType: string | null): URLSearchParams {
  const params = new URLSearchParams();
  const q = url.indexOf("?");
  if (q !== -1) for (const [k, v] of new URLSearchParams(url.slice(q + 1).split("#")[0])) params.append(k, v);
  if (rawBody && (!contentType || contentType.includes("application/x-www-form-urlencoded"))) {
    for (const [k, v] of new URLSearchParams(rawBody)) params.append(k, v);
  }
  return params;
}

/** A table lookup that ignores inherited keys ("constructor" is not a status). */
export function own<V>(table: Record<string, V>, key: string | undefined): V | undefined {
  return key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}
