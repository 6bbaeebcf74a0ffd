/**
 * The batch selection as SQL fragments, shared by the preview counts, the preview page and the
 * snapshot so that what the operator sees is what gets stored. Everything runs in the database:
 * the customer base never comes into JavaScript.
 *
 * Rules (documented in the batch README section of the final report):
 * - Only active customers. A "connection" is one not cancelled (active or suspended): a suspended
 *   customer still has the line, and billing notices by payment profile are meant for them too.
 * - Phones: the primary mobile, or every mobile with Todos os fones. Landlines are never candidates.
 * - Each candidate phone gets the first reason that applies: invalid number, prefix not accepted,
 *   opted out, duplicate (the number already reached through a customer with a lower id), else ok.
 */
import { type SQL, sql } from "drizzle-orm";
import { BRAZIL_DDDS } from "@/server/sms/ddd";
import type { BatchFilters } from "./constants";

export type Selection = { filters: BatchFilters; deselected: readonly number[] };

/** +55, an allocated DDD, 9 and 8 more digits. */
const MOBILE_GLOB = "+55[1-9][1-9]9[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]";
// A constant list (not bound parameters) keeps the statement small and its plan stable.
const DDD_LIST = sql.raw(BRAZIL_DDDS.map((d) => `'${d}'`).join(", "));

const CONNECTED = sql.raw("k.status <> 'cancelled'");

export function validMobile(col: SQL): SQL {
  return sql`(${col} GLOB ${MOBILE_GLOB} AND substr(${col}, 4, 2) IN (${DDD_LIST}))`;
}

/** Leading digits of the subscriber number (after +55 and the DDD: position 6 of the E.164 text). */
export function prefixAccepted(col: SQL, prefixes: readonly number[]): SQL {
  if (prefixes.length === 0) return sql`1`;
  const byLength = new Map<number, string[]>();
  for (const p of prefixes) {
    const s = String(p);
    byLength.set(s.length, [...(byLength.get(s.length) ?? []), s]);
  }
  const terms = [...byLength].map(([len, values]) => sql`substr(${col}, 6, ${len}) IN (${sql.join(values.map((v) => sql`${v}`), sql`, `)})`);
  return sql`(${sql.join(terms, sql` OR `)})`;
}

export function optedOut(col: SQL): SQL {
  return sql`EXISTS (SELECT 1 FROM opt_out o WHERE o.phone_e164 = ${col} AND o.lifted_at IS NULL)`;
}

/** The filter ("Considerar" and its values) on customer alias `a`, deselection not included. */
export function customerMatches(a: "c" | "c2", f: BatchFilters): SQL {
  const c = sql.raw(a);
  const hasConnection = sql`EXISTS (SELECT 1 FROM connection k WHERE k.customer_id = ${c}.id AND ${CONNECTED})`;
  // The connection indexes (access point/server/plan, customer) drive these modes.
  const viaConnection = (col: string) =>
    sql`${c}.status = 'active' AND ${c}.id IN (SELECT k.customer_id FROM connection k WHERE k.${sql.raw(col)} = ${f.valueId} AND ${CONNECTED})`;
  switch (f.mode) {
    case "cidade": {
      const terms = [sql`${c}.city_id = ${f.valueId}`];
      if (f.neighbourhoodId !== null) terms.push(sql`${c}.neighbourhood_id = ${f.neighbourhoodId}`);
      if (f.streetId !== null) terms.push(sql`${c}.street_id = ${f.streetId}`);
      terms.push(sql`${c}.status = 'active'`);
      if (f.withConnection) terms.push(hasConnection);
      return sql.join(terms, sql` AND `);
    }
    case "ponto_acesso":
      return viaConnection("access_point_id");
    case "servidor":
      return viaConnection("server_id");
    case "plano":
      return viaConnection("plan_id");
    case "profile_pagamento":
      return sql`${c}.payment_profile_id = ${f.valueId} AND ${c}.status = 'active' AND ${hasConnection}`;
  }
}

