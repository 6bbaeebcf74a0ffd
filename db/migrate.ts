import { mkdirSync } from "node:fs";
import path from "node:path";
import { migrate } from "drizzle-orm/libsql/migrator";
import { type Db, tuneEmbedded } from "./client";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

/** Creates the data folder for a file URL (libSQL does not). */
export function ensureFileDir(url: string): void {
  if (!url.startsWith("file:")) return;
  const file = url.slice("file:".length).replace(/\?.*$/, "");
  if (file && file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
}

export async function migrateDb(db: Db): Promise<void> {
  await tuneEmbedded(db);
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}

async function main() {
  const { env } = await import("@/server/env");
  const { getDb } = await import("./client");
  ensureFileDir(env().databaseUrl);
  await migrateDb(getDb());
  console.log("Migrations applied.");
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("db/migrate.ts")) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
