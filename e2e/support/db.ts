import { createClient } from "@libsql/client";
import { E2E_DB_FILE } from "./constants";

// Read the e2e server's database to check what the UI shows against what is stored.
export function e2eDb() {
  return createClient({ url: `file:${E2E_DB_FILE}`, timeout: 5000 });
}

export async function customerWithPrimaryMobile() {
  const db = e2eDb();
  try {
    const r = await db.execute(
      `select c.id, c.name, c.code, p.e164 from customer c join phone p on p.customer_id = c.id
       where p.kind = 'mobile' and p.is_primary = 1 and c.status = 'active' order by c.id limit 1 offset 7`,
    );
    const row = r.rows[0];
    if (!row) throw new Error("seed has no customer with a primary mobile");
    return { id: Number(row.id), name: String(row.name), code: String(row.code), e164: String(row.e164) };
  } finally {
    db.close();
  }
}

/** Records an opt-out for a customer's primary mobile, as an inbound "PARE" would. */
export async function optOutPrimaryMobileOf(offset: number) {
  const db = e2eDb();
  try {
    const r = await db.execute({
      sql: `select c.id, c.name, p.e164 from customer c join phone p on p.customer_id = c.id
            where p.kind = 'mobile' and p.is_primary = 1 order by c.id limit 1 offset ?`,
      args: [offset],
    });
    const row = r.rows[0];
    if (!row) throw new Error("seed has no customer with a primary mobile");
    await db.execute({ sql: "insert into opt_out (phone_e164, source, detail) values (?, 'inbound_sms', 'PARE')", args: [String(row.e164)] });
    return { id: Number(row.id), name: String(row.name), e164: String(row.e164) };
  } finally {
    db.close();
  }
}
