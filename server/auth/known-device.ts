/**
 * "This device signed in as this e-mail before": a cookie set on a successful sign-in, signed with
 * the auth secret, one per e-mail. Its holder is throttled only on its own failures, so failures
 * made elsewhere (another IP, forged headers, a colleague behind the same NAT) never lock it.
 */
const PREFIX = "sms_device_";
const MAX_AGE_S = 180 * 24 * 60 * 60;
const enc = new TextEncoder();

const b64url = (bytes: ArrayBuffer) => Buffer.from(bytes).toString("base64url");

async function hmac(secret: string, data: string): Promise<string> {
  const key = await crypto.subtle.importKey("raw", enc.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return b64url(await crypto.subtle.sign("HMAC", key, enc.encode(data)));
}

/** The cookie's name for an e-mail: a short digest, so the name does not show the address. */
export async function deviceCookieName(email: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", enc.encode(email.trim().toLowerCase()));
  return PREFIX + Buffer.from(digest).toString("hex").slice(0, 16);
}

/** A new cookie value: a random device id and its signature (bound to the e-mail). */
export async function issueDeviceToken(secret: string, email: string): Promise<string> {
  const id = b64url(crypto.getRandomValues(new Uint8Array(16)).buffer);
  const issued = Date.now().toString(36);
  return `${id}.${issued}.${await hmac(secret, `${email.trim().toLowerCase()}|${id}|${issued}`)}`;
}

/** The device id of a valid, unexpired token for this e-mail, or null. */
export async function verifyDeviceToken(secret: string, email: string, token: string | undefined | null, now = Date.now()): Promise<string | null> {
  const [id, issued, sig, ...rest] = (token ?? "").split(".");
  if (!id || !issued || !sig || rest.length > 0) return null;
  const at = parseInt(issued, 36);
  if (!Number.isFinite(at) || at > now || now - at > MAX_AGE_S * 1000) return null;
  const expected = await hmac(secret, `${email.trim().toLowerCase()}|${id}|${issued}`);
  // Equal length base64url strings; compare without an early exit.
  if (expected.length !== sig.length) return null;
  let diff = 0;
  for (let i = 0; i < sig.length; i++) diff |= expected.charCodeAt(i) ^ sig.charCodeAt(i);
  return diff === 0 ? id : null;
}

/** Reads one cookie from a Cookie header. */
export function readCookie(header: string | null | undefined, name: string): string | null {
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

export const DEVICE_COOKIE_MAX_AGE_S = MAX_AGE_S;
