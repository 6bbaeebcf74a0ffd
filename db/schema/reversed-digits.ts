import { type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";

/** Longest E.164 text: "+" and 15 digits. */
const E164_MAX_CHARS = 16;

/**
 * An E.164 number written backwards ("+553537221234" → "432122735355+"). SQLite has no reverse(), so
 * the expression spells out one substr per character. Indexed, it turns "the number ends with these
 * digits" into a range seek on a prefix. Queries must use this same expression for the index to apply.
 */
export function reversedSql(column: SQLiteColumn): SQL {
  const parts = Array.from({ length: E164_MAX_CHARS }, (_, i) => sql`substr(${column}, ${sql.raw(String(-(i + 1)))}, 1)`);
  return sql`(${sql.join(parts, sql` || `)})`;
}
