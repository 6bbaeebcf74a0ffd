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

/** Page cache per connection of the embedded file (SQLite's own default is 2 MB). */
export const CACHE_BYTES = 64 * 1024 * 1024;

/** Pragmas for the embedded file: WAL lets readers run beside the one writer. Persistent per file. */
export async function tuneEmbedded(db: Db): Promise<void> {
  if (!db.$client.protocol.startsWith("file")) return;
  await db.$client.execute("PRAGMA journal_mode=WAL");
  await db.$client.execute("PRAGMA foreign_keys=ON");
  // The client pools connections and opens more while transactions hold some, with no per-connection
  // hook; default_cache_size is stored in the file's header, so every connection opens with it.
  const pageSize = Number((await db.$client.execute("PRAGMA page_size")).rows[0]?.page_size ?? 4096);
  await db.$client.execute(`PRAGMA default_cache_size = ${Math.floor(CACHE_BYTES / pageSize)}`);
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
