/**
 * Fake Kannel smsbox (providers.md): GET /cgi-bin/sendsms with username/password, plain-text answers
 * ("0: Accepted for delivery", "Authorization failed for sendsms"); calls a request's dlr-url after
 * substituting the %-escapes the way Kannel does (substituted values URL-encoded).
 */
import { deliverCallback, FakeHttpServer, type RecordedRequest, textReply } from "./fake-http";

/** globalSender: smsbox's global-sender; without it a send with no `from` is refused, as smsbox does. */
export type FakeKannelOptions = { username: string; password: string; globalSender?: string };

export async function startFakeKannel(opts: FakeKannelOptions): Promise<FakeHttpServer> {
  const server = new FakeHttpServer((req: RecordedRequest) => {
    if (req.path !== "/cgi-bin/sendsms") return textReply(404, "Unknown service");
    if (req.query.get("username") !== opts.username || req.query.get("password") !== opts.password) return textReply(403, "Authorization failed for sendsms");
    if (!req.query.get("to")) return textReply(400, "Missing receiver number, rejected");
    if (!req.query.get("from") && !opts.globalSender) return textReply(400, "Sender missing and no global set, rejected");
    return textReply(202, "0: Accepted for delivery");
  });
  return server.start();
}

/** Kannel calling a send's dlr-url with DLR type `type` (1, 2, 4, 8, 16), `times` times. */
export async function sendKannelDlr(sent: RecordedRequest, p: { type: number; reply?: string; ts?: number; kid?: string }, times = 1): Promise<number[]> {
  const template = sent.query.get("dlr-url");
  if (!template) throw new Error("the send carried no dlr-url");
  const url = template
    .replace(/%d/g, String(p.type))
    .replace(/%A/g, encodeURIComponent(p.reply ?? ""))
    .replace(/%p/g, encodeURIComponent(sent.query.get("to") ?? ""))
    .replace(/%T/g, String(p.ts ?? 1741615200))
    .replace(/%I/g, encodeURIComponent(p.kid ?? "kannel-uuid-1"));
  return deliverCallback(url, { method: "GET" }, times);
}

export type KannelMo = { from: string; to?: string; text: string; coding?: 0 | 2; charset?: string; ts?: number; smsc?: string; id?: string };

/** Percent-encodes every byte outside unreserved ASCII, as Kannel's smsbox does for escape values. */
function kannelEscape(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, "0")}`)).join("");
}

/**
 * The URL smsbox calls for an inbound SMS on an sms-service `get-url`: the escapes substituted,
 * the text as bytes — UTF-16BE for coding 2 (no mo-recode), Latin-1 for GSM texts.
 */
export function kannelGetUrl(template: string, mo: KannelMo): string {
  const coding = mo.coding ?? 0;
  const bytes = coding === 2 ? utf16be(mo.text) : Uint8Array.from(Buffer.from(mo.text, "latin1"));
  const values: Record<string, string> = {
    p: encodeURIComponent(mo.from),
    P: encodeURIComponent(mo.to ?? "28282"),
    b: kannelEscape(bytes),
    a: kannelEscape(bytes),
    c: String(coding),
    C: encodeURIComponent(mo.charset ?? (coding === 2 ? "UTF-16BE" : "GSM")),
    T: String(mo.ts ?? 1741615200),
    i: encodeURIComponent(mo.smsc ?? "vivo"),
    I: encodeURIComponent(mo.id ?? "b2f6a1c0-1111-2222-3333-444455556666"),
  };
  return template.replace(/%([pPbacCTiI])/g, (_, code: string) => values[code] ?? "");
}

function utf16be(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    out[2 * i] = text.charCodeAt(i) >> 8;
    out[2 * i + 1] = text.charCodeAt(i) & 0xff;
  }
  return out;
}
