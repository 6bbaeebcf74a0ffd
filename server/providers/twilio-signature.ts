/**
 * Twilio's webhook signature (providers.md): X-Twilio-Signature = base64(HMAC-SHA1(AuthToken,
 * fullURL + each POST parameter sorted by name, as name + value)). With a JSON body Twilio adds a
 * `bodySHA256` query parameter instead and signs the URL alone. Web Crypto only (edge-safe).
 *
 * Newer signing (Twilio's Webhooks configuration API, "Sign webhooks with shared keys", and
 * twilio-node's examples/WebhookSignatureValidation.md): when a Webhook Rule matches, Twilio signs
 * with a SharedKey secret and the Setting's algorithm and adds
 * `X-Twilio-Webhooks-Signature-Settings: key=<key>,algorithm=HMAC_SHA256`; only the hash and the
 * key change, the signed string and X-Twilio-Signature stay. Absent header: Auth Token + SHA-1.
 */
import { base64Bytes } from "./format";
import type { WebhookRequest } from "./types";

const encoder = new TextEncoder();

function byNameThenValue(a: [string, string], b: [string, string]): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  if (a[1] !== b[1]) return a[1] < b[1] ? -1 : 1;
  return 0;
}

export const SIGNATURE_SETTINGS_HEADER = "x-twilio-webhooks-signature-settings";

type Hash = "SHA-1" | "SHA-256";
const ALGORITHMS: Record<string, Hash> = { HMAC_SHA1: "SHA-1", HMAC_SHA256: "SHA-256" };

/** The algorithm a signature-settings header names; undefined when unknown (refused, never guessed). */
export function signatureSettingsHash(header: string): Hash | undefined {
  const fields = new Map(
    header.split(",").map((part) => {
      const eq = part.indexOf("=");
      return [part.slice(0, eq === -1 ? undefined : eq).trim().toLowerCase(), eq === -1 ? "" : part.slice(eq + 1).trim()] as const;
    }),
  );
  const name = (fields.get("algorithm") ?? "").toUpperCase();
  return Object.hasOwn(ALGORITHMS, name) ? ALGORITHMS[name] : undefined;
}

/** The signature Twilio would send for this URL and (form) parameters. */
export async function twilioSignature(secret: string, url: string, params?: URLSearchParams, hash: Hash = "SHA-1"): Promise<string> {
  let data = url;
  if (params) for (const [name, value] of [...params].sort(byNameThenValue)) data += name + value;
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash }, false, ["sign"]);
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

export type TwilioVerdict = { ok: true } | { ok: false; reason: "missing" | "invalid" | "no_shared_key" | "unknown_algorithm" };

/**
 * Verifies a webhook as the route received it; req.url must be the public URL Twilio called. With
 * the signature-settings header the shared key and its algorithm are required: a request cannot
 * downgrade to the Auth Token by naming an algorithm, nor pass with a key the account lacks.
 */
export async function verifyTwilioRequest(keys: { authToken: string; sharedKeySecret?: string | undefined }, req: WebhookRequest): Promise<TwilioVerdict> {
  const given = req.headers.get("x-twilio-signature");
  if (!given) return { ok: false, reason: "missing" };
  const settings = req.headers.get(SIGNATURE_SETTINGS_HEADER);
  let secret = keys.authToken;
  let hash: Hash = "SHA-1";
  if (settings !== null) {
    const named = signatureSettingsHash(settings);
    if (!named) return { ok: false, reason: "unknown_algorithm" };
    if (!keys.sharedKeySecret) return { ok: false, reason: "no_shared_key" };
    secret = keys.sharedKeySecret;
    hash = named;
  }
  const query = req.url.includes("?") ? new URLSearchParams(req.url.slice(req.url.indexOf("?") + 1).split("#")[0]) : undefined;
  const bodyHash = query?.get("bodySHA256");
  let expected: string;
  if (bodyHash) {
    if (!constantTimeEqual(await sha256Hex(req.rawBody), bodyHash.toLowerCase())) return { ok: false, reason: "invalid" };
    expected = await twilioSignature(secret, req.url, undefined, hash);
  } else {
    const contentType = req.headers.get("content-type") ?? "";
    const params = req.method.toUpperCase() === "POST" && (contentType === "" || contentType.includes("application/x-www-form-urlencoded")) ? new URLSearchParams(req.rawBody) : undefined;
    expected = await twilioSignature(secret, req.url, params, hash);
  }
  return constantTimeEqual(expected, given) ? { ok: true } : { ok: false, reason: "invalid" };
}

/** Classic check (Auth Token, or the shared key when Twilio says so): true when genuine. */
export async function verifyTwilioSignature(authToken: string, req: WebhookRequest, sharedKeySecret?: string): Promise<boolean> {
  return (await verifyTwilioRequest({ authToken, sharedKeySecret }, req)).ok;
}
