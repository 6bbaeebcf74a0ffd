/**
 * The batch selection as SQL, shared by the preview counts, the preview page and the snapshot so
 * that what the operator sees is what gets stored. Everything runs in the database: the customer
 * base never comes into JavaScript.
 *
 * It all reads `batch_candidate` (migration 0003): the selection precomputed per Considerar
 * dimension and value, one row per active customer and mobile (or one placeholder row, phone_id 0,
 * for a customer without mobiles), kept current by triggers on every write to customer, phone,
 * connection and opt_out. A selection is then one range of its primary key (dim, value,
 * customer_id, phone_id), read in snapshot order without joining the base.
 *
 * Rules (applied when the rows are written, see the migration):
 * - Only active customers. A "connection" is one not cancelled (active or suspended): a suspended
 *   customer still has the line, and billing notices by payment profile are meant for them too.
 * - Phones: the primary mobile, or every mobile with Todos os fones. Landlines are never candidates.
 * - Each candidate phone gets the first reason that applies: invalid number, prefix not accepted,
 *   opted out, duplicate (the number already reached through a customer with a lower id), else ok.
 */
import { type SQL, sql } from "drizzle-orm";
import type { BatchFilters } from "./constants";
import type { FitSql } from "./text-fit";

/**
 * `overLimit`, when set, leaves out the recipients whose text does not fit ("deixar de fora"):
 * `fit` decides the rows SQL can count, `customerIds` lists those rendered in JavaScript that do not fit.
 */
export type Selection = { filters: BatchFilters; deselected: readonly number[]; overLimit?: { fit: FitSql; customerIds: readonly number[] } };

type Alias = "b" | "u";

/** The rows of the filter ("Considerar", its value, Bairro/Rua, Com conexão) on alias `a`. */
function inFilter(a: Alias, f: BatchFilters): SQL {
  const b = sql.raw(a);
  const terms = [sql`${b}.dim = ${f.mode}`, sql`${b}.value = ${f.valueId}`];
  if (f.mode === "cidade") {
    if (f.neighbourhoodId !== null) terms.push(sql`${b}.neighbourhood_id = ${f.neighbourhoodId}`);
    if (f.streetId !== null) terms.push(sql`${b}.street_id = ${f.streetId}`);
  }
  // The connection modes' rows all come from a connection; Profile de Pagamento requires one.
  if ((f.mode === "cidade" && f.withConnection) || f.mode === "profile_pagamento") terms.push(sql`${b}.connected = 1`);
  return sql.join(terms, sql` AND `);
}

/** A candidate phone on alias `a`: a mobile, the primary one unless Todos os fones. */
function isCandidate(a: Alias, allPhones: boolean): SQL {
  const b = sql.raw(a);
  return allPhones ? sql`${b}.phone_id <> 0` : sql`${b}.is_primary = 1`;
}

function isDeselected(a: Alias, s: Selection): SQL {
  if (s.deselected.length === 0) return sql`0`;
  return sql`${sql.raw(a)}.customer_id IN (SELECT value FROM json_each(${JSON.stringify(s.deselected)}))`;
}

/** Leading digits of the subscriber number (after +55 and the DDD: position 6 of the E.164 text). */
function prefixAccepted(prefixes: readonly number[]): SQL {
  if (prefixes.length === 0) return sql`1`;
  const byLength = new Map<number, string[]>();
  for (const p of prefixes) {
    const s = String(p);
    byLength.set(s.length, [...(byLength.get(s.length) ?? []), s]);
  }
  const terms = [...byLength].map(([len, values]) => sql`substr(b.e164, 6, ${len}) IN (${sql.join(values.map((v) => sql`${v}`), sql`, `)})`);
  return sql`(${sql.join(terms, sql` OR `)})`;
}

/**
 * True when the number of row `b` is also a candidate of a selected customer with a lower id: the
 * snapshot keeps that one (INSERT OR IGNORE in customer id order). Only rows flagged `shared` (the
 * number is on another mobile) are probed, from the number's index into the same selection.
 */
function duplicateOfEarlier(s: Selection): SQL {
  const f = s.filters;
  return sql`(b.shared AND EXISTS (SELECT 1 FROM phone t INDEXED BY phone_e164_idx CROSS JOIN batch_candidate u
      ON u.dim = b.dim AND u.value = b.value AND u.customer_id = t.customer_id AND u.phone_id = t.id
    WHERE t.e164 = b.e164 AND t.customer_id < b.customer_id AND ${inFilter("u", f)} AND ${isCandidate("u", f.allPhones)}
      AND NOT ${isDeselected("u", s)}))`;
}

