/**
 * The SQL of migration 0005 (db/migrations/0005_batch_candidate_text.sql), generated from the
 * character classes of text-metrics.ts. Regenerate with `npx tsx scripts/text-metrics-sql.ts` after
 * changing those classes (a migration already applied never changes: write a new one then);
 * text-metrics.test.ts fails when the committed file differs from this output.
 */
import { firstNameMetricSql, nameMetricSql, valueMetricSql } from "./text-metrics";

const BREAK = "\n--> statement-breakpoint\n";

/** SQL: the plan {plano} shows for `customer`: a not-cancelled connection first, then the lowest id. */
const PLAN_OF = (customer: string) =>
  `(SELECT k.plan_id FROM connection k WHERE k.customer_id = ${customer} ORDER BY k.status = 'cancelled', k.id LIMIT 1)`;

/** SQL: a reference value's metric (0 for none: the renderer shows an empty text). */
const REF_METRIC = (kind: "city" | "plan", id: string) =>
  `CASE WHEN ${id} IS NULL THEN 0 ELSE (SELECT r.metric FROM reference_text r WHERE r.kind = '${kind}' AND r.id = ${id}) END`;

/** SQL: a customer's metrics, computed once per change of its values (not at every refresh of its rows). */
function customerTextSql(where: string): string {
  return `INSERT OR REPLACE INTO customer_text (customer_id, t_nome, t_first, t_code, plan_id, t_plan, t_city)
    SELECT c.id, ${nameMetricSql("c.name")},
      ${firstNameMetricSql("c.name")},
      ${valueMetricSql("c.code")},
      c.plan_id, ${REF_METRIC("plan", "c.plan_id")}, ${REF_METRIC("city", "c.city_id")}
    FROM (SELECT id, name, code, city_id, ${PLAN_OF("customer.id")} AS plan_id FROM customer WHERE ${where}) c`;
}

/** SQL: the plan {plano} shows, again, for the customers of a connection write. */
const planAgain = (customers: string) => `UPDATE customer_text SET plan_id = ${PLAN_OF("customer_text.customer_id")},
    t_plan = ${REF_METRIC("plan", PLAN_OF("customer_text.customer_id"))} WHERE customer_id IN (${customers})`;

