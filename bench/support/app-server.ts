/**
 * The production server as the HTTP benchmarks drive it (bench:web, bench:http): scripts/server.ts,
 * what `npm start` runs, on a bench's own database, with the operator signed in over HTTP.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === "object" && addr ? resolve(addr.port) : reject(new Error("no port"))));
    });
  });
}

/** Starts scripts/server.ts in its own process group (stop it with stopAppServer). */
export function startAppServer(opts: { dir: string; dbUrl: string; origin: string; port: number }): ChildProcess {
  return spawn("npx", ["tsx", "scripts/server.ts"], {
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
    env: { ...process.env, DATA_DIR: opts.dir, DATABASE_URL: opts.dbUrl, APP_URL: opts.origin, PORT: String(opts.port), LOG_LEVEL: "warn", NODE_ENV: "production" },
  });
}

/** The whole process group: npx and the server under it. */
export function stopAppServer(server: ChildProcess | undefined): void {
  if (server?.pid) process.kill(-server.pid, "SIGTERM");
}

export async function waitFor(url: string, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer in ${ms} ms`);
}

/** Signs the demo operator in through better-auth's endpoint; returns the Cookie header to send. */
export async function signInOperator(origin: string): Promise<string> {
  const { DEMO_PASSWORD, demoUser } = await import("@/db/seed/demo-users");
  const res = await fetch(`${origin}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify({ email: demoUser("operador").email, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in answered ${res.status}: ${await res.text()}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(";")[0]);
  if (cookies.length === 0) throw new Error("sign-in set no cookie");
  return cookies.join("; ");
}
