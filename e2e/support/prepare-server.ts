/**
 * Runs before the e2e server starts: a fresh, migrated and seeded database of its own.
 * Refuses anything but a local file so the suite can never wipe a real database.
 */
import { rmSync } from "node:fs";
import { createDb } from "@/db/client";
import { ensureFileDir, migrateDb } from "@/db/migrate";
import { assertSeedableUrl, seedDatabase } from "@/db/seed";
import { E2E_CUSTOMERS, E2E_DB_FILE } from "./constants";

async function main() {
  const url = process.env.DATABASE_URL ?? "";
  assertSeedableUrl(url);
  if (url !== `file:${E2E_DB_FILE}`) throw new Error(`e2e must use file:${E2E_DB_FILE}, got ${url}`);
  rmSync(".tmp/e2e", { recursive: true, force: true });
  ensureFileDir(url);
  const db = createDb(url);
  await migrateDb(db);
  await seedDatabase(db, { customers: E2E_CUSTOMERS });
  db.$client.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
