/**
 * Our side of a webhook, for tests: a real HTTP server that plays the route — it turns each request
 * into a WebhookRequest (full URL as called, headers, raw body), passes it to the adapter and answers
 * what the adapter says. It can refuse the first N calls to exercise a provider's retries.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { ProviderAdapter, WebhookRequest, WebhookResult } from "../types";

export class WebhookReceiver {
  readonly received: WebhookRequest[] = [];
  readonly results: WebhookResult[] = [];
  /** Answer 503 to this many calls before handling them. */
  failNext = 0;
  private handled = 0;
  private server: http.Server | undefined;
  private base = "";

  constructor(private readonly adapter?: ProviderAdapter) {}

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => void this.handle(req, Buffer.concat(chunks).toString("utf8"), res));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** The account's callback URL, shaped like the real route (secret in the path, our ref in the query). */
  url(path = "/api/webhooks/sms/7/s3cr3t?ref=abc"): string {
    return `${this.base}${path}`;
  }

  private async handle(req: http.IncomingMessage, rawBody: string, res: http.ServerResponse): Promise<void> {
    try {
      await this.answer(req, rawBody, res);
    } finally {
      this.handled++;
    }
  }

  private async answer(req: http.IncomingMessage, rawBody: string, res: http.ServerResponse): Promise<void> {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    const request: WebhookRequest = { url: `${this.base}${req.url ?? "/"}`, method: req.method ?? "GET", headers, rawBody };
    if (this.failNext > 0) {
      this.failNext--;
      this.received.push(request);
      res.writeHead(503).end();
      return;
    }
    this.received.push(request);
    if (!this.adapter) {
      res.writeHead(200).end();
      return;
    }
    const result = await this.adapter.parseWebhook(request);
    this.results.push(result);
    if (!result.ok) res.writeHead(result.status, { "content-type": "text/plain" }).end(result.error);
    else if (result.response) res.writeHead(result.response.status, { "content-type": result.response.contentType }).end(result.response.body);
    else res.writeHead(200).end();
  }

  /** Resolves once `count` requests were answered; rejects after `timeoutMs`. */
  async waitFor(count: number, timeoutMs = 3000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.handled < count) {
      if (Date.now() > deadline) throw new Error(`expected ${count} webhook calls, got ${this.handled}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async close(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}
