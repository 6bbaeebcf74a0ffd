// Test support for the batch services: a seeded base with the awkward cases added, and an
// independent expectation of a selection computed in JavaScript from the (small) tables.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { seedDatabase } from "@/db/seed";
import { parseSmsRecipient } from "@/server/sms/phone";
import type { BatchFilters } from "./constants";
import { loadRenderContexts, renderBatchMessage, type TextRules } from "./render";

type CustomerRow = { id: number; status: string; city_id: number; neighbourhood_id: number | null; street_id: number | null; payment_profile_id: number | null };
type PhoneRow = { id: number; customer_id: number; kind: string; e164: string; is_primary: number };
type ConnectionRow = { customer_id: number; status: string; access_point_id: number; server_id: number; plan_id: number };

export type Base = {
  customers: CustomerRow[];
  phones: PhoneRow[];
  connections: ConnectionRow[];
  optedOut: Set<string>;
};

export async function loadBase(db: Db): Promise<Base> {
  const customers = await db.all<CustomerRow>(sql`SELECT id, status, city_id, neighbourhood_id, street_id, payment_profile_id FROM customer`);
  const phones = await db.all<PhoneRow>(sql`SELECT id, customer_id, kind, e164, is_primary FROM phone ORDER BY id`);
  const connections = await db.all<ConnectionRow>(sql`SELECT customer_id, status, access_point_id, server_id, plan_id FROM connection`);
  const opt = await db.all<{ phone_e164: string }>(sql`SELECT phone_e164 FROM opt_out WHERE lifted_at IS NULL`);
  return { customers, phones, connections, optedOut: new Set(opt.map((o) => o.phone_e164)) };
}

export type Expected = {
  customersFound: number;
  deselectedCustomers: number;
  noMobile: number;
  invalidNumber: number;
  prefixNotAccepted: number;
  optedOut: number;
  duplicateInBatch: number;
  /** e164 → the customer that keeps it. */
  recipients: Map<string, number>;
};

/** The documented rules, written plainly over rows: the oracle for the SQL. */
export function expectSelection(base: Base, f: BatchFilters, deselected: readonly number[] = []): Expected {
  const connected = (customerId: number, where: (k: ConnectionRow) => boolean) =>
    base.connections.some((k) => k.customer_id === customerId && k.status !== "cancelled" && where(k));
  const matches = (c: CustomerRow): boolean => {
    if (c.status !== "active") return false;
    switch (f.mode) {
      case "cidade":
        return c.city_id === f.valueId
          && (f.neighbourhoodId === null || c.neighbourhood_id === f.neighbourhoodId)
          && (f.streetId === null || c.street_id === f.streetId)
          && (!f.withConnection || connected(c.id, () => true));
      case "ponto_acesso":
        return connected(c.id, (k) => k.access_point_id === f.valueId);
      case "servidor":
        return connected(c.id, (k) => k.server_id === f.valueId);
      case "plano":
        return connected(c.id, (k) => k.plan_id === f.valueId);
      case "profile_pagamento":
        return c.payment_profile_id === f.valueId && connected(c.id, () => true);
    }
  };
  const found = base.customers.filter(matches).sort((a, b) => a.id - b.id);
  const unticked = new Set(deselected);
  const out: Expected = {
    customersFound: found.length,
    deselectedCustomers: found.filter((c) => unticked.has(c.id)).length,
    noMobile: 0, invalidNumber: 0, prefixNotAccepted: 0, optedOut: 0, duplicateInBatch: 0,
    recipients: new Map(),
  };
  for (const c of found) {
    if (unticked.has(c.id)) continue;
    const phones = base.phones.filter((p) => p.customer_id === c.id && p.kind === "mobile" && (f.allPhones || p.is_primary === 1));
    if (phones.length === 0) out.noMobile++;
    for (const p of phones) {
      const parsed = parseSmsRecipient(p.e164);
      const subscriber = p.e164.slice(5);
      if (!parsed.ok || parsed.e164 !== p.e164) out.invalidNumber++;
      else if (f.prefixes.length > 0 && !f.prefixes.some((x) => subscriber.startsWith(String(x)))) out.prefixNotAccepted++;
      else if (base.optedOut.has(p.e164)) out.optedOut++;
      else if (out.recipients.has(p.e164)) out.duplicateInBatch++;
      else out.recipients.set(p.e164, c.id);
    }
  }
  return out;
}

export type Awkward = {
  cityId: number;
  /** Earlier customer whose primary number a later customer also holds. */
  sharedOwner: number;
  sharedNumber: string;
  optedOutNumbers: string[];
  liftedNumber: string;
  invalidNumbers: string[];
};

const one = async <T>(db: Db, q: ReturnType<typeof sql>): Promise<T> => {
  const [row] = await db.all<T>(q);
  if (!row) throw new Error("fixture query found nothing");
  return row;
};

