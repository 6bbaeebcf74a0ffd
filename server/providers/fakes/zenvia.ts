/**
 * Fake Zenvia API v2 (providers.md): checks X-API-TOKEN, validates `to`, answers 200 with the message
 * as Zenvia does; builds MESSAGE_STATUS / MESSAGE webhook payloads for the tests to deliver.
 */
import { randomUUID } from "node:crypto";
import { FakeHttpServer, jsonReply, type RecordedRequest } from "./fake-http";

export type FakeZenviaOptions = { token: string; invalidNumbers?: string[] };

export async function startFakeZenvia(opts: FakeZenviaOptions): Promise<FakeHttpServer> {
  const invalid = new Set(opts.invalidNumbers ?? []);
  const server = new FakeHttpServer((req: RecordedRequest) => {
    if (req.method !== "POST" || req.path !== "/v2/channels/sms/messages") return jsonReply(404, { code: "NOT_FOUND", message: "Not found" });
    if (req.headers["x-api-token"] !== opts.token) return jsonReply(401, { code: "UNAUTHORIZED", message: "Unauthorized" });
    const body = JSON.parse(req.body) as { from: string; to: string; externalId?: string; contents: unknown[] };
    if (!/^\d{12,13}$/.test(body.to) || invalid.has(body.to)) {
      return jsonReply(400, {
        code: "VALIDATION_ERROR",
        message: "Validation error",
        details: [{ code: "INVALID_FORMAT", path: "to", message: `Invalid recipient number: ${body.to}` }],
      });
    }
    return jsonReply(200, {
      id: randomUUID(),
      externalId: body.externalId,
      from: body.from,
      to: body.to,
      direction: "OUT",
      channel: "sms",
      contents: body.contents,
      timestamp: new Date().toISOString(),
    });
  });
  return server.start();
}

export function zenviaStatusEvent(p: { id: string; externalId?: string; code: string; description?: string; causes?: unknown[] }) {
  return {
    id: randomUUID(),
    timestamp: "2025-03-10T14:00:00.000Z",
    subscriptionId: randomUUID(),
    type: "MESSAGE_STATUS",
    channel: "sms",
    message: { id: p.id, externalId: p.externalId, direction: "OUT", from: "PROVEDOR", to: "5535991234567" },
    messageStatus: {
      code: p.code,
      timestamp: "2025-03-10T14:00:05.000Z",
      description: p.description ?? p.code,
      ...(p.causes ? { causes: p.causes } : {}),
      channelData: { sms: { carrier: "VIVO_BR" } },
    },
  };
}

export function zenviaInboundEvent(p: { from: string; to: string; text: string }) {
  return {
    id: randomUUID(),
    timestamp: "2025-03-10T15:00:00.000Z",
    subscriptionId: randomUUID(),
    type: "MESSAGE",
    channel: "sms",
    direction: "IN",
    message: { id: "mo-1", from: p.from, to: p.to, direction: "IN", channel: "sms", contents: [{ type: "text", text: p.text }] },
  };
}
