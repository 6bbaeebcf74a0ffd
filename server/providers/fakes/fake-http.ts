/**
 * A real HTTP server on 127.0.0.1 (port 0) for provider fakes: records every request exactly as it
 * arrived and answers from a handler, unless a scripted fault is queued (429, 5xx, a reply delayed
 * past the client's timeout after the request was read, …).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export type RecordedRequest = {
  method: string;
  /** Path without the query string. */
  path: string;
  /** Path and query exactly as sent (percent-escapes untouched). */
  rawUrl: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: string;
};

export type FakeReply = {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  /** Wait this long after reading the whole request before answering. */
  delayMs?: number;
};

export type FakeHandler = (req: RecordedRequest) => FakeReply | Promise<FakeReply>;

export function jsonReply(status: number, body: unknown, headers: Record<string, string> = {}): FakeReply {
  return { status, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) };
}

export function textReply(status: number, body: string, headers: Record<string, string> = {}): FakeReply {
  return { status, headers: { "content-type": "text/plain", ...headers }, body };
}

export class FakeHttpServer {
  readonly requests: RecordedRequest[] = [];
  private readonly queued: FakeReply[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private server: http.Server | undefined;
  url = "";

  constructor(private readonly handler: FakeHandler) {}

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const u = new URL(req.url ?? "/", "http://127.0.0.1");
        const recorded: RecordedRequest = { method: req.method ?? "", path: u.pathname, rawUrl: req.url ?? "/", query: u.searchParams, headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
        this.requests.push(recorded);
        const scripted = this.queued.shift();
        // A handler bug answers 500 instead of crashing the test run.
        void Promise.resolve()
          .then(() => scripted ?? this.handler(recorded))
          .then(
            (reply) => this.answer(res, reply),
            (err: unknown) => this.answer(res, textReply(500, `fake handler failed: ${String(err)}`)),
          );
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Replies used, in order, for the next requests instead of the handler. */
  script(...replies: FakeReply[]): void {
    this.queued.push(...replies);
  }

  get last(): RecordedRequest {
    const r = this.requests.at(-1);
    if (!r) throw new Error("the fake received no request");
    return r;
  }

  private answer(res: http.ServerResponse, reply: FakeReply): void {
    const send = () => {
      if (res.destroyed) return;
      res.writeHead(reply.status, reply.headers ?? {});
      res.end(reply.body ?? "");
    };
    if (!reply.delayMs) return send();
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      send();
    }, reply.delayMs);
    this.timers.add(timer);
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}

/**
 * Plays the provider calling our webhook: sends the same request `times` times (duplicates are part
 * of every provider's contract) and returns the statuses our side answered.
 */
export async function deliverCallback(url: string, init: { method?: string; headers?: Record<string, string>; body?: string }, times = 1): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < times; i++) {
    const res = await fetch(url, { method: init.method ?? "POST", headers: init.headers, body: init.body });
    await res.text();
    statuses.push(res.status);
  }
  return statuses;
}

/** An address where nothing listens (the port of a server just closed): connection refused. */
export async function closedPortUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
