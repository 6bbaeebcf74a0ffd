// Runs once when a Next server starts: validate the environment, apply pending migrations and, when
// no Inngest is configured, start the embedded job runner (queue drain every 5 minutes).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./server/env");
  const e = env();
  const { ensureFileDir, migrateDb } = await import("./db/migrate");
  const { getDb } = await import("./db/client");
  // Before the first open: the data folder, secrets and database files private to this user.
  if (e.isEmbeddedDb) (await import("./server/lib/file-modes")).secureDataDir(e.dataDir);
  ensureFileDir(e.databaseUrl);
  await migrateDb(getDb());
  if (e.jobs === "embedded") {
    const { embeddedRunner } = await import("./server/jobs/runtime");
    embeddedRunner().start();
  }
}
