/**
 * The batch selection as SQL fragments, shared by the preview counts, the preview page and the
 * snapshot so that what the operator sees is what gets stored. Everything runs in the database:
 * the customer base never comes into JavaScript.
 *
 * Rules:
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

/**
 * How a connection-mode filter is written. "drive": `id IN (customers of the value)`, a list built
 * once per statement from the connection index, best when the statement covers the whole selection.
 * "probe": an EXISTS per customer visited, best when the statement visits few customers (a customer
 * fixed by id, a page walking a dense selection in id order, a sample).
 */
export type MatchForm = "drive" | "probe";

type FilterParts = { own: SQL; connected: SQL | null };

/** The filter on customer alias `a`: its own columns (or connection-mode list), and "has a connection". */
function filterParts(a: "c" | "c2", f: BatchFilters, form: MatchForm): FilterParts {
  const c = sql.raw(a);
  const hasConnection = sql`EXISTS (SELECT 1 FROM connection k WHERE k.customer_id = ${c}.id AND ${CONNECTED})`;
  const viaConnection = (col: string): FilterParts => {
    const on = sql`k.${sql.raw(col)} = ${f.valueId} AND ${CONNECTED}`;
    const own = form === "drive"
      ? sql`${c}.status = 'active' AND ${c}.id IN (SELECT k.customer_id FROM connection k WHERE ${on})`
      : sql`${c}.status = 'active' AND EXISTS (SELECT 1 FROM connection k WHERE k.customer_id = ${c}.id AND ${on})`;
    return { own, connected: null };
  };
  switch (f.mode) {
    case "cidade": {
      const terms = [sql`${c}.city_id = ${f.valueId}`];
      if (f.neighbourhoodId !== null) terms.push(sql`${c}.neighbourhood_id = ${f.neighbourhoodId}`);
      if (f.streetId !== null) terms.push(sql`${c}.street_id = ${f.streetId}`);
      terms.push(sql`${c}.status = 'active'`);
      return { own: sql.join(terms, sql` AND `), connected: f.withConnection ? hasConnection : null };
    }
    case "ponto_acesso":
      return viaConnection("access_point_id");
    case "servidor":
      return viaConnection("server_id");
    case "plano":
      return viaConnection("plan_id");
    case "profile_pagamento":
      return { own: sql`${c}.payment_profile_id = ${f.valueId} AND ${c}.status = 'active'`, connected: hasConnection };
  }
}

/** The filter ("Considerar" and its values) on customer alias `a`, deselection not included. */
export function customerMatches(a: "c" | "c2", f: BatchFilters, form: MatchForm = "drive"): SQL {
  const { own, connected } = filterParts(a, f, form);
  return connected ? sql`${own} AND ${connected}` : own;
}

/**
 * The selection as a CTE `sel(id)`, materialized in id order, plus the condition still to check on
 * alias `c` (its connection). Walking customers in id order reads their phones (and connections)
 * in table order: several times faster than the filter index's order once the base outgrows the
 * page cache, and no customer row is read at all.
 */
