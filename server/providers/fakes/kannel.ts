/**
 * Fake Kannel smsbox (providers.md): GET /cgi-bin/sendsms with username/password, plain-text answers
 * ("0: Accepted for delivery", "Authorization failed for sendsms"); calls a request's dlr-url after
 * substituting the %-escapes the way Kannel does (substituted values URL-encoded).
 */
import { deliverCallback, FakeHttpServer, type RecordedRequest, textReply } from "./fake-http";

export type FakeKannelOptions = { username: string; password: string };

export async function startFakeKannel(opts: FakeKannelOptions): Promise<FakeHttpServer> {
  const server = new FakeHttpServer((req: RecordedRequest) => {
    if (req.path !== "/cgi-bin/sendsms") return textReply(404, "Unknown service");
    if (req.query.get("username") !== opts.username || req.query.get("password") !== opts.password) return textReply(403, "Authorization failed for sendsms");
    if (!req.query.get("to")) return textReply(400, "Missing receiver number, rejected");
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
