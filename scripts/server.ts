/**
 * The production HTTP server: Next's request handler behind a plain Node server, because only
 * here is the TCP peer known. Every request's X-Forwarded-* headers are rewritten from the socket
 * (believed only from TRUSTED_PROXIES) before Next reads them; see server/http/forwarding.ts.
 * `npm start` and the e2e suite run this instead of `next start`.
 */
import { createServer } from "node:http";
import { type Env, EnvError, parseEnv } from "@/server/env";
import { markForwardingSanitised, proxyList, sanitiseForwarding } from "@/server/http/forwarding";

async function main() {
  let e: Env;
  try {
    e = parseEnv(process.env);
  } catch (err) {
    console.error(err instanceof EnvError ? err.message : err);
    process.exit(1);
  }
  const proxies = proxyList(e.trustedProxies);
  const dev = process.argv.includes("--dev");
  // As `next start` does; Next reads it while loading.
  Object.assign(process.env, { NODE_ENV: dev ? "development" : "production" });
  const { default: next } = await import("next");
  const app = next({ dev, port: e.port });
  const handle = app.getRequestHandler();
  await app.prepare();
  markForwardingSanitised();

  const server = createServer((req, res) => {
    sanitiseForwarding(req.headers, req.socket.remoteAddress, proxies);
    void handle(req, res);
  });
  server.listen(e.port, () => console.log(`> Painel de SMS ouvindo na porta ${e.port}${dev ? " (desenvolvimento)" : ""}`));
  for (const sig of ["SIGINT", "SIGTERM"] as const) {
    process.on(sig, () => {
      server.close(() => process.exit(0));
      // Keep-alive connections would hold close() open.
      server.closeAllConnections();
    });
  }
}

void main();
