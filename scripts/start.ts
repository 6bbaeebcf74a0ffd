/**
 * `npm start`: validate the environment, migrate, seed demo data when the database is empty,
 * build for production (unless --no-build) and serve on PORT (3000).
 */
import { spawnSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { EnvError, parseEnv } from "@/server/env";

process.env.NEXT_TELEMETRY_DISABLED = "1";

function run(cmd: string, args: string[], extraEnv: Record<string, string> = {}) {
  const res = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...extraEnv } });
  if (res.status !== 0) process.exit(res.status ?? 1);
}

let e;
try {
  e = parseEnv(process.env);
} catch (err) {
  console.error(err instanceof EnvError ? err.message : err);
  process.exit(1);
}

const npx = "npx";
run(npx, ["tsx", "db/migrate.ts"]);
if (e.isEmbeddedDb) run(npx, ["tsx", "db/seed.ts", "--if-empty"]);
else console.log("Remote database: demo data is not seeded automatically (run `npm run db:seed` only on a local file).");

const build = !process.argv.includes("--no-build");
if (build) run(npx, ["next", "build"]);
else if (!existsSync(".next/BUILD_ID")) {
  console.error("No production build found: run `npm start` (which builds) or `npm run build` first.");
  process.exit(1);
}

console.log(`\nPainel de SMS: ${e.appUrl}  (demo logins in README.md)\n`);
// Our server (not `next start`): it alone sees the TCP peer, for TRUSTED_PROXIES.
const server = spawn(npx, ["tsx", "scripts/server.ts"], { stdio: "inherit", env: process.env });
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