/** A candidate that gets the message: valid, prefix accepted, not opted out, not a duplicate. */
function reachable(s: Selection): SQL {
  return sql`${isCandidate("b", s.filters.allPhones)} AND b.valid AND ${prefixAccepted(s.filters.prefixes)}
    AND NOT b.opted_out AND NOT ${duplicateOfEarlier(s)}`;
}

/** A reachable row whose text is over the limit, when the operator chose to leave those out. */
function leftOut(s: Selection): SQL {
  if (!s.overLimit) return sql`0`;
  const { fit, customerIds } = s.overLimit;
  const rendered = customerIds.length === 0 ? sql`0` : sql`b.customer_id IN (SELECT value FROM json_each(${JSON.stringify(customerIds)}))`;
  return sql`((${fit.exact} AND ${fit.over}) OR ${rendered})`;
}

/** A candidate the batch sends to: reachable and not left out for its length. */
function sendable(s: Selection): SQL {
  return sql`${reachable(s)} AND NOT ${leftOut(s)}`;
}

/** The rows the batch sends to: in the filter, customer ticked, sendable. */
function recipients(s: Selection): SQL {
  return sql`${inFilter("b", s.filters)} AND NOT ${isDeselected("b", s)} AND ${sendable(s)}`;
}

/**
 * One pass over the selection's range, unticked customers left out. `selected` and `deselected`
 * count customers (one row each is flagged first_of_customer); `reached` counts the selected
 * customers with a candidate phone, the rest of the selected ones have no mobile; `candidates`
 * counts the selected customers' candidate phones and the other columns those excluded, per reason
 * (the rest are sent to).
 */
export function selectionCountsSql(s: Selection, fit: FitSql): SQL {
  const f = s.filters;
  const phone = isCandidate("b", f.allPhones);
  const reached = f.allPhones ? sql`b.first_of_customer AND b.phone_id <> 0` : sql`b.is_primary = 1`;
  const prefix = prefixAccepted(f.prefixes);
  // The scan skips the unticked customers (one probe of the list per row); those are counted by
  // looking each one up, so the list is never probed once per aggregate.
  const deselected = s.deselected.length === 0 ? sql`0` : sql`(SELECT count(*) FROM json_each(${JSON.stringify(s.deselected)}) d
    CROSS JOIN batch_candidate u ON u.dim = ${f.mode} AND u.value = ${f.valueId} AND u.customer_id = d.value
    WHERE ${inFilter("u", f)} AND u.first_of_customer)`;
  return sql`SELECT
      count(*) FILTER (WHERE b.first_of_customer) AS selected,
      ${deselected} AS deselected,
      count(*) FILTER (WHERE ${reached}) AS reached,
      count(*) FILTER (WHERE ${phone}) AS candidates,
      count(*) FILTER (WHERE ${phone} AND NOT b.valid) AS invalid,
      count(*) FILTER (WHERE ${phone} AND b.valid AND NOT ${prefix}) AS prefix,
      count(*) FILTER (WHERE ${phone} AND b.valid AND ${prefix} AND b.opted_out) AS opted_out,
      count(*) FILTER (WHERE ${phone} AND b.valid AND ${prefix} AND NOT b.opted_out AND ${duplicateOfEarlier(s)}) AS duplicate,
      count(*) FILTER (WHERE ${reachable(s)} AND ${fit.exact} AND ${fit.over}) AS over_exact,
      count(*) FILTER (WHERE ${reachable(s)} AND NOT ${fit.exact}) AS inexact,
      total(${fit.parts}) FILTER (WHERE ${reachable(s)} AND ${fit.exact} AND NOT ${leftOut(s)}) AS parts_exact,
      max(${fit.parts}) FILTER (WHERE ${reachable(s)} AND ${fit.exact}) AS max_parts_exact
    FROM batch_candidate b WHERE ${inFilter("b", f)} AND NOT ${isDeselected("b", s)}`;
}

/** Up to `limit` reachable rows that SQL knows pass the limit: their customer ids (to show one). */
export function exactOverLimitSql(s: Selection, fit: FitSql, limit: number): SQL {
  return sql`SELECT b.customer_id AS customer_id FROM batch_candidate b
    WHERE ${inFilter("b", s.filters)} AND NOT ${isDeselected("b", s)} AND ${reachable(s)} AND ${fit.exact} AND ${fit.over} LIMIT ${limit}`;
}

