-- The batch selection, precomputed: one row per (Considerar dimension, value, active customer, mobile),
-- or a placeholder row (phone_id 0) for an active customer without mobiles. The preview counts and
-- pages it with range scans of the primary key instead of joining the base (see
-- server/services/batches/selection-sql.ts).
-- dim: the Considerar mode; value: its id (the customer's city or payment profile, or a not-cancelled
-- connection's access point, server or plan). first_of_customer: 1 on one row per customer (its
-- lowest mobile, or the placeholder). valid: a mobile a batch can send to. shared: another mobile row
-- holds the same number. opted_out: an opt-out not lifted. neighbourhood_id, street_id, connected:
-- the customer's, for Cidade (Bairro, Rua, Com conexão).
CREATE TABLE batch_candidate (
  dim TEXT NOT NULL,
  value INTEGER NOT NULL,
  customer_id INTEGER NOT NULL,
  phone_id INTEGER NOT NULL,
  e164 TEXT NOT NULL,
  is_primary INTEGER NOT NULL,
  first_of_customer INTEGER NOT NULL,
  valid INTEGER NOT NULL,
  shared INTEGER NOT NULL,
  opted_out INTEGER NOT NULL,
  neighbourhood_id INTEGER,
  street_id INTEGER,
  connected INTEGER NOT NULL,
  PRIMARY KEY (dim, value, customer_id, phone_id)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX batch_candidate_customer_idx ON batch_candidate (customer_id);
--> statement-breakpoint
-- Inserting a customer id here rebuilds that customer's rows (and the row is gone at once): the one
-- place the rows are defined. The triggers on customer, phone and connection below call it.
CREATE TABLE batch_candidate_stale (customer_id INTEGER NOT NULL);
--> statement-breakpoint
CREATE TRIGGER batch_candidate_refresh AFTER INSERT ON batch_candidate_stale
BEGIN
  DELETE FROM batch_candidate WHERE customer_id = NEW.customer_id;
  INSERT INTO batch_candidate (dim, value, customer_id, phone_id, e164, is_primary, first_of_customer, valid, shared, opted_out, neighbourhood_id, street_id, connected)
    SELECT d.dim, d.value, c.id, coalesce(p.id, 0), coalesce(p.e164, ''), coalesce(p.is_primary, 0),
      p.id IS NULL OR p.id = (SELECT min(q.id) FROM phone q WHERE q.customer_id = c.id AND q.kind = 'mobile'),
      coalesce(p.e164 GLOB '+55[1-9][1-9]9[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]' AND substr(p.e164, 4, 2) IN ('11', '12', '13', '14', '15', '16', '17', '18', '19', '21', '22', '24', '27', '28', '31', '32', '33', '34', '35', '37', '38', '41', '42', '43', '44', '45', '46', '47', '48', '49', '51', '53', '54', '55', '61', '62', '63', '64', '65', '66', '67', '68', '69', '71', '73', '74', '75', '77', '79', '81', '82', '83', '84', '85', '86', '87', '88', '89', '91', '92', '93', '94', '95', '96', '97', '98', '99'), 0),
      p.id IS NOT NULL AND EXISTS (SELECT 1 FROM phone t WHERE t.e164 = p.e164 AND t.kind = 'mobile' AND t.id <> p.id),
      p.id IS NOT NULL AND EXISTS (SELECT 1 FROM opt_out o WHERE o.phone_e164 = p.e164 AND o.lifted_at IS NULL),
      c.neighbourhood_id, c.street_id,
      EXISTS (SELECT 1 FROM connection k WHERE k.customer_id = c.id AND k.status <> 'cancelled')
    FROM (
      SELECT id AS customer_id, 'cidade' AS dim, city_id AS value FROM customer WHERE id = NEW.customer_id
      UNION ALL SELECT id, 'profile_pagamento', payment_profile_id FROM customer WHERE payment_profile_id IS NOT NULL AND id = NEW.customer_id
      UNION ALL SELECT DISTINCT customer_id, 'ponto_acesso', access_point_id FROM connection WHERE status <> 'cancelled' AND customer_id = NEW.customer_id
      UNION ALL SELECT DISTINCT customer_id, 'servidor', server_id FROM connection WHERE status <> 'cancelled' AND customer_id = NEW.customer_id
      UNION ALL SELECT DISTINCT customer_id, 'plano', plan_id FROM connection WHERE status <> 'cancelled' AND customer_id = NEW.customer_id
    ) d
    CROSS JOIN customer c ON c.id = d.customer_id
    LEFT JOIN phone p ON p.customer_id = c.id AND p.kind = 'mobile'
    WHERE c.status = 'active';
  DELETE FROM batch_candidate_stale WHERE rowid = NEW.rowid;
END;
--> statement-breakpoint
-- Inserting a number here recomputes its shared and opted_out flags on every row that holds it.
CREATE TABLE batch_candidate_stale_number (e164 TEXT NOT NULL);
--> statement-breakpoint
CREATE TRIGGER batch_candidate_refresh_number AFTER INSERT ON batch_candidate_stale_number
BEGIN
  UPDATE batch_candidate SET
    shared = (SELECT count(*) FROM phone t WHERE t.e164 = NEW.e164 AND t.kind = 'mobile') > 1,
    opted_out = EXISTS (SELECT 1 FROM opt_out o WHERE o.phone_e164 = NEW.e164 AND o.lifted_at IS NULL)
    WHERE e164 = NEW.e164 AND customer_id IN (SELECT customer_id FROM phone WHERE e164 = NEW.e164);
  DELETE FROM batch_candidate_stale_number WHERE rowid = NEW.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER customer_candidates_ai AFTER INSERT ON customer
BEGIN
  INSERT INTO batch_candidate_stale (customer_id) SELECT NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER customer_candidates_au AFTER UPDATE OF status, city_id, neighbourhood_id, street_id, payment_profile_id ON customer
BEGIN
  INSERT INTO batch_candidate_stale (customer_id) SELECT NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER customer_candidates_ad AFTER DELETE ON customer
BEGIN
  DELETE FROM batch_candidate WHERE customer_id = OLD.id;
END;
--> statement-breakpoint
CREATE TRIGGER phone_candidates_ai AFTER INSERT ON phone WHEN NEW.kind = 'mobile'
BEGIN
  INSERT INTO batch_candidate_stale (customer_id) SELECT NEW.customer_id;
  INSERT INTO batch_candidate_stale_number (e164) SELECT NEW.e164;
END;
--> statement-breakpoint
CREATE TRIGGER phone_candidates_ad AFTER DELETE ON phone WHEN OLD.kind = 'mobile'
BEGIN
  INSERT INTO batch_candidate_stale (customer_id) SELECT OLD.customer_id;
  INSERT INTO batch_candidate_stale_number (e164) SELECT OLD.e164;
END;
--> statement-breakpoint
CREATE TRIGGER phone_candidates_au AFTER UPDATE OF customer_id, kind, e164, is_primary ON phone
BEGIN
  INSERT INTO batch_candidate_stale (customer_id) SELECT OLD.customer_id UNION SELECT NEW.customer_id;
  INSERT INTO batch_candidate_stale_number (e164) SELECT OLD.e164 UNION SELECT NEW.e164;
END;
--> statement-breakpoint
CREATE TRIGGER connection_candidates_ai AFTER INSERT ON connection WHEN NEW.status <> 'cancelled'
BEGIN
  INSERT INTO batch_candidate_stale (customer_id) SELECT NEW.customer_id;
END;
--> statement-breakpoint
CREATE TRIGGER connection_candidates_ad AFTER DELETE ON connection
BEGIN
  INSERT INTO batch_candidate_stale (customer_id) SELECT OLD.customer_id;
END;
--> statement-breakpoint
CREATE TRIGGER connection_candidates_au AFTER UPDATE OF customer_id, status, access_point_id, server_id, plan_id ON connection
BEGIN
  INSERT INTO batch_candidate_stale (customer_id) SELECT OLD.customer_id UNION SELECT NEW.customer_id;
END;
--> statement-breakpoint
CREATE TRIGGER opt_out_candidates_ai AFTER INSERT ON opt_out
BEGIN
  INSERT INTO batch_candidate_stale_number (e164) SELECT NEW.phone_e164;
END;
--> statement-breakpoint
CREATE TRIGGER opt_out_candidates_au AFTER UPDATE OF phone_e164, lifted_at ON opt_out
BEGIN
  INSERT INTO batch_candidate_stale_number (e164) SELECT OLD.phone_e164 UNION SELECT NEW.phone_e164;
END;
--> statement-breakpoint
CREATE TRIGGER opt_out_candidates_ad AFTER DELETE ON opt_out
BEGIN
  INSERT INTO batch_candidate_stale_number (e164) SELECT OLD.phone_e164;
END;
--> statement-breakpoint
-- The rows of the customers already there.
INSERT INTO batch_candidate_stale (customer_id) SELECT id FROM customer WHERE status = 'active';
