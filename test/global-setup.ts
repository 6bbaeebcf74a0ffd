import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { createDb } from "@/db/client";
import { migrateDb } from "@/db/migrate";

// One migrated template database; each test file copies it (see test/db.ts).
export const TEMPLATE = path.resolve(".tmp/vitest/template.db");

export default async function setup() {
  rmSync(path.dirname(TEMPLATE), { recursive: true, force: true });
  mkdirSync(path.dirname(TEMPLATE), { recursive: true });
  const db = createDb(`file:${TEMPLATE}`);
  await migrateDb(db);
  // Fold the WAL back into the main file so a plain file copy is complete.
  await db.$client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
  db.$client.close();
}
