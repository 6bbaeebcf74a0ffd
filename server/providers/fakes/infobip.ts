/**
 * Fake Infobip SMS API v3 (providers.md): `App` key auth, POST /sms/3/messages answering each
 * destination with its (client-chosen) messageId and a status group, and GET /sms/3/reports that
 * hands out each stored delivery report once, as Infobip's pull endpoint does.
 */
import { randomUUID } from "node:crypto";
import { FakeHttpServer, jsonReply, type RecordedRequest } from "./fake-http";

export type FakeInfobipOptions = { apiKey: string; invalidNumbers?: string[] };
type Destination = { to: string; messageId?: string };

export type InfobipFake = FakeHttpServer & {
  /** Stores a final report for pull and returns it (also usable as a webhook result). */
  report(messageId: string, groupName: string, extra?: Record<string, unknown>): Record<string, unknown>;
};

export async function startFakeInfobip(opts: FakeInfobipOptions): Promise<InfobipFake> {
  const pending: Record<string, unknown>[] = [];
  const server = new FakeHttpServer((req: RecordedRequest) => {
    if (req.headers.authorization !== `App ${opts.apiKey}`) {
      return jsonReply(401, { errorCode: "E401", description: "Invalid login details", action: "Check your credentials.", violations: [], resources: [] });
    }
    if (req.method === "GET" && req.path === "/sms/3/reports") {
      const id = req.query.get("messageId");
      const results = pending.filter((r) => !id || r.messageId === id);
      for (const r of results) pending.splice(pending.indexOf(r), 1);
      return jsonReply(200, { results });
    }
    if (req.method !== "POST" || req.path !== "/sms/3/messages") return jsonReply(404, { errorCode: "E404", description: "Not found" });
    const body = JSON.parse(req.body) as { messages: { destinations: Destination[] }[] };
    const messages = body.messages.flatMap((m) =>
      m.destinations.map((d) => ({
        messageId: d.messageId ?? randomUUID(),
        destination: d.to,
        status: opts.invalidNumbers?.includes(d.to)
          ? { groupId: 5, groupName: "REJECTED", id: 14, name: "REJECTED_DESTINATION", description: "Destination address is not valid" }
          : { groupId: 1, groupName: "PENDING", id: 26, name: "PENDING_ACCEPTED", description: "Message sent to next instance" },
      })),
    );
    return jsonReply(200, { bulkId: randomUUID(), messages });
  });
  await server.start();
  return Object.assign(server, {
    report(messageId: string, groupName: string, extra: Record<string, unknown> = {}) {
      const result = {
        bulkId: "bulk-1",
        messageId,
        to: "5535991234567",
        sentAt: "2025-03-10T14:00:00.000+0000",
        doneAt: "2025-03-10T14:00:07.000+0000",
        messageCount: 1,
        callbackData: messageId,
        price: { pricePerMessage: 0.05, currency: "BRL" },
        status: { groupId: 3, groupName, id: 5, name: `${groupName}_STATUS`, description: groupName },
        error: { groupId: 0, groupName: "OK", id: 0, name: "NO_ERROR", description: "No Error", permanent: false },
        ...extra,
      };
      pending.push(result);
      return result;
    },
  });
}
