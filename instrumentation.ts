// Runs once when a Next server starts: validate the environment and apply pending migrations.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./server/env");
  const e = env();
  const { ensureFileDir, migrateDb } = await import("./db/migrate");
  const { getDb } = await import("./db/client");
  ensureFileDir(e.databaseUrl);
  await migrateDb(getDb());
}
