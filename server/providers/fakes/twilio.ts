/**
 * Fake Twilio Messages API (providers.md): Basic auth, form-encoded Messages.json, 201 with a SID or
 * the documented error body; signs the callbacks it sends with node:crypto — an implementation
 * independent of the adapter's Web Crypto one.
 */
import { createHmac, randomBytes } from "node:crypto";
import { deliverCallback, FakeHttpServer, type FakeReply, jsonReply, type RecordedRequest } from "./fake-http";

export type FakeTwilioOptions = { accountSid: string; authToken: string; invalidNumbers?: string[]; optedOut?: string[]; landlines?: string[] };

export function twilioError(status: number, code: number, message: string, headers: Record<string, string> = {}): FakeReply {
  return jsonReply(status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status }, headers);
}

/** base64(HMAC(key, url + sorted name+value pairs)): SHA-1 with the Auth Token, or a SharedKey's algorithm. */
export function twilioSign(authToken: string, url: string, params: Record<string, string>, algorithm: "sha1" | "sha256" = "sha1"): string {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, key) => acc + key + params[key], url);
  return createHmac(algorithm, authToken).update(data, "utf8").digest("base64");
}

export async function startFakeTwilio(opts: FakeTwilioOptions): Promise<FakeHttpServer> {
  const server = new FakeHttpServer((req: RecordedRequest) => {
    if (req.method !== "POST" || req.path !== `/2010-04-01/Accounts/${opts.accountSid}/Messages.json`) return twilioError(404, 20404, "The requested resource was not found");
    const expected = `Basic ${Buffer.from(`${opts.accountSid}:${opts.authToken}`).toString("base64")}`;
    if (req.headers.authorization !== expected) return twilioError(401, 20003, "Authenticate");
    const form = new URLSearchParams(req.body);
    const to = form.get("To") ?? "";
    if (!/^\+\d{10,15}$/.test(to) || opts.invalidNumbers?.includes(to)) return twilioError(400, 21211, `The 'To' number ${to} is not a valid phone number.`);
    if (opts.optedOut?.includes(to)) return twilioError(400, 21610, "Attempt to send to unsubscribed recipient");
    if (opts.landlines?.includes(to)) return twilioError(400, 21635, "'To' number cannot be a landline");
    return jsonReply(201, {
      sid: `SM${randomBytes(16).toString("hex")}`,
      status: form.has("MessagingServiceSid") ? "accepted" : "queued",
      to,
      from: form.get("From"),
      body: form.get("Body"),
      num_segments: "1",
      direction: "outbound-api",
      account_sid: opts.accountSid,
      error_code: null,
      error_message: null,
    });
  });
  return server.start();
}

/** POSTs a signed, form-encoded callback to `url`, `times` times (Twilio may repeat callbacks). */
export async function sendTwilioCallback(url: string, authToken: string, params: Record<string, string>, times = 1): Promise<number[]> {
  return deliverCallback(
    url,
    { headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": twilioSign(authToken, url, params) }, body: new URLSearchParams(params).toString() },
    times,
  );
}
