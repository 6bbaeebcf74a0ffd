import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { createDb, type Db } from "@/db/client";

const TEMPLATE = path.resolve(".tmp/vitest/template.db");

/** A fresh, migrated libSQL file database for one test file (a copy of the template). */
export function createTestDb(): Db & { filePath: string } {
  const dir = path.resolve(".tmp/vitest/dbs");
  mkdirSync(dir, { recursive: true });
  const filePath = path.join(dir, `${randomUUID()}.db`);
  copyFileSync(TEMPLATE, filePath);
  const db = createDb(`file:${filePath}`);
  return Object.assign(db, { filePath });
}
