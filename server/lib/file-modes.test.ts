// Protects the data at rest from other users of the machine (issue 12 §10): the data folder 700, the
// database with its -wal/-shm and the generated secrets 600 — new ones, and old ones tightened.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDb, tuneEmbedded } from "@/db/client";
import { ensureFileDir, migrateDb } from "@/db/migrate";
import { resolveAuthSecret } from "@/server/lib/data-secrets";
import { parseEnv } from "@/server/env";
import { secureDataDir } from "./file-modes";

const mode = (f: string) => (statSync(f).mode & 0o777).toString(8);
const made: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "painel-modes-"));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe("file modes", () => {
  it("a new data folder, database, -wal, -shm and secrets are readable by their owner only", async () => {
    const dataDir = path.join(scratch(), "data");
    const url = `file:${dataDir}/app.db`;
    ensureFileDir(url);
    const db = createDb(url);
    await migrateDb(db);
    await db.$client.execute("create table t (x text)");
    await db.$client.execute("insert into t values ('Conceição')");
    resolveAuthSecret(parseEnv({ DATA_DIR: dataDir, DATABASE_URL: url }));
    expect(mode(dataDir)).toBe("700");
    for (const f of ["app.db", "app.db-wal", "app.db-shm", "auth-secret"]) expect(mode(path.join(dataDir, f)), f).toBe("600");
    db.$client.close();
  });

  it("existing files from an older version (644/755) are tightened at start, and nothing else is touched", async () => {
    const dataDir = path.join(scratch(), "data");
    mkdirSync(dataDir, { mode: 0o755 });
    chmodSync(dataDir, 0o755);
    for (const f of ["app.db", "app.db-wal", "app.db-shm", "credentials-key", "LEIAME.txt"]) {
      writeFileSync(path.join(dataDir, f), "");
      chmodSync(path.join(dataDir, f), 0o644);
    }
    secureDataDir(dataDir);
    ensureFileDir(`file:${dataDir}/app.db`);
    expect(mode(dataDir)).toBe("700");
    for (const f of ["app.db", "app.db-wal", "app.db-shm", "credentials-key"]) expect(mode(path.join(dataDir, f)), f).toBe("600");
    expect(mode(path.join(dataDir, "LEIAME.txt"))).toBe("644");
    const db = createDb(`file:${dataDir}/app.db`);
    await tuneEmbedded(db);
    db.$client.close();
  });
});
