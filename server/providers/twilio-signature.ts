/**
 * Twilio's webhook signature (providers.md): X-Twilio-Signature = base64(HMAC-SHA1(AuthToken,
 * fullURL + each POST parameter sorted by name, as name + value)). With a JSON body Twilio adds a
 * `bodySHA256` query parameter instead and signs the URL alone. Web Crypto only (edge-safe).
 */
import { base64Bytes } from "./format";
import type { WebhookRequest } from "./types";

const encoder = new TextEncoder();

function byNameThenValue(a: [string, string], b: [string, string]): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  if (a[1] !== b[1]) return a[1] < b[1] ? -1 : 1;
  return 0;
}

/** The signature Twilio would send for this URL and (form) parameters. */
export async function twilioSignature(authToken: string, url: string, params?: URLSearchParams): Promise<string> {
  let data = url;
  if (params) for (const [name, value] of [...params].sort(byNameThenValue)) data += name + value;
  const key = await crypto.subtle.importKey("raw", encoder.encode(authToken), { name: "HMAC", hash: "SHA-1" }, false, ["sign"]);
  return base64Bytes(new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(data))));
}

/** Compares in time independent of where the strings differ (length aside, which is public). */
export function constantTimeEqual(a: string, b: string): boolean {
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}

async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(text)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Verifies a webhook as the route received it; req.url must be the public URL Twilio called. */
export async function verifyTwilioSignature(authToken: string, req: WebhookRequest): Promise<boolean> {
  const given = req.headers.get("x-twilio-signature");
  if (!given) return false;
  const query = req.url.includes("?") ? new URLSearchParams(req.url.slice(req.url.indexOf("?") + 1).split("#")[0]) : undefined;
  const bodyHash = query?.get("bodySHA256");
  if (bodyHash) {
    if (!constantTimeEqual(await sha256Hex(req.rawBody), bodyHash.toLowerCase())) return false;
    return constantTimeEqual(await twilioSignature(authToken, req.url), given);
  }
  const contentType = req.headers.get("content-type") ?? "";
  const params = req.method.toUpperCase() === "POST" && (contentType === "" || contentType.includes("application/x-www-form-urlencoded")) ? new URLSearchParams(req.rawBody) : undefined;
  return constantTimeEqual(await twilioSignature(authToken, req.url, params), given);
}