function selectionCte(f: BatchFilters): { cte: SQL; connected: SQL } {
  const { own } = filterParts("c", f, "drive");
  const { connected } = filterParts("c", f, "probe");
  return { cte: sql`sel(id) AS MATERIALIZED (SELECT c.id FROM customer c WHERE ${own} ORDER BY c.id)`, connected: connected ?? sql`1` };
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
 * and INDEXED BY keep the precise check driven by the number.
 */
function duplicateOfEarlier(s: Selection): SQL {
  return sql`(EXISTS (SELECT 1 FROM phone t WHERE t.e164 = p.e164 AND t.id <> p.id)
    AND EXISTS (SELECT 1 FROM phone t INDEXED BY phone_e164_idx CROSS JOIN customer c2 ON c2.id = t.customer_id
      WHERE t.e164 = p.e164 AND t.customer_id < c.id AND ${phoneOn("t", null, s.filters.allPhones)}
        AND ${customerMatches("c2", s.filters, "probe")} AND ${notDeselected("c2", s)}))`;
}

export type Reason = "deselected" | "no_mobile" | "invalid" | "prefix" | "opted_out" | "duplicate" | "ok";

/**
 * One pass over the selection: per reason, the candidate phones (n) and the customers they stand
 * for (customers: each customer counts on its first row). An unticked customer is one row with
 * reason "deselected"; a customer without a candidate phone is one row "no_mobile".
 */
export function selectionCountsSql(s: Selection): SQL {
  const f = s.filters;
  const firstOfCustomer = f.allPhones
    ? sql`p.id IS NULL OR NOT EXISTS (SELECT 1 FROM phone q WHERE q.customer_id = c.id AND q.kind = 'mobile' AND q.id < p.id)`
    : sql`1`;
  const { cte, connected } = selectionCte(f);
  // LIMIT -1 keeps the subquery a co-routine, so the CASE runs once per row (not per aggregate).
  return sql`WITH ${cte} SELECT r, count(*) AS n, sum(first) AS customers FROM (
    SELECT CASE
      WHEN ${isDeselected("c", s)} THEN 'deselected'
      WHEN p.id IS NULL THEN 'no_mobile'
      WHEN NOT ${validMobile(E164)} THEN 'invalid'
      WHEN NOT ${prefixAccepted(E164, f.prefixes)} THEN 'prefix'
      WHEN ${optedOut(E164)} THEN 'opted_out'
      WHEN ${duplicateOfEarlier(s)} THEN 'duplicate'
      ELSE 'ok' END AS r,
      (${firstOfCustomer}) AS first
    FROM sel c LEFT JOIN phone p ON ${phoneOn("p", "c", f.allPhones)} AND ${notDeselected("c", s)}
    WHERE ${connected}
    LIMIT -1) GROUP BY r`;
}

/** The ids of the customers the filter finds (deselection not applied), for "desmarcar todos". */
export function selectionCustomerIdsSql(f: BatchFilters, limit: number): SQL {
  return sql`SELECT c.id AS id FROM customer c WHERE ${customerMatches("c", f)} ORDER BY c.id LIMIT ${limit}`;
}

/** Customers found and how many of them were unticked (index-only for most filters). */
export function customerCountsSql(s: Selection): SQL {
  return sql`SELECT count(*) AS found, coalesce(sum(${isDeselected("c", s)}), 0) AS deselected
    FROM customer c WHERE ${customerMatches("c", s.filters)}`;
}

function sendable(s: Selection): SQL {
  return sql`${validMobile(E164)} AND ${prefixAccepted(E164, s.filters.prefixes)} AND NOT ${optedOut(E164)}`;
}

export type Cursor = { customerId: number; phoneId: number };

/** The highest customer id: the range that sampling and the page strategy reason about. */
export const maxCustomerIdSql = sql`SELECT coalesce(max(id), 0) AS top FROM customer`;

export function encodeCursor(c: Cursor): string {
  return `${c.customerId}.${c.phoneId}`;
}

export function decodeCursor(raw: string | null | undefined): Cursor {
  const m = /^(\d{1,15})\.(\d{1,15})$/.exec(raw ?? "");
  return m ? { customerId: Number(m[1]), phoneId: Number(m[2]) } : { customerId: 0, phoneId: 0 };
}

/**
 * A page of recipients in snapshot order (customer id, phone id), unticked customers included and
 * flagged, so the list can tick them again. Only the next `window` customers of the selection are
 * examined, so a page does not cost a pass over the whole selection; the caller widens the window
 * when exclusions leave the page short. Rows: customer_id, phone_id, e164, deselected.
 */
export function recipientPageSql(s: Selection, after: Cursor, limit: number, window: number, form: MatchForm): SQL {
  const f = s.filters;
  return sql`SELECT c.id AS customer_id, p.id AS phone_id, p.e164 AS e164, ${isDeselected("c", s)} AS deselected
    FROM (${windowSql(f, after, window, form)}) w
    CROSS JOIN customer c ON c.id = w.id
    JOIN phone p ON ${phoneOn("p", "c", f.allPhones)}
    WHERE (c.id > ${after.customerId} OR p.id > ${after.phoneId}) AND ${sendable(s)} AND NOT ${duplicateOfEarlier(s)}
    ORDER BY c.id, p.id LIMIT ${limit}`;
}

function windowSql(f: BatchFilters, after: Cursor, window: number, form: MatchForm): SQL {
  return sql`SELECT c.id FROM customer c WHERE ${customerMatches("c", f, form)} AND c.id >= ${after.customerId} ORDER BY c.id LIMIT ${window}`;
}

/** The last customer id of the window that `recipientPageSql` examined, and how many it held. */
export function windowEndSql(s: Selection, after: Cursor, window: number, form: MatchForm): SQL {
  return sql`SELECT max(id) AS last, count(*) AS n FROM (${windowSql(s.filters, after, window, form)})`;
}

/**
 * Up to `limit` sendable rows of the customers whose id is a multiple of `every`, for the parts
 * estimate. When the multiples are few next to the selection, they are generated and probed one
 * by one (a sample then never walks a big selection); otherwise the (small) selection is walked.
 */
export function recipientSampleSql(
  s: Selection, every: number, limit: number, maxCustomerId: number,
  walk: "ids" | "selection" = maxCustomerId / every <= limit * 20 ? "ids" : "selection",
): SQL {
  const f = s.filters;
  const rest = sql`JOIN phone p ON ${phoneOn("p", "c", f.allPhones)}
    WHERE ${notDeselected("c", s)} AND ${sendable(s)} AND NOT ${duplicateOfEarlier(s)}`;
  if (walk === "ids") {
    return sql`WITH RECURSIVE ids(x) AS (SELECT ${every} UNION ALL SELECT x + ${every} FROM ids WHERE x + ${every} <= ${maxCustomerId})
      SELECT c.id AS customer_id FROM ids CROSS JOIN customer c ON c.id = ids.x ${rest} AND ${customerMatches("c", f, "probe")}
      LIMIT ${limit}`;
  }
  return sql`SELECT c.id AS customer_id FROM customer c ${rest} AND ${customerMatches("c", f)} AND (c.id % ${every}) = 0
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
  const { cte, connected } = selectionCte(f);
  return sql`WITH ${cte} INSERT OR IGNORE INTO sms_batch_recipient (batch_id, customer_id, phone_e164)
    SELECT (SELECT b.id FROM sms_batch b WHERE b.idempotency_key = ${idempotencyKey}), c.id, p.e164
    FROM sel c JOIN phone p ON ${phoneOn("p", "c", f.allPhones)}
    WHERE changes() = 1 AND ${connected} AND ${notDeselected("c", s)} AND ${sendable(s)}
    ORDER BY c.id, p.id`;
}
