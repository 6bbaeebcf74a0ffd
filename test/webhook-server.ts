import { createServer, type Server } from "node:http";
import type { Db } from "@/db/client";
import { handleProviderWebhook } from "@/server/services/sms/webhook";

/**
 * Our webhook route on a real loopback port, so the sandbox's delivery reports travel over HTTP
 * exactly as in production (the Next route is a thin wrapper around the same service).
 */
export async function startWebhookServer(db: Db, port: number): Promise<Server> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const url = new URL(req.url ?? "/", `http://127.0.0.1:${port}`);
      const m = url.pathname.match(/^\/api\/webhooks\/sms\/([^/]+)\/([^/]+)$/);
      if (!m) return res.writeHead(404).end();
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      const answer = await handleProviderWebhook(db, {
        accountId: m[1]!,
        secret: m[2]!,
        publicUrl: url.toString(),
        method: req.method ?? "POST",
        headers,
        rawBody: Buffer.concat(chunks).toString("utf8"),
      });
      res.writeHead(answer.status, { "content-type": answer.contentType }).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return server;
}

/** A port for this test process, fixed before any module reads APP_URL. */
export function testPort(): number {
  return 41000 + (process.pid % 8000);
}
