import path from "node:path";
import { migrate } from "drizzle-orm/libsql/migrator";
import { secureDatabaseFiles } from "@/server/lib/file-modes";
import { type Db, tuneEmbedded } from "./client";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

/** Creates the data folder and the database file of a file URL (libSQL does not), private to this user. */
export function ensureFileDir(url: string): void {
  secureDatabaseFiles(url);
}

export async function migrateDb(db: Db): Promise<void> {
  await tuneEmbedded(db);
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}

async function main() {
  const { env } = await import("@/server/env");
  const { getDb } = await import("./client");
  const { secureDataDir } = await import("@/server/lib/file-modes");
  secureDataDir(env().dataDir);
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