const deselectedList = (s: Selection) => JSON.stringify(s.deselected);

export function isDeselected(a: "c" | "c2", s: Selection): SQL {
  if (s.deselected.length === 0) return sql`0`;
  return sql`${sql.raw(a)}.id IN (SELECT value FROM json_each(${deselectedList(s)}))`;
}

function notDeselected(a: "c" | "c2", s: Selection): SQL {
  return s.deselected.length === 0 ? sql`1` : sql`NOT ${isDeselected(a, s)}`;
}

/** Candidate phones on alias `alias`, joined to customer `owner` when given. */
function phoneOn(alias: "p" | "t", owner: "c" | null, allPhones: boolean): SQL {
  const p = sql.raw(alias);
  const kind = sql`${p}.kind = 'mobile'${allPhones ? sql`` : sql` AND ${p}.is_primary = 1`}`;
  return owner ? sql`${p}.customer_id = ${sql.raw(owner)}.id AND ${kind}` : kind;
}

const E164 = sql.raw("p.e164");

/**
 * True when the number of phone `p` (of customer `c`) is also a candidate of a selected customer
 * with a lower id: the snapshot keeps that one (INSERT OR IGNORE in customer id order). The first,
 * index-only probe skips the precise check for the usual number held by one phone only; CROSS JOIN
 * and INDEXED BY keep the precise check driven by the number (the planner would otherwise walk the
 * selection for each candidate).
 */
function duplicateOfEarlier(s: Selection): SQL {
  return sql`(EXISTS (SELECT 1 FROM phone t WHERE t.e164 = p.e164 AND t.id <> p.id)
    AND EXISTS (SELECT 1 FROM phone t INDEXED BY phone_e164_idx CROSS JOIN customer c2 ON c2.id = t.customer_id
      WHERE t.e164 = p.e164 AND t.customer_id < c.id AND ${phoneOn("t", null, s.filters.allPhones)}
        AND ${customerMatches("c2", s.filters)} AND ${notDeselected("c2", s)}))`;
}

/** Customers found and how many of them were unticked. */
export function customerCountsSql(s: Selection): SQL {
  return sql`SELECT count(*) AS found, coalesce(sum(${isDeselected("c", s)}), 0) AS deselected
    FROM customer c WHERE ${customerMatches("c", s.filters)}`;
}

export type Reason = "no_mobile" | "invalid" | "prefix" | "opted_out" | "duplicate" | "ok";

/** One row per reason with its count, over the selected (not unticked) customers' candidate phones. */
export function phoneCountsSql(s: Selection): SQL {
  const f = s.filters;
  // LIMIT -1 keeps the subquery a co-routine, so the CASE runs once per row (not per aggregate).
  return sql`SELECT r, count(*) AS n FROM (
    SELECT CASE
      WHEN p.id IS NULL THEN 'no_mobile'
      WHEN NOT ${validMobile(E164)} THEN 'invalid'
      WHEN NOT ${prefixAccepted(E164, f.prefixes)} THEN 'prefix'
      WHEN ${optedOut(E164)} THEN 'opted_out'
      WHEN ${duplicateOfEarlier(s)} THEN 'duplicate'
      ELSE 'ok' END AS r
    FROM customer c LEFT JOIN phone p ON ${phoneOn("p", "c", f.allPhones)}
    WHERE ${customerMatches("c", f)} AND ${notDeselected("c", s)}
    LIMIT -1) GROUP BY r`;
}

function sendable(s: Selection): SQL {
  return sql`${validMobile(E164)} AND ${prefixAccepted(E164, s.filters.prefixes)} AND NOT ${optedOut(E164)}`;
}

export type Cursor = { customerId: number; phoneId: number };

export function encodeCursor(c: Cursor): string {
  return `${c.customerId}.${c.phoneId}`;
}