/** A seeded base plus the cases a seed never makes: opt-outs, a shared number, invalid mobiles… */
export async function seedAwkwardBase(db: Db, customers: number, seed: number): Promise<Awkward> {
  await seedDatabase(db, { customers, seed });
  const { city_id: cityId } = await one<{ city_id: number }>(db, sql`SELECT city_id FROM customer WHERE status = 'active' GROUP BY city_id ORDER BY count(*) DESC LIMIT 1`);
  // Active customers of the big city with a connection and exactly one (primary) mobile.
  const pool = await db.all<{ id: number; e164: string }>(sql`
    SELECT c.id, p.e164 FROM customer c JOIN phone p ON p.customer_id = c.id AND p.kind = 'mobile' AND p.is_primary = 1
    WHERE c.city_id = ${cityId} AND c.status = 'active'
      AND EXISTS (SELECT 1 FROM connection k WHERE k.customer_id = c.id AND k.status = 'active')
      AND (SELECT count(*) FROM phone q WHERE q.customer_id = c.id AND q.kind = 'mobile') = 1
    ORDER BY c.id`);
  const pick = (i: number) => pool[i] ?? (() => { throw new Error("pool too small"); })();
  const noMobile = await db.all<{ id: number }>(sql`
    SELECT c.id FROM customer c WHERE c.city_id = ${cityId} AND c.status = 'active'
      AND NOT EXISTS (SELECT 1 FROM phone p WHERE p.customer_id = c.id AND p.kind = 'mobile')
      AND EXISTS (SELECT 1 FROM connection k WHERE k.customer_id = c.id AND k.status = 'active')
    ORDER BY c.id DESC LIMIT 1`);

  const shared = pick(0);
  const optedOut = [pick(1).e164, pick(2).e164, pick(3).e164];
  const lifted = pick(4).e164;
  const invalid = ["+5520991234567", "+553599123456", "+5535891234567"];
  const invalidOwners = [pick(5), pick(6), pick(7)];
  const secondaryOnly = pick(8);
  const cancelledConnection = pick(9);
  const suspendedConnection = pick(10);
  const laterHolder = pick(pool.length - 1);

  await db.batch([
    // The later customer holds the earlier one's number as an additional mobile (Todos os fones)…
    db.run(sql`INSERT INTO phone (customer_id, kind, e164, is_primary) VALUES (${laterHolder.id}, 'mobile', ${shared.e164}, 0)`),
    // …and a customer without mobiles gets it as primary (a duplicate even without Todos os fones).
    ...noMobile.map((c) => db.run(sql`INSERT INTO phone (customer_id, kind, e164, is_primary) VALUES (${c.id}, 'mobile', ${shared.e164}, 1)`)),
    ...optedOut.map((e) => db.run(sql`INSERT INTO opt_out (phone_e164, source, detail) VALUES (${e}, 'inbound_sms', 'PARE')`)),
    db.run(sql`INSERT INTO opt_out (phone_e164, source, lifted_at) VALUES (${lifted}, 'operator', 1700000000000)`),
    ...invalidOwners.map((o, i) => db.run(sql`UPDATE phone SET e164 = ${invalid[i]!} WHERE customer_id = ${o.id} AND kind = 'mobile'`)),
    db.run(sql`UPDATE phone SET is_primary = 0 WHERE customer_id = ${secondaryOnly.id} AND kind = 'mobile'`),
    db.run(sql`UPDATE connection SET status = 'cancelled' WHERE customer_id = ${cancelledConnection.id}`),
    db.run(sql`UPDATE connection SET status = 'suspended' WHERE customer_id = ${suspendedConnection.id}`),
  ]);
  return { cityId, sharedOwner: shared.id, sharedNumber: shared.e164, optedOutNumbers: optedOut, liftedNumber: lifted, invalidNumbers: invalid };
}

/**
 * Each recipient's text rendered one by one, as the sender does (the oracle of the SQL counts):
 * total parts, the most parts, the phones over the limit and the parts of the others.
 */
export async function textOracle(db: Db, recipients: ReadonlyMap<string, number>, template: string, rules: TextRules) {
  const contexts = await loadRenderContexts(db, [...recipients.values()]);
  const out = { totalParts: 0, withinParts: 0, neededParts: 0, over: new Set<string>() };
  for (const [phone, customerId] of recipients) {
    const m = renderBatchMessage(template, contexts.get(customerId)!, rules);
    out.totalParts += m.analysis.parts;
    out.neededParts = Math.max(out.neededParts, m.analysis.parts);
    if (m.analysis.withinLimit) out.withinParts += m.analysis.parts;
    else out.over.add(phone);
  }
  return out;
}

/** A default, active account (the sandbox kind; nothing is sent by these services). */
export async function makeDefaultAccount(db: Db): Promise<number> {
  const [row] = await db.all<{ id: number }>(sql`INSERT INTO provider_account (name, kind, credentials_enc, webhook_secret, is_default)
    VALUES ('Sandbox de teste', 'sandbox', 'x', ${crypto.randomUUID()}, 1) RETURNING id`);
  return Number(row!.id);
}

/**
 * Stands in for the sender (jobs layer): turns up to `limit` pending recipients into queued
 * messages under batch:{id}:{phone}:{attempt} and links them. Returns the message ids.
 */
export async function simulateSender(db: Db, batchId: number, limit = 1_000): Promise<number[]> {
  const { queueMessage } = await import("../sms/ledger");
  const { batchMessageKey } = await import("./render");
  const pending = await db.all<{ id: number; customer_id: number | null; phone_e164: string; attempt: number; provider_account_id: number }>(sql`
    SELECT r.id, r.customer_id, r.phone_e164, r.attempt, b.provider_account_id FROM sms_batch_recipient r JOIN sms_batch b ON b.id = r.batch_id
    WHERE r.batch_id = ${batchId} AND r.message_id IS NULL ORDER BY r.id LIMIT ${limit}`);
  const ids: number[] = [];
  for (const r of pending) {
    const { message } = await queueMessage(db, {
      origin: "batch", category: "aviso", customerId: r.customer_id, phoneE164: r.phone_e164, batchId, motivo: "Lote",
      body: "Oi", encoding: "GSM7", segments: 1, characters: 2, providerAccountId: r.provider_account_id,
      idempotencyKey: batchMessageKey(batchId, r.phone_e164, r.attempt),
    });
    await db.run(sql`UPDATE sms_batch_recipient SET message_id = ${message.id} WHERE id = ${r.id}`);
    ids.push(message.id);
  }
  return ids;
}
