/**
 * The one redaction of provider text (issue 12, item 3). Providers echo our own request in their
 * error bodies — the query string (URL- or form-encoded), a JSON body (escaped), the Basic header
 * (base64 of user:pass), or a prefix of a token — and that text reaches the send result, events,
 * history, CSV and "Testar". Every form of every credential is masked here, including any run of 6
 * or more characters of a form, so a truncated echo is masked too. Pure and edge-safe (no Buffer).
 */
/** Shorter runs of a secret are too common in ordinary text to mean anything. */
export const MIN_SECRET_RUN = 6;
const MASK = "***";
const encoder = new TextEncoder();

// Length-preserving case folding (ASCII only): percent-escapes and tokens come in either case.
const fold = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

function base64Bytes(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

function jsonEscapes(secret: string): string[] {
  const plain = JSON.stringify(secret).slice(1, -1);
  // Other serialisers escape every non-ASCII character (\u00e9) and PHP escapes "/" as "\/".
  const ascii = plain.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return [plain, ascii, plain.replace(/\//g, "\\/"), ascii.replace(/\//g, "\\/")];
}

function htmlEscape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/**
 * Base64 of any byte stream that contains the secret holds the base64 of the secret's bytes from
 * one of three alignments (whole 3-byte groups only): that covers "Basic base64(user:pass)" and any
 * other base64 envelope, in standard and URL-safe alphabets.
 */
function base64Forms(secret: string): string[] {
  const bytes = encoder.encode(secret);
  const out: string[] = [];
  for (let k = 0; k < 3; k++) {
    const aligned = bytes.slice(k);
    const whole = aligned.slice(0, aligned.length - (aligned.length % 3));
    if (whole.length === 0) continue;
    const b64 = base64Bytes(whole);
    out.push(b64, b64.replace(/\+/g, "-").replace(/\//g, "_"));
  }
  return out;
}

/** Every text form in which `secret` may come back inside a provider's answer. */
export function secretForms(secret: string): string[] {
  const url = encodeURIComponent(secret);
  const text = new Set<string>([
    secret,
    url,
    // application/x-www-form-urlencoded: spaces as "+", and !'()~ escaped too.
    new URLSearchParams({ v: secret }).toString().slice(2),
    url.replace(/%20/g, "+"),
    encodeURI(secret),
    // A URL inside a URL (dlr-url, StatusCallback) is encoded twice.
    encodeURIComponent(url),
    ...jsonEscapes(secret),
    htmlEscape(secret),
  ]);
  // A dump of our request in base64 carries the secret as it was in the request: any text form.
  const forms = new Set([...text, ...[...text].flatMap(base64Forms)]);
  return [...forms].filter((f) => f.length > 0);
}

export type Redactor = (text: string) => string;

/**
 * A redactor for a set of secrets (credentials, the webhook secret): masks every occurrence of any
 * run of MIN_SECRET_RUN characters of any form of any of them (a secret shorter than that: its
 * whole forms). Overlapping runs merge into one mask.
 */
export function redactor(secrets: Iterable<string | null | undefined>): Redactor {
  const needles = new Set<string>();
  for (const secret of secrets) {
    // One or two characters cannot be told apart from ordinary text.
    if (!secret || secret.length < 3) continue;
    for (const form of secretForms(secret)) {
      const f = fold(form);
      if (f.length <= MIN_SECRET_RUN) needles.add(f);
      else for (let i = 0; i + MIN_SECRET_RUN <= f.length; i++) needles.add(f.slice(i, i + MIN_SECRET_RUN));
    }
  }
  if (needles.size === 0) return (text) => text;
  return (text) => {
    if (!text) return text;
    const hay = fold(text);
    const covered = new Uint8Array(text.length);
    let any = false;
    for (const needle of needles) {
      for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + 1)) {
        covered.fill(1, at, at + needle.length);
        any = true;
      }
    }
    if (!any) return text;
    let out = "";
    for (let i = 0; i < text.length; i++) {
      if (!covered[i]) out += text[i];
      else if (i === 0 || !covered[i - 1]) out += MASK;
    }
    return out;
  };
}

/** Redacts one text (see redactor). */
export function redactSecrets(text: string, secrets: Iterable<string | null | undefined>): string {
  return redactor(secrets)(text);
}

/** A provider error code fit to store: redacted, a plain token, bounded. */
export function safeCode(code: string, redact: Redactor): string {
  const cleaned = redact(code).replace(/[^A-Za-z0-9_.:-]+/g, "_").slice(0, 64);
  return cleaned || "provider_error";
}