/** The reachable rows whose text SQL cannot count (see text-fit.ts): their customer ids, one per row. */
export function inexactRowsSql(s: Selection, fit: FitSql): SQL {
  return sql`SELECT b.customer_id AS customer_id FROM batch_candidate b
    WHERE ${inFilter("b", s.filters)} AND NOT ${isDeselected("b", s)} AND ${reachable(s)} AND NOT ${fit.exact}`;
}

/** The ids of the customers the filter finds (deselection not applied), for "desmarcar todos". */
export function selectionCustomerIdsSql(f: BatchFilters, limit: number): SQL {
  return sql`SELECT b.customer_id AS id FROM batch_candidate b WHERE ${inFilter("b", f)} AND b.first_of_customer
    ORDER BY b.customer_id LIMIT ${limit}`;
}

/** Customers found and how many of them were unticked. */
export function customerCountsSql(s: Selection): SQL {
  return sql`SELECT count(*) AS found, coalesce(sum(${isDeselected("b", s)}), 0) AS deselected
    FROM batch_candidate b WHERE ${inFilter("b", s.filters)} AND b.first_of_customer`;
}

type Cursor = { customerId: number; phoneId: number };

export function encodeCursor(c: Cursor): string {
  return `${c.customerId}.${c.phoneId}`;
}

export function decodeCursor(raw: string | null | undefined): Cursor {
  const m = /^(\d{1,15})\.(\d{1,15})$/.exec(raw ?? "");
  return m ? { customerId: Number(m[1]), phoneId: Number(m[2]) } : { customerId: 0, phoneId: 0 };
}

/**
 * A page of recipients in snapshot order (customer id, phone id) after the cursor, unticked
 * customers included and flagged, so the list can tick them again; those left out for their length
 * are listed too (their text says why). Rows: customer_id, phone_id, e164, deselected.
 */
export function recipientPageSql(s: Selection, after: Cursor, limit: number): SQL {
  return sql`SELECT b.customer_id AS customer_id, b.phone_id AS phone_id, b.e164 AS e164, ${isDeselected("b", s)} AS deselected
    FROM batch_candidate b
    WHERE ${inFilter("b", s.filters)} AND b.customer_id >= ${after.customerId} AND (b.customer_id > ${after.customerId} OR b.phone_id > ${after.phoneId})
      AND ${reachable(s)}
    ORDER BY b.customer_id, b.phone_id LIMIT ${limit}`;
}

/** Whether the selection sends to anyone. */
export function anyRecipientSql(s: Selection): SQL {
  return sql`SELECT 1 AS found FROM batch_candidate b WHERE ${recipients(s)} LIMIT 1`;
}

/**
 * The recipients counted per city of their customer (the send-window forecast of the confirmation
 * step: a city has one UF and time zone). One aggregate over the selection's range, a handful of rows
 * out whatever the batch's size; a Cidade selection is one city, so it needs no join at all, the
 * other modes look each customer up by primary key. Rows: city_id, n.
 */
export function recipientsByCitySql(s: Selection): SQL {
  if (s.filters.mode === "cidade") {
    return sql`SELECT ${s.filters.valueId} AS city_id, count(*) AS n FROM batch_candidate b WHERE ${recipients(s)}`;
  }
  return sql`SELECT c.city_id AS city_id, count(*) AS n
    FROM batch_candidate b CROSS JOIN customer c ON c.id = b.customer_id
    WHERE ${recipients(s)} GROUP BY c.city_id`;
}

/**
 * The snapshot: every sendable phone of the selected customers, inserted in customer id order so
 * that INSERT OR IGNORE on (batch_id, phone_e164) keeps a shared number for the lowest customer id.
 * `changes() = 1` ties it to the sms_batch insert just before it in the same batch: a repeated
 * "Enviar" whose insert hit the idempotency key inserts nothing.
 */
export function snapshotSql(s: Selection, idempotencyKey: string): SQL {
  return sql`INSERT OR IGNORE INTO sms_batch_recipient (batch_id, customer_id, phone_e164)
    SELECT (SELECT sb.id FROM sms_batch sb WHERE sb.idempotency_key = ${idempotencyKey}), b.customer_id, b.e164
    FROM batch_candidate b
    WHERE changes() = 1 AND ${recipients(s)} ORDER BY b.customer_id, b.phone_id`;
}
