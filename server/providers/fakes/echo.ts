/**
 * A careless provider: refuses every send with an error body that echoes our own request (request
 * line, headers, body) in one of the encodings providers use, starting at a chosen offset so that
 * every part of the echo — truncated secrets included — lands in the part an adapter shows.
 * Checks use node:crypto/Buffer forms, independent of the redaction under test.
 */
import { FakeHttpServer, type FakeReply, jsonReply, type RecordedRequest, textReply } from "./fake-http";

export const ECHO_ENCODINGS = {
  raw: (s: string) => s,
  json: (s: string) => JSON.stringify(s),
  jsonAscii: (s: string) => JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`),
  url: (s: string) => encodeURIComponent(s),
  form: (s: string) => new URLSearchParams({ e: s }).toString().slice(2),
  base64: (s: string) => Buffer.from(s, "utf8").toString("base64"),
  decodedBasic: (s: string) =>
    s.replace(/Basic ([A-Za-z0-9+/=]+)/g, (_, b64: string) => `Basic ${Buffer.from(b64, "base64").toString("utf8")}`),
} as const;
export type EchoEncoding = keyof typeof ECHO_ENCODINGS;

/** The request as a provider would dump it. */
export function dumpRequest(req: RecordedRequest): string {
  const headers = Object.entries(req.headers)
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(", ") : (v ?? "")}`)
    .join("\n");
  return `${req.method} ${req.rawUrl}\n${headers}\n\n${req.body}`;
}

/** Windows of the encoded echo short enough that each fits in what an adapter shows. */
export const ECHO_WINDOW = 150;

export type EchoShape = "text" | "json";

export class EchoProvider {
  encoding: EchoEncoding = "raw";
  offset = 0;
  /** Length of the last encoded echo, so a test knows how many windows there are. */
  lastLength = 0;
  /** Every window answered, for the test to check that secrets were echoed at all. */
  readonly sent: string[] = [];
  readonly server: FakeHttpServer;

  constructor(shape: EchoShape, status = 400) {
    this.server = new FakeHttpServer((req) => this.reply(req, shape, status));
  }

  private reply(req: RecordedRequest, shape: EchoShape, status: number): FakeReply {
    const encoded = ECHO_ENCODINGS[this.encoding](dumpRequest(req));
    this.lastLength = encoded.length;
    const echo = encoded.slice(this.offset, this.offset + ECHO_WINDOW);
    this.sent.push(echo);
    if (shape === "text") return textReply(status, echo);
    // Every field the adapters read a provider's message from, plus a code.
    return jsonReply(status, { code: 21999, errorCode: "ECHO", message: echo, description: echo, descricao: echo, Message: echo });
  }
}

/** Node-side forms of a secret, to check what the adapters returned (independent of redact.ts). */
export function independentForms(secret: string, user?: string): string[] {
  const forms = [secret, encodeURIComponent(secret), new URLSearchParams({ v: secret }).toString().slice(2), JSON.stringify(secret).slice(1, -1)];
  forms.push(ECHO_ENCODINGS.jsonAscii(secret).slice(1, -1));
  for (const text of [...forms]) {
    const bytes = Buffer.from(text, "utf8");
    for (let k = 0; k < 3; k++) {
      const aligned = bytes.subarray(k);
      forms.push(aligned.subarray(0, aligned.length - (aligned.length % 3)).toString("base64"));
    }
  }
  if (user) forms.push(Buffer.from(`${user}:${secret}`).toString("base64").slice(0, -4));
  return forms.filter((f) => f.length > 0);
}

/** Runs of 6+ characters of any form of any secret found in `text` (case-insensitive). */
export function leakedRuns(text: string, secrets: { secret: string; user?: string }[], run = 6): string[] {
  const hay = text.toLowerCase();
  const found: string[] = [];
  for (const { secret, user } of secrets) {
    for (const form of independentForms(secret, user)) {
      const f = form.toLowerCase();
      if (f.length < run) continue;
      for (let i = 0; i + run <= f.length; i++) if (hay.includes(f.slice(i, i + run))) found.push(f.slice(i, i + run));
    }
  }
  return [...new Set(found)];
}
