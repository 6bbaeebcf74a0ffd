import type { SmsCategory, SmsOrigin, SmsStatus, Uf } from "@/db/schema/constants";
import { customerWithPrimaryMobile, withE2eDb } from "./db";

// Pending messages for the "Fila de SMS" specs, written as the ledger would (message + "created" event).

export const IN_DOUBT_ERROR = "O envio foi interrompido e o provedor não pôde confirmar: confira antes de reenviar.";

export type Pending = { id: number; customerName: string; uf: Uf; timeZone: string; motivo: string };

export async function insertPending(opts: {
  customerOffset: number;
  motivo: string;
  origin: SmsOrigin;
  category: SmsCategory;
  status: "queued" | "scheduled" | "in_doubt";
  nextAttemptAt: Date | null;
}): Promise<Pending> {
  const c = await customerWithPrimaryMobile(opts.customerOffset);
  const inDoubt = opts.status === "in_doubt";
  return withE2eDb(async (db) => {
    const now = Date.now();
    const body = `Olá ${c.name.split(" ")[0]}, mensagem de teste da fila.`;
    const r = await db.execute({
      sql: `insert into sms_message (ref, origin, category, customer_id, phone_e164, motivo, body, encoding, segments, characters, status,
              provider_account_id, attempts, next_attempt_at, last_error_code, last_error_message, idempotency_key, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, 'GSM7', 1, ?, ?, (select id from provider_account where is_default = 1), ?, ?, ?, ?, ?, ?, ?) returning id`,
      args: [
        crypto.randomUUID(), opts.origin, opts.category, c.id, c.e164, opts.motivo, body, body.length, opts.status,
        // An in_doubt message is one whose send was interrupted after the provider may have taken it.
        inDoubt ? 1 : 0, opts.nextAttemptAt?.getTime() ?? null, inDoubt ? "lease_expired" : null, inDoubt ? IN_DOUBT_ERROR : null,
        crypto.randomUUID(), now, now,
      ],
    });
    const id = Number(r.rows[0]!.id);
    await db.execute({
      sql: `insert into sms_event (message_id, type, from_status, to_status, detail, at) values (?, 'created', null, ?, '{"origin":"e2e"}', ?)`,
      args: [id, opts.status, now],
    });
    return { id, customerName: c.name, uf: c.uf, timeZone: c.timeZone, motivo: opts.motivo };
  });
}

export function messageStatus(id: number): Promise<SmsStatus> {
  return withE2eDb(async (db) => {
    const r = await db.execute({ sql: "select status from sms_message where id = ?", args: [id] });
    return String(r.rows[0]!.status) as SmsStatus;
  });
}

/** The seed's pending messages (db/seed/demo-queue.ts) that wait for a later opening: they stay in the queue. */
export function seededScheduled(): Promise<{ id: number; customerName: string; origin: SmsOrigin; motivo: string }[]> {
  return withE2eDb(async (db) => {
    const r = await db.execute(`select m.id, c.name, m.origin, m.motivo from sms_message m join customer c on c.id = m.customer_id
      where m.idempotency_key like 'seed-queue-%' and m.status = 'scheduled' order by m.id`);
    return r.rows.map((row) => ({ id: Number(row.id), customerName: String(row.name), origin: String(row.origin) as SmsOrigin, motivo: String(row.motivo) }));
  });
}

/** The reasons of the operator events recorded on a message (e.g. "retry_now", "operator_send_again"). */
export function eventReasons(id: number): Promise<string[]> {
  return withE2eDb(async (db) => {
    const r = await db.execute({ sql: "select json_extract(detail, '$.reason') as reason from sms_event where message_id = ? order by id", args: [id] });
    return r.rows.map((row) => String(row.reason));
  });
}

/**
 * A queued message of a given customer waiting for a retry in an hour (a first attempt failed), as
 * the ledger writes it: no drain takes it meanwhile.
 */
export function insertPendingFor(opts: { customerId: number; motivo: string; origin: SmsOrigin; category: SmsCategory }): Promise<{ id: number; motivo: string }> {
  return withE2eDb(async (db) => {
    const now = Date.now();
    const c = await db.execute({ sql: "select p.e164 from phone p where p.customer_id = ? and p.is_primary = 1", args: [opts.customerId] });
    const body = "Sua fatura vence amanha.";
    const r = await db.execute({
      sql: `insert into sms_message (ref, origin, category, customer_id, phone_e164, motivo, body, encoding, segments, characters, status,
              provider_account_id, attempts, next_attempt_at, last_error_code, last_error_message, idempotency_key, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, 'GSM7', 1, ?, 'queued', (select id from provider_account where is_default = 1), 1, ?, 'http_503',
              'O provedor está indisponível (HTTP 503).', ?, ?, ?) returning id`,
      args: [crypto.randomUUID(), opts.origin, opts.category, opts.customerId, String(c.rows[0]!.e164), opts.motivo, body, body.length, now + 3_600_000, crypto.randomUUID(), now, now],
    });
    const id = Number(r.rows[0]!.id);
    await db.execute({ sql: `insert into sms_event (message_id, type, from_status, to_status, detail, at) values (?, 'created', null, 'queued', '{"origin":"e2e"}', ?)`, args: [id, now] });
    return { id, motivo: opts.motivo };
  });
}
