// The wizard's preview checked against an independent computation: the batch rules' oracle of the
// service tests (batch-test-kit.ts, written plainly, not the selection SQL) over the e2e database's rows.
import type { Client } from "@libsql/client";
import { type Expected as Selection, expectSelection, loadBase } from "@/server/services/batches/batch-test-kit";
import type { Uf } from "@/db/schema/constants";
import type { BatchFilters, BatchMode } from "@/server/services/batches/constants";
import { normalizeSearch } from "@/server/lib/text";
import { formatPhoneNational } from "@/server/sms/phone";
import { wallClockAt } from "@/server/sms/send-window";
import type { WeekRules } from "@/server/sms/send-window-rules";
import { withE2eDb } from "./db";

export type BatchCase = {
  mode: BatchMode;
  /** Name of the city, access point, server, plan or payment profile. */
  value: string;
  neighbourhood?: string;
  prefixes: number[];
  allPhones: boolean;
  withConnection: boolean;
};

const VALUE_TABLE: Record<BatchMode, string> = {
  cidade: "city",
  ponto_acesso: "access_point",
  servidor: "server",
  plano: "plan",
  profile_pagamento: "payment_profile",
};

export type Expected = Omit<Selection, "recipients"> & {
  /** Sendable phones in snapshot order (customer id, phone id). */
  recipients: { customerId: number; customerName: string; e164: string; national: string }[];
};

async function idOf(db: Client, table: string, name: string): Promise<number> {
  const r = await db.execute({ sql: `SELECT id FROM ${table} WHERE name = ?`, args: [name] });
  if (!r.rows[0]) throw new Error(`${table} "${name}" not in the e2e seed`);
  return Number(r.rows[0].id);
}

/** What the preview must show for `c`, leaving out the customers in `deselected`. */
export function expectBatch(c: BatchCase, deselected: readonly number[] = []): Promise<Expected> {
  return withE2eDb(async (db, drizzle) => {
    const filters: BatchFilters = {
      mode: c.mode,
      valueId: await idOf(db, VALUE_TABLE[c.mode], c.value),
      neighbourhoodId: c.neighbourhood ? await idOf(db, "neighbourhood", c.neighbourhood) : null,
      streetId: null,
      prefixes: c.prefixes,
      allPhones: c.allPhones,
      withConnection: c.withConnection,
    };
    const { recipients, ...counts } = expectSelection(await loadBase(drizzle), filters, deselected);
    const names = new Map((await db.execute("SELECT id, name FROM customer")).rows.map((r) => [Number(r.id), String(r.name)]));
    return {
      ...counts,
      recipients: [...recipients].map(([e164, customerId]) => ({ customerId, customerName: names.get(customerId)!, e164, national: formatPhoneNational(e164) })),
    };
  });
}

/** The stored batch: its recipients' numbers and their messages' statuses. */
export function storedBatch(batchId: number) {
  return withE2eDb(async (db) => {
    const b = await db.execute({ sql: "SELECT status FROM sms_batch WHERE id = ?", args: [batchId] });
    const r = await db.execute({
      sql: `SELECT r.phone_e164 AS e164, r.customer_id AS customer_id, m.status AS status FROM sms_batch_recipient r
            LEFT JOIN sms_message m ON m.id = r.message_id WHERE r.batch_id = ? ORDER BY r.id`,
      args: [batchId],
    });
    return {
      status: String(b.rows[0]?.status),
      recipients: r.rows.map((x) => ({ e164: String(x.e164), customerId: Number(x.customer_id), status: x.status === null ? null : String(x.status) })),
    };
  });
}

/** The demo sandbox account's pace, as db/seed/index.ts creates it. */
export const SEEDED_SANDBOX_RATE = 20;

/**
 * Sets the demo sandbox account's messages per second (read at every send). A pause test slows it
 * for a few seconds so that its batch is certainly still running when "Pausar" is tapped.
 */
export function setSandboxRate(perSecond: number) {
  return withE2eDb(async (db) => {
    await db.execute({ sql: "UPDATE provider_account SET rate_per_second = ? WHERE kind = 'sandbox' AND is_default = 1", args: [perSecond] });
  });
}

/** A city of its own whose send window is closed now (by rules set for its UF), for held batches and messages. */
export type HeldPlace = {
  uf: Uf;
  timeZone: string;
  city: string;
  neighbourhood: string;
  street: string;
  customers: { id: number; name: string; national: string }[];
  rules: WeekRules;
};

