// `npm run dev`: the same database preparation as `npm start`, without the production build.
import { spawnSync } from "node:child_process";

const embedded = !process.env.DATABASE_URL || process.env.DATABASE_URL.startsWith("file:");
const steps = [["tsx", "db/migrate.ts"], ...(embedded ? [["tsx", "db/seed.ts", "--if-empty"]] : [])];
for (const args of steps) {
  const res = spawnSync("npx", args, { stdio: "inherit" });
  if (res.status !== 0) process.exit(res.status ?? 1);
}