// The rows of a customer, as migration 0003 defines them, plus the metrics of customer_text (a
// customer without one, which no writer leaves, would only be counted in JavaScript).
const REFRESH = `CREATE TRIGGER batch_candidate_refresh AFTER INSERT ON batch_candidate_stale
BEGIN
  DELETE FROM batch_candidate WHERE customer_id = NEW.customer_id;
  INSERT INTO batch_candidate (dim, value, customer_id, phone_id, e164, is_primary, first_of_customer, valid, shared, opted_out, neighbourhood_id, street_id, connected,
      t_nome, t_first, t_code, t_plan, t_city)
    SELECT d.dim, d.value, c.id, coalesce(p.id, 0), coalesce(p.e164, ''), coalesce(p.is_primary, 0),
      p.id IS NULL OR p.id = (SELECT min(q.id) FROM phone q WHERE q.customer_id = c.id AND q.kind = 'mobile'),
      coalesce(p.e164 GLOB '+55[1-9][1-9]9[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]' AND substr(p.e164, 4, 2) IN ('11', '12', '13', '14', '15', '16', '17', '18', '19', '21', '22', '24', '27', '28', '31', '32', '33', '34', '35', '37', '38', '41', '42', '43', '44', '45', '46', '47', '48', '49', '51', '53', '54', '55', '61', '62', '63', '64', '65', '66', '67', '68', '69', '71', '73', '74', '75', '77', '79', '81', '82', '83', '84', '85', '86', '87', '88', '89', '91', '92', '93', '94', '95', '96', '97', '98', '99'), 0),
      p.id IS NOT NULL AND EXISTS (SELECT 1 FROM phone t WHERE t.e164 = p.e164 AND t.kind = 'mobile' AND t.id <> p.id),
      p.id IS NOT NULL AND EXISTS (SELECT 1 FROM opt_out o WHERE o.phone_e164 = p.e164 AND o.lifted_at IS NULL),
      c.neighbourhood_id, c.street_id,
      EXISTS (SELECT 1 FROM connection k WHERE k.customer_id = c.id AND k.status <> 'cancelled'),
      x.t_nome, x.t_first, x.t_code, x.t_plan, x.t_city
    FROM (
      SELECT id AS customer_id, 'cidade' AS dim, city_id AS value FROM customer WHERE id = NEW.customer_id
      UNION ALL SELECT id, 'profile_pagamento', payment_profile_id FROM customer WHERE payment_profile_id IS NOT NULL AND id = NEW.customer_id
      UNION ALL SELECT DISTINCT customer_id, 'ponto_acesso', access_point_id FROM connection WHERE status <> 'cancelled' AND customer_id = NEW.customer_id
      UNION ALL SELECT DISTINCT customer_id, 'servidor', server_id FROM connection WHERE status <> 'cancelled' AND customer_id = NEW.customer_id
      UNION ALL SELECT DISTINCT customer_id, 'plano', plan_id FROM connection WHERE status <> 'cancelled' AND customer_id = NEW.customer_id
    ) d
    CROSS JOIN customer c ON c.id = d.customer_id
    LEFT JOIN customer_text x ON x.customer_id = c.id
    LEFT JOIN phone p ON p.customer_id = c.id AND p.kind = 'mobile'
    WHERE c.status = 'active';
  DELETE FROM batch_candidate_stale WHERE rowid = NEW.rowid;
END`;

/** Triggers keeping a reference table's metric current, and refreshing its customers on a rename. */
function referenceTriggers(table: "city" | "plan", customersOf: string, column: "t_city" | "t_plan"): string[] {
  return [
    `CREATE TRIGGER ${table}_text_ai AFTER INSERT ON ${table}
BEGIN
  INSERT OR REPLACE INTO reference_text (kind, id, metric) SELECT '${table}', NEW.id, ${valueMetricSql("NEW.name")};
END`,
    `CREATE TRIGGER ${table}_text_au AFTER UPDATE OF name ON ${table}
BEGIN
  INSERT OR REPLACE INTO reference_text (kind, id, metric) SELECT '${table}', NEW.id, ${valueMetricSql("NEW.name")};
  UPDATE customer_text SET ${column} = (SELECT r.metric FROM reference_text r WHERE r.kind = '${table}' AND r.id = NEW.id)
    WHERE customer_id IN (${customersOf});
  INSERT INTO batch_candidate_stale (customer_id) ${customersOf};
END`,
    `CREATE TRIGGER ${table}_text_ad AFTER DELETE ON ${table}
BEGIN
  DELETE FROM reference_text WHERE kind = '${table}' AND id = OLD.id;
END`,
    `INSERT INTO reference_text (kind, id, metric) SELECT '${table}', id, ${valueMetricSql("name")} FROM ${table}`,
  ];
}

