import { createClient, type Client } from "@libsql/client";
import { drizzle, type LibSQLDatabase } from "drizzle-orm/libsql";
import { env } from "@/server/env";
import * as schema from "./schema";

export type Db = LibSQLDatabase<typeof schema> & { $client: Client };

/** Busy timeout for the embedded file: writers wait instead of failing with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;

export function createDb(url: string, authToken?: string): Db {
  const client = createClient({ url, authToken, timeout: url.startsWith("file:") ? BUSY_TIMEOUT_MS : undefined });
  return drizzle(client, { schema, casing: "snake_case" });
}

/** Pragmas for the embedded file: WAL lets readers run beside the one writer. Persistent per file. */
export async function tuneEmbedded(db: Db): Promise<void> {
  if (!db.$client.protocol.startsWith("file")) return;
  await db.$client.execute("PRAGMA journal_mode=WAL");
  await db.$client.execute("PRAGMA foreign_keys=ON");
}

// One client per process, kept across hot reloads in development.
const globalForDb = globalThis as unknown as { __smsDb?: Db };

export function getDb(): Db {
  if (!globalForDb.__smsDb) {
    const e = env();
    globalForDb.__smsDb = createDb(e.databaseUrl, e.databaseAuthToken);
  }
  return globalForDb.__smsDb;
}
