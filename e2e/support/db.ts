import type { Client } from "@libsql/client";
import { createDb, type Db } from "@/db/client";
import type { Uf } from "@/db/schema/constants";
import { E2E_DB_FILE } from "./constants";

// Read the e2e server's database to check what the UI shows against what is stored.

/** Opens the e2e database for `fn` (its libSQL client, and Drizzle over it for the project's helpers) and closes it afterwards. */
export async function withE2eDb<T>(fn: (db: Client, drizzle: Db) => Promise<T>): Promise<T> {
  const drizzle = createDb(`file:${E2E_DB_FILE}`);
  try {
    return await fn(drizzle.$client, drizzle);
  } finally {
    drizzle.$client.close();
  }
}

/** An active customer with a primary mobile (and its city's UF and time zone), a different one per offset. */
export function customerWithPrimaryMobile(offset: number) {
  return withE2eDb(async (db) => {
    const r = await db.execute({
      sql: `select c.id, c.name, c.code, p.e164, ci.uf, ci.time_zone from customer c join phone p on p.customer_id = c.id
            join city ci on ci.id = c.city_id
            where p.kind = 'mobile' and p.is_primary = 1 and c.status = 'active' order by c.id limit 1 offset ?`,
      args: [offset],
    });
    const row = r.rows[0];
    if (!row) throw new Error("seed has no customer with a primary mobile");
    return {
      id: Number(row.id), name: String(row.name), code: String(row.code), e164: String(row.e164),
      uf: String(row.uf) as Uf, timeZone: String(row.time_zone),
    };
  });
}

/** Records an opt-out for a customer's primary mobile, as an inbound "PARE" would. */
export function optOutPrimaryMobileOf(offset: number) {
  return withE2eDb(async (db) => {
    const r = await db.execute({
      sql: `select c.id, c.name, p.e164 from customer c join phone p on p.customer_id = c.id
            where p.kind = 'mobile' and p.is_primary = 1 order by c.id limit 1 offset ?`,
      args: [offset],
    });
    const row = r.rows[0];
    if (!row) throw new Error("seed has no customer with a primary mobile");
    await db.execute({ sql: "insert into opt_out (phone_e164, source, detail) values (?, 'inbound_sms', 'PARE')", args: [String(row.e164)] });
    return { id: Number(row.id), name: String(row.name), e164: String(row.e164) };
  });
}