export function textMetricsMigrationSql(): string {
  const statements = [
    `-- What each customer's template values cost ({nome}, {primeiro_nome}, {codigo}, {plano}, {cidade}),
-- precomputed so that a batch preview counts the recipients over the parts limit without rendering
-- them: length * 4 + class (0 plain GSM-7, 1 outside GSM-7 but one plain character each without
-- accents), NULL when only JavaScript can tell. GENERATED by scripts/text-metrics-sql.ts from
-- server/services/batches/text-metrics.ts: do not edit by hand.
ALTER TABLE batch_candidate ADD COLUMN t_nome INTEGER`,
    "ALTER TABLE batch_candidate ADD COLUMN t_first INTEGER",
    "ALTER TABLE batch_candidate ADD COLUMN t_code INTEGER",
    "ALTER TABLE batch_candidate ADD COLUMN t_plan INTEGER",
    "ALTER TABLE batch_candidate ADD COLUMN t_city INTEGER",
    `-- A customer's own values, computed once per refresh (its batch_candidate rows copy them).
CREATE TABLE customer_text (
  customer_id INTEGER PRIMARY KEY NOT NULL,
  t_nome INTEGER,
  t_first INTEGER,
  t_code INTEGER,
  -- The connection whose plan {plano} shows: a not-cancelled one first, then the lowest id.
  plan_id INTEGER,
  t_plan INTEGER,
  t_city INTEGER
)`,
    "CREATE TABLE reference_text (kind TEXT NOT NULL, id INTEGER NOT NULL, metric INTEGER, PRIMARY KEY (kind, id)) WITHOUT ROWID",
    "DROP TRIGGER batch_candidate_refresh",
    REFRESH,
    // A customer's own metrics are computed where its name or code is written, not at every refresh
    // (a phone write refreshes the rows without them).
    "DROP TRIGGER customer_candidates_ai",
    `CREATE TRIGGER customer_candidates_ai AFTER INSERT ON customer
BEGIN
  ${customerTextSql("id = NEW.id")};
  INSERT INTO batch_candidate_stale (customer_id) SELECT NEW.id;
END`,
    "DROP TRIGGER customer_candidates_au",
    `CREATE TRIGGER customer_candidates_au AFTER UPDATE OF status, city_id, neighbourhood_id, street_id, payment_profile_id ON customer
BEGIN
  INSERT INTO batch_candidate_stale (customer_id) SELECT NEW.id;
END`,
    `CREATE TRIGGER customer_text_au AFTER UPDATE OF name, code, city_id ON customer
BEGIN
  ${customerTextSql("id = NEW.id")};
  INSERT INTO batch_candidate_stale (customer_id) SELECT NEW.id;
END`,
    "DROP TRIGGER customer_candidates_ad",
    `CREATE TRIGGER customer_candidates_ad AFTER DELETE ON customer
BEGIN
  DELETE FROM batch_candidate WHERE customer_id = OLD.id;
  DELETE FROM customer_text WHERE customer_id = OLD.id;
END`,
    // Any connection write may change the plan {plano} shows (a cancelled one when there is no other).
    "DROP TRIGGER connection_candidates_ai",
    `CREATE TRIGGER connection_candidates_ai AFTER INSERT ON connection
BEGIN
  ${planAgain("NEW.customer_id")};
  INSERT INTO batch_candidate_stale (customer_id) SELECT NEW.customer_id;
END`,
    "DROP TRIGGER connection_candidates_ad",
    `CREATE TRIGGER connection_candidates_ad AFTER DELETE ON connection
BEGIN
  ${planAgain("OLD.customer_id")};
  INSERT INTO batch_candidate_stale (customer_id) SELECT OLD.customer_id;
END`,
    "DROP TRIGGER connection_candidates_au",
    `CREATE TRIGGER connection_candidates_au AFTER UPDATE OF customer_id, status, access_point_id, server_id, plan_id ON connection
BEGIN
  ${planAgain("OLD.customer_id, NEW.customer_id")};
  INSERT INTO batch_candidate_stale (customer_id) SELECT OLD.customer_id UNION SELECT NEW.customer_id;
END`,
    ...referenceTriggers("city", "SELECT id FROM customer WHERE city_id = NEW.id", "t_city"),
    ...referenceTriggers("plan", "SELECT customer_id FROM customer_text WHERE plan_id = NEW.id", "t_plan"),
    customerTextSql("1"),
    "-- Every customer's rows again, with the metrics.\nINSERT INTO batch_candidate_stale (customer_id) SELECT id FROM customer",
  ];
  return `${statements.join(`;${BREAK}`)};\n`;
}
