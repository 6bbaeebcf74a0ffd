// Protects the embedded file's page cache: every connection, not only the one that ran the pragma,
// opens with the larger cache (the client pools connections and opens new ones for transactions).
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createDb } from "@/db/client";
import { createTestDb } from "@/test/db";
import { CACHE_BYTES } from "./client";

describe("tuneEmbedded", () => {
  it("gives every new connection to a migrated file a 64 MiB page cache", async () => {
    const { filePath } = createTestDb();
    const fresh = createDb(`file:${filePath}`);
    const pageSize = Number((await fresh.$client.execute("PRAGMA page_size")).rows[0]!.page_size);
    const pages = Number((await fresh.$client.execute("PRAGMA cache_size")).rows[0]!.cache_size);
    expect(pages * pageSize).toBe(CACHE_BYTES);
    await fresh.transaction(async (tx) => {
      const inTx = Number((await tx.all<{ cache_size: number }>(sql`PRAGMA cache_size`))[0]!.cache_size);
      expect(inTx).toBe(pages);
    });
    fresh.$client.close();
  });
});
