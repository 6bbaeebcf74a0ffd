import { demoUser } from "@/db/seed/demo-users";
import { withE2eDb } from "./db";
import type { E2eCustomer } from "./individual-db";

// Messages with a known history, written as the ledger writes them (message row + its sms_event rows).

type Event = { type: "created" | "attempt" | "transition" | "report"; from: string | null; to: string; at: Date; detail: Record<string, unknown> };

async function insertMessage(
  m: { by: "admin" | "operador" | "tecnico"; customer: E2eCustomer; motivo: string; body: string; status: string; createdAt: Date; batchId?: number | null;
    providerMessageId?: string | null; attempts: number; sentAt?: Date | null; finalAt?: Date | null; nextAttemptAt?: Date | null; lastErrorCode?: string | null; lastError?: string | null },
  events: Event[],
): Promise<number> {
  return withE2eDb(async (db) => {
    const r = await db.execute({
      sql: `insert into sms_message (ref, origin, category, customer_id, phone_e164, batch_id, motivo, body, encoding, segments, characters, status,
              provider_account_id, provider_message_id, attempts, next_attempt_at, last_error_code, last_error_message, created_by, idempotency_key,
              created_at, updated_at, sent_at, final_at)
            select ?, ?, 'cobranca', ?, ?, ?, ?, ?, 'GSM7', 1, ?, ?, (select id from provider_account where is_default = 1), ?, ?, ?, ?, ?, u.id, ?, ?, ?, ?, ?
            from user u where u.email = ? returning id`,
      args: [
        crypto.randomUUID(), m.batchId ? "batch" : "individual", m.customer.id, m.customer.e164, m.batchId ?? null, m.motivo, m.body, m.body.length, m.status,
        m.providerMessageId ?? null, m.attempts, m.nextAttemptAt?.getTime() ?? null, m.lastErrorCode ?? null, m.lastError ?? null, crypto.randomUUID(),
        m.createdAt.getTime(), m.createdAt.getTime(), m.sentAt?.getTime() ?? null, m.finalAt?.getTime() ?? null, demoUser(m.by).email,
      ],
    });
    const id = Number(r.rows[0]!.id);
    for (const e of events) {
      await db.execute({
        sql: "insert into sms_event (message_id, type, from_status, to_status, detail, at) values (?, ?, ?, ?, ?, ?)",
        args: [id, e.type, e.from, e.to, JSON.stringify(e.detail), e.at.getTime()],
      });
    }
    return id;
  });
}

const plus = (d: Date, s: number) => new Date(d.getTime() + s * 1000);

/**
 * A message delivered after one temporary failure, created at `createdAt`: created, attempt 1, a
 * 503 with a retry 2 minutes later, attempt 2, accepted (provider id), delivered report.
 */
export function insertDeliveredAfterRetry(by: "operador" | "tecnico", customer: E2eCustomer, motivo: string, createdAt: Date, providerMessageId: string) {
  const retryAt = plus(createdAt, 120);
  return insertMessage(
    { by, customer, motivo, body: `Olá, ${motivo.toLowerCase()}.`, status: "delivered", createdAt, providerMessageId, attempts: 2, sentAt: plus(retryAt, 1), finalAt: plus(retryAt, 31) },
    [
      { type: "created", from: null, to: "queued", at: createdAt, detail: { origin: "individual" } },
      { type: "attempt", from: "queued", to: "sending", at: plus(createdAt, 1), detail: { attempt: 1 } },
      { type: "transition", from: "sending", to: "queued", at: plus(createdAt, 2), detail: { code: "http_503", message: "Provedor indisponível (503).", retryInMs: 118_000 } },
      { type: "attempt", from: "queued", to: "sending", at: retryAt, detail: { attempt: 2 } },
      { type: "transition", from: "sending", to: "sent", at: plus(retryAt, 1), detail: { providerMessageId } },
      { type: "report", from: "sent", to: "delivered", at: plus(retryAt, 31), detail: { reported: "delivered", providerMessageId, occurredAt: plus(retryAt, 30).toISOString() } },
    ],
  );
}

/** A paused batch whose one recipient waits for its send window ("Agendada" with the window note). */
export function insertBatchWithScheduledRecipient(customer: E2eCustomer, note: string): Promise<{ batchId: number; messageId: number }> {
  return withE2eDb(async (db) => {
    const now = new Date();
    const b = await db.execute({
      sql: `insert into sms_batch (status, filters, motivo, template, category, created_by, provider_account_id, idempotency_key, recipients, created_at, updated_at)
            select 'paused', ?, 'Lembrete de vencimento', 'Olá {primeiro_nome}, sua fatura vence amanhã.', 'cobranca', u.id,
              (select id from provider_account where is_default = 1), ?, 1, ?, ?
            from user u where u.email = ? returning id`,
      args: [JSON.stringify({ mode: "cidade", valueId: 1, neighbourhoodId: null, streetId: null, prefixes: [0], allPhones: false, withConnection: false }),
        crypto.randomUUID(), now.getTime(), now.getTime(), demoUser("operador").email],
    });
    const batchId = Number(b.rows[0]!.id);
    const opening = new Date(now.getTime() + 3 * 86_400_000);
    const messageId = await insertMessage(
      { by: "operador", customer, motivo: "Lembrete de vencimento", body: "Olá, sua fatura vence amanhã.", status: "scheduled", createdAt: now, batchId, attempts: 0,
        nextAttemptAt: opening, lastErrorCode: "send_window", lastError: note },
      [
        { type: "created", from: null, to: "queued", at: now, detail: { origin: "batch" } },
        { type: "attempt", from: "queued", to: "sending", at: now, detail: { attempt: 1 } },
        { type: "transition", from: "sending", to: "scheduled", at: now, detail: { reason: "send_window", nextOpening: opening.toISOString() } },
      ],
    );
    await db.execute({
      sql: "insert into sms_batch_recipient (batch_id, customer_id, phone_e164, message_id) values (?, ?, ?, ?)",
      args: [batchId, customer.id, customer.e164, messageId],
    });
    return { batchId, messageId };
  });
}

/** An active customer with a short name (fits one line on a phone) and a primary mobile. */
export function shortNamedCustomer(offset: number): Promise<E2eCustomer> {
  return withE2eDb(async (db) => {
    const r = await db.execute({
      sql: `select c.id, c.name, c.code, p.e164 from customer c join phone p on p.customer_id = c.id
            where p.kind = 'mobile' and p.is_primary = 1 and c.status = 'active' and length(c.name) between 12 and 18
            order by c.id limit 1 offset ?`,
      args: [offset],
    });
    const row = r.rows[0];
    if (!row) throw new Error("seed has no customer with a short name");
    return { id: Number(row.id), name: String(row.name), code: String(row.code), e164: String(row.e164) };
  });
}
