import { e2eDb } from "./db";

export async function userIdByEmail(email: string): Promise<string> {
  const db = e2eDb();
  try {
    const r = await db.execute({ sql: "select id from user where email = ?", args: [email] });
    const id = r.rows[0]?.id;
    if (id === undefined || id === null) throw new Error(`no user ${email}`);
    return String(id);
  } finally {
    db.close();
  }
}

/** An active customer with a primary mobile, a different one per offset. */
export async function customerWithMobileAt(offset: number) {
  const db = e2eDb();
  try {
    const r = await db.execute({
      sql: `select c.id, c.name, p.e164 from customer c join phone p on p.customer_id = c.id
            where p.kind = 'mobile' and p.is_primary = 1 and c.status = 'active' order by c.id limit 1 offset ?`,
      args: [offset],
    });
    const row = r.rows[0];
    if (!row) throw new Error("seed has no customer with a primary mobile");
    return { id: Number(row.id), name: String(row.name), e164: String(row.e164) };
  } finally {
    db.close();
  }
}

export async function messagesWithKey(key: string) {
  const db = e2eDb();
  try {
    const r = await db.execute({ sql: "select id, status, phone_e164 from sms_message where idempotency_key = ?", args: [key] });
    return r.rows.map((row) => ({ id: Number(row.id), status: String(row.status), e164: String(row.phone_e164) }));
  } finally {
    db.close();
  }
}
