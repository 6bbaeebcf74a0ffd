// Bulk writes: multi-row VALUES statements are ~3x faster than one INSERT per row in libSQL.
import type { InValue, Transaction } from "@libsql/client";

/** SQLite's default SQLITE_MAX_VARIABLE_NUMBER. */
const MAX_BOUND_PARAMS = 32766;
const DEFAULT_ROWS_PER_STATEMENT = 1000;

export type Row = InValue[];
export type Executor = Pick<Transaction, "execute">;

export interface TableSpec {
  table: string;
  columns: readonly string[];
}

const placeholderCache = new Map<string, string>();

function placeholders(columnCount: number, rowCount: number): string {
  const key = `${columnCount}x${rowCount}`;
  let sql = placeholderCache.get(key);
  if (!sql) {
    const one = `(${new Array<string>(columnCount).fill("?").join(",")})`;
    sql = new Array<string>(rowCount).fill(one).join(",");
    placeholderCache.set(key, sql);
  }
  return sql;
}

/** Inserts `rows` (values in `spec.columns` order) in as few statements as SQLite allows. */
export async function insertRows(tx: Executor, spec: TableSpec, rows: readonly Row[], rowsPerStatement = DEFAULT_ROWS_PER_STATEMENT): Promise<void> {
  const width = spec.columns.length;
  const perStatement = Math.max(1, Math.min(rowsPerStatement, Math.floor(MAX_BOUND_PARAMS / width)));
  const head = `INSERT INTO "${spec.table}" (${spec.columns.map((c) => `"${c}"`).join(",")}) VALUES `;
  for (let start = 0; start < rows.length; start += perStatement) {
    const end = Math.min(rows.length, start + perStatement);
    const args: InValue[] = new Array<InValue>((end - start) * width);
    let k = 0;
    for (let i = start; i < end; i++) {
      const row = rows[i] as Row;
      if (row.length !== width) throw new Error(`${spec.table}: row ${i} has ${row.length} values, expected ${width}`);
      for (let j = 0; j < width; j++) args[k++] = row[j] as InValue;
    }
    await tx.execute({ sql: head + placeholders(width, end - start), args });
  }
}

const LARGE_CACHE_KIB = 64 * 1024;

/**
 * Runs `fn` with a 64 MiB page cache so the indexes of 100k-row tables stay in memory (~30% faster
 * than the 2 MiB default), then restores the size: the connection goes back to the client's pool.
 */
export async function withLargePageCache<T>(tx: Executor, fn: () => Promise<T>): Promise<T> {
  const previous = Number((await tx.execute("PRAGMA cache_size")).rows[0]?.cache_size ?? -2000);
  await tx.execute(`PRAGMA cache_size = -${LARGE_CACHE_KIB}`);
  try {
    return await fn();
  } finally {
    // Best effort: after a failed statement the transaction may be gone, and its error is the one to report.
    await tx.execute(`PRAGMA cache_size = ${previous}`).catch(() => undefined);
  }
}

export const CITY: TableSpec = { table: "city", columns: ["id", "name", "uf", "ibge_code", "time_zone"] };
export const NEIGHBOURHOOD: TableSpec = { table: "neighbourhood", columns: ["id", "city_id", "name"] };
export const STREET: TableSpec = { table: "street", columns: ["id", "neighbourhood_id", "name", "postal_code"] };
export const SERVER: TableSpec = { table: "server", columns: ["id", "name", "host", "active"] };
export const ACCESS_POINT: TableSpec = { table: "access_point", columns: ["id", "name", "server_id", "city_id", "technology"] };
export const PLAN: TableSpec = {
  table: "plan",
  columns: ["id", "name", "download_mbps", "upload_mbps", "price_cents", "active"],
};
export const PAYMENT_PROFILE: TableSpec = {
  table: "payment_profile",
  columns: ["id", "name", "method", "due_day", "active", "created_at"],
};
export const CUSTOMER: TableSpec = {
  table: "customer",
  columns: [
    "id", "code", "name", "search_name", "person_type", "document", "status", "email", "city_id", "neighbourhood_id",
    "street_id", "address_number", "address_complement", "payment_profile_id", "created_at", "updated_at",
  ],
};
export const PHONE: TableSpec = {
  table: "phone",
  columns: ["id", "customer_id", "kind", "e164", "is_primary", "label", "created_at"],
};
export const CONNECTION: TableSpec = {
  table: "connection",
  columns: ["id", "customer_id", "login", "plan_id", "server_id", "access_point_id", "status", "ipv4", "created_at"],
};
export const USER: TableSpec = {
  table: "user",
  columns: ["id", "name", "email", "email_verified", "role", "disabled", "created_at", "updated_at"],
};
export const ACCOUNT: TableSpec = {
  table: "account",
  columns: ["id", "account_id", "provider_id", "user_id", "password", "created_at", "updated_at"],
};
