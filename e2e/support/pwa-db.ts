import { withE2eDb } from "./db";

export function userIdByEmail(email: string): Promise<string> {
  return withE2eDb(async (db) => {
    const r = await db.execute({ sql: "select id from user where email = ?", args: [email] });
    const id = r.rows[0]?.id;
    if (id === undefined || id === null) throw new Error(`no user ${email}`);
    return String(id);
  });
}

export function messagesWithKey(key: string) {
  return withE2eDb(async (db) => {
    const r = await db.execute({ sql: "select id, status, phone_e164 from sms_message where idempotency_key = ?", args: [key] });
    return r.rows.map((row) => ({ id: Number(row.id), status: String(row.status), e164: String(row.phone_e164) }));
  });
}