export function decodeCursor(raw: string | null | undefined): Cursor {
  const m = /^(\d{1,15})\.(\d{1,15})$/.exec(raw ?? "");
  return m ? { customerId: Number(m[1]), phoneId: Number(m[2]) } : { customerId: 0, phoneId: 0 };
}

/**
 * A page of recipients in snapshot order (customer id, phone id), unticked customers included and
 * flagged, so the list can tick them again. Only the next `window` customers of the selection
 * (an index-only scan) are examined, so a page does not cost a pass over the whole selection; the
 * caller widens the window when exclusions leave the page short. Rows: customer_id, phone_id,
 * e164, deselected.
 */
export function recipientPageSql(s: Selection, after: Cursor, limit: number, window: number): SQL {
  const f = s.filters;
  return sql`SELECT c.id AS customer_id, p.id AS phone_id, p.e164 AS e164, ${isDeselected("c", s)} AS deselected
    FROM (SELECT c.id FROM customer c WHERE ${customerMatches("c", f)} AND c.id >= ${after.customerId} ORDER BY c.id LIMIT ${window}) w
    CROSS JOIN customer c ON c.id = w.id
    JOIN phone p ON ${phoneOn("p", "c", f.allPhones)}
    WHERE (c.id > ${after.customerId} OR p.id > ${after.phoneId}) AND ${sendable(s)} AND NOT ${duplicateOfEarlier(s)}
    ORDER BY c.id, p.id LIMIT ${limit}`;
}

/** The last customer id of the window that `recipientPageSql` examined (null when it was not full). */
export function windowEndSql(s: Selection, after: Cursor, window: number): SQL {
  return sql`SELECT max(id) AS last, count(*) AS n FROM (SELECT c.id FROM customer c
    WHERE ${customerMatches("c", s.filters)} AND c.id >= ${after.customerId} ORDER BY c.id LIMIT ${window})`;
}

/** Up to `limit` sendable rows, one customer in `every` by id, for the parts estimate. */
export function recipientSampleSql(s: Selection, every: number, limit: number): SQL {
  const f = s.filters;
  return sql`SELECT c.id AS customer_id FROM customer c JOIN phone p ON ${phoneOn("p", "c", f.allPhones)}
    WHERE (c.id % ${every}) = 0 AND ${customerMatches("c", f)} AND ${notDeselected("c", s)} AND ${sendable(s)}
      AND NOT ${duplicateOfEarlier(s)}
    LIMIT ${limit}`;
}

/** Customers with the longest names among the recipients: the longest renderings of {nome}. */
export function longestNamesSql(s: Selection, limit: number): SQL {
  const f = s.filters;
  return sql`SELECT c.id AS customer_id FROM customer c JOIN phone p ON ${phoneOn("p", "c", f.allPhones)}
    WHERE ${customerMatches("c", f)} AND ${notDeselected("c", s)} AND ${sendable(s)}
    ORDER BY length(c.name) DESC, c.id LIMIT ${limit}`;
}

/**
 * The snapshot: every sendable phone of the selected customers, inserted in customer id order so
 * that INSERT OR IGNORE on (batch_id, phone_e164) keeps a shared number for the lowest customer id.
 * `changes() = 1` ties it to the sms_batch insert just before it in the same batch: a repeated
 * "Enviar" whose insert hit the idempotency key inserts nothing.
 */
export function snapshotSql(s: Selection, idempotencyKey: string): SQL {
  const f = s.filters;
  return sql`INSERT OR IGNORE INTO sms_batch_recipient (batch_id, customer_id, phone_e164)
    SELECT (SELECT b.id FROM sms_batch b WHERE b.idempotency_key = ${idempotencyKey}), c.id, p.e164
    FROM customer c JOIN phone p ON ${phoneOn("p", "c", f.allPhones)}
    WHERE changes() = 1 AND ${customerMatches("c", f)} AND ${notDeselected("c", s)} AND ${sendable(s)}
    ORDER BY c.id, p.id`;
}