const HELD_NAMES = ["Lúcia Araújo", "Joaquim Lôbo", "Conceição Brandão", "Íris Gonçalves"];
const pad2 = (n: number) => String(n).padStart(2, "0");

/**
 * Creates (once per name) a city in `uf` with a neighbourhood, a street and four customers with
 * primary mobiles of `ddd`, and sets the UF's send window to one hour starting two hours from now,
 * every day: closed now, whatever the clock says. Each caller uses a UF no other spec touches.
 */
export function heldPlace(opts: { uf: Uf; timeZone: string; ddd: string; name: string }): Promise<HeldPlace> {
  return withE2eDb(async (db) => {
    const hour = wallClockAt(new Date(), opts.timeZone).hour;
    const start = (hour + 2) % 24;
    const rules: WeekRules = { weekday: null, saturday: null, sunday: null };
    const range = { start: `${pad2(start)}:00`, end: start === 23 ? "24:00" : `${pad2(start + 1)}:00` };
    rules.weekday = range;
    rules.saturday = range;
    rules.sunday = range;
    await db.execute({
      sql: `insert into app_setting (key, value, updated_at) values ('send_windows', json_object(?, json(?)), ?)
            on conflict (key) do update set value = json_set(coalesce(value, '{}'), ?, json(?))`,
      args: [opts.uf, JSON.stringify(rules), Date.now(), `$.${opts.uf}`, JSON.stringify(rules)],
    });
    const city = `${opts.name}`;
    const neighbourhood = `Centro de ${opts.name}`;
    const street = `Rua das Acácias (${opts.name})`;
    const existing = await db.execute({ sql: "select id from city where name = ?", args: [city] });
    if (!existing.rows[0]) {
      const c = await db.execute({ sql: "insert into city (name, uf, time_zone) values (?, ?, ?) returning id", args: [city, opts.uf, opts.timeZone] });
      const cityId = Number(c.rows[0]!.id);
      const n = await db.execute({ sql: "insert into neighbourhood (city_id, name) values (?, ?) returning id", args: [cityId, neighbourhood] });
      const nbId = Number(n.rows[0]!.id);
      const s = await db.execute({ sql: "insert into street (neighbourhood_id, name, postal_code) values (?, ?, '76800-000') returning id", args: [nbId, street] });
      const streetId = Number(s.rows[0]!.id);
      for (const [i, name] of HELD_NAMES.entries()) {
        const r = await db.execute({
          sql: `insert into customer (code, name, search_name, person_type, document, status, city_id, neighbourhood_id, street_id, address_number)
                values (?, ?, ?, 'individual', ?, 'active', ?, ?, ?, ?) returning id`,
          args: [`E2E-${opts.uf}-${i + 1}`, name, normalizeSearch(name), `${opts.ddd}00000000${i}`, cityId, nbId, streetId, String(10 + i)],
        });
        await db.execute({ sql: "insert into phone (customer_id, kind, e164, is_primary) values (?, 'mobile', ?, 1)", args: [Number(r.rows[0]!.id), `+55${opts.ddd}9912300${pad2(i)}`] });
      }
    }
    const rows = await db.execute({
      sql: `select c.id, c.name, p.e164 from customer c join phone p on p.customer_id = c.id join city ci on ci.id = c.city_id where ci.name = ? order by c.id`,
      args: [city],
    });
    return {
      uf: opts.uf, timeZone: opts.timeZone, city, neighbourhood, street, rules,
      customers: rows.rows.map((r) => ({ id: Number(r.id), name: String(r.name), national: formatPhoneNational(String(r.e164)) })),
    };
  });
}

/** Moves a scheduled batch's time to a minute ago, as if its time had come (the drain releases it at its next run). */
export function makeScheduledBatchDue(batchId: number) {
  return withE2eDb(async (db) => {
    await db.execute({ sql: "update sms_batch set scheduled_at = ? where id = ? and status = 'scheduled'", args: [Date.now() - 60_000, batchId] });
  });
}

/** A batch's scheduled time and its messages' statuses. */
export function batchSchedule(batchId: number) {
  return withE2eDb(async (db) => {
    const b = await db.execute({ sql: "select status, scheduled_at, motivo, template from sms_batch where id = ?", args: [batchId] });
    const row = b.rows[0]!;
    return {
      status: String(row.status),
      scheduledAt: row.scheduled_at === null ? null : new Date(Number(row.scheduled_at)),
      motivo: String(row.motivo),
      template: String(row.template),
    };
  });
}
