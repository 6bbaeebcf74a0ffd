import { demoUser } from "@/db/seed/demo-users";
import { withE2eDb } from "./db";

export type E2eCustomer = { id: number; name: string; code: string; e164: string };

/** An active customer with a primary mobile that has not opted out, by position (one per test and profile). */
export function sendableCustomer(offset: number): Promise<E2eCustomer> {
  return withE2eDb(async (db) => {
    const r = await db.execute({
      sql: `select c.id, c.name, c.code, p.e164 from customer c join phone p on p.customer_id = c.id
            where p.kind = 'mobile' and p.is_primary = 1 and c.status = 'active'
              and not exists (select 1 from opt_out o where o.phone_e164 = p.e164 and o.lifted_at is null)
            order by c.id limit 1 offset ?`,
      args: [offset],
    });
    const row = r.rows[0];
    if (!row) throw new Error("seed has no sendable customer at that offset");
    return { id: Number(row.id), name: String(row.name), code: String(row.code), e164: String(row.e164) };
  });
}

/** A message recorded as sent by a demo user (a send that happened before the test). */
export function recordSentMessage(by: "admin" | "operador" | "tecnico", customer: E2eCustomer, motivo: string): Promise<void> {
  return withE2eDb(async (db) => {
    const now = Date.now();
    await db.execute({
      sql: `insert into sms_message (ref, origin, category, customer_id, phone_e164, motivo, body, encoding, segments, characters, status,
              created_by, idempotency_key, created_at, updated_at, sent_at)
            select ?, 'individual', 'operacional', ?, ?, ?, ?, 'GSM7', 1, 20, 'sent', u.id, ?, ?, ?, ? from user u where u.email = ?`,
      args: [crypto.randomUUID(), customer.id, customer.e164, motivo, `Mensagem de ${motivo}`, crypto.randomUUID(), now, now, now, demoUser(by).email],
    });
  });
}
