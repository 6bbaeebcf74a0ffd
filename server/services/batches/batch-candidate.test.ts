// Protects the triggers that keep `batch_candidate` (migrations 0003 and 0005) current: after writes of every
// kind to customer, phone, connection and opt_out, the table equals a rebuild of every customer from
// scratch, and the preview of every mode still equals the independent computation over the base tables.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/test/db";
import { type Awkward, expectSelection, loadBase, seedAwkwardBase } from "./batch-test-kit";
import { BATCH_MODES } from "./constants";
import { previewBatch } from "./preview-batch";
import { batchDraftInput, toBatchFilters } from "./schemas";
import { recipientPageSql } from "./selection-sql";
import { systemContext } from "@/server/services/context";

const db = createTestDb();
let awkward: Awkward;

const COLUMNS = "dim, value, customer_id, phone_id, e164, is_primary, first_of_customer, valid, shared, opted_out, neighbourhood_id, street_id, connected, t_nome, t_first, t_code, t_plan, t_city";

/** The table as the triggers left it equals the table rebuilt from scratch for every customer. */
async function expectTableEqualsFreshBuild() {
  await db.run(sql.raw(`DROP TABLE IF EXISTS kept_candidate`));
  await db.run(sql.raw(`CREATE TEMP TABLE kept_candidate AS SELECT * FROM batch_candidate`));
  await db.batch([
    db.run(sql`DELETE FROM batch_candidate`),
    db.run(sql`INSERT INTO batch_candidate_stale (customer_id) SELECT id FROM customer`),
  ]);
  const diff = async (a: string, b: string) => db.all(sql.raw(`SELECT ${COLUMNS} FROM ${a} EXCEPT SELECT ${COLUMNS} FROM ${b} LIMIT 5`));
  expect(await diff("kept_candidate", "batch_candidate"), "rows the triggers left behind or got wrong").toEqual([]);
  expect(await diff("batch_candidate", "kept_candidate"), "rows the triggers missed").toEqual([]);
  expect(await db.all(sql`SELECT * FROM batch_candidate_stale UNION ALL SELECT * FROM batch_candidate_stale_number`)).toEqual([]);
}

async function expectPreviewsMatchTheBase(values: Record<(typeof BATCH_MODES)[number], number[]>) {
  const base = await loadBase(db);
  for (const mode of BATCH_MODES) {
    for (const valueId of values[mode]) {
      for (const allPhones of [false, true]) {
        const input = { mode, valueId, allPhones, prefix: "0", motivo: "Teste", message: "Oi" };
        const filters = toBatchFilters(batchDraftInput.parse(input));
        const exp = expectSelection(base, filters);
        const label = `${mode} ${valueId} ${allPhones ? "todos" : "principal"}`;
        const preview = await previewBatch(systemContext(db, "test"), input);
        expect(preview.customersFound, label).toBe(exp.customersFound);
        expect(preview.phonesToSend, label).toBe(exp.recipients.size);
        expect(preview.exclusions, label).toEqual({
          noMobile: exp.noMobile, invalidNumber: exp.invalidNumber, prefixNotAccepted: exp.prefixNotAccepted,
          duplicateInBatch: exp.duplicateInBatch, optedOut: exp.optedOut, overLimit: 0,
        });
        const listed = await db.all<{ customer_id: number; e164: string }>(recipientPageSql({ filters, deselected: [] }, { customerId: 0, phoneId: 0 }, 100_000));
        expect(listed.map((r) => `${r.customer_id} ${r.e164}`).sort(), label).toEqual([...exp.recipients].map(([e164, c]) => `${c} ${e164}`).sort());
      }
    }
  }
}

/** Every value each mode can take, so that a customer moved between values is checked on both sides. */
async function allValues() {
  const ids = async (q: ReturnType<typeof sql>) => (await db.all<{ v: number }>(q)).map((r) => Number(r.v));
  return {
    cidade: await ids(sql`SELECT id AS v FROM city`),
    ponto_acesso: await ids(sql`SELECT id AS v FROM access_point`),
    servidor: await ids(sql`SELECT id AS v FROM server`),
    plano: await ids(sql`SELECT id AS v FROM plan`),
    profile_pagamento: await ids(sql`SELECT id AS v FROM payment_profile`),
  };
}

const one = async (q: ReturnType<typeof sql>) => {
  const [row] = await db.all<{ id: number }>(q);
  if (!row) throw new Error("fixture query found nothing");
  return Number(row.id);
};

beforeAll(async () => {
  awkward = await seedAwkwardBase(db, 300, 77);
});

describe("batch_candidate follows every write to the base", () => {
  it("is built by the migration for a seeded base", async () => {
    await expectTableEqualsFreshBuild();
    await expectPreviewsMatchTheBase(await allValues());
  });

  it("follows phone writes: moved, deleted, made a landline, primary changed, number shared and unshared", async () => {
    const [a, b] = await db.all<{ id: number; customer_id: number; e164: string }>(sql`
      SELECT id, customer_id, e164 FROM phone WHERE kind = 'mobile' AND is_primary = 1 ORDER BY id LIMIT 2 OFFSET 20`);
    const extra = await one(sql`SELECT id FROM phone WHERE kind = 'mobile' AND is_primary = 0 ORDER BY id LIMIT 1`);
    const landline = await one(sql`SELECT id FROM phone WHERE kind = 'landline' ORDER BY id LIMIT 1`);
    await db.batch([
      db.run(sql`UPDATE phone SET customer_id = ${b!.customer_id}, is_primary = 0 WHERE id = ${a!.id}`),
      db.run(sql`DELETE FROM phone WHERE id = ${extra}`),
      db.run(sql`UPDATE phone SET kind = 'mobile', is_primary = 0, e164 = ${b!.e164} WHERE id = ${landline}`),
      db.run(sql`UPDATE phone SET is_primary = 0 WHERE id = ${b!.id}`),
    ]);
    await expectTableEqualsFreshBuild();
    await expectPreviewsMatchTheBase(await allValues());
    // The shared number goes back to one holder.
    await db.run(sql`DELETE FROM phone WHERE id = ${landline}`);
    await expectTableEqualsFreshBuild();
  });

  it("follows customer writes: city, bairro, payment profile, status, a new customer, a deleted one", async () => {
    const [x, y, z, w] = await db.all<{ id: number }>(sql`SELECT id FROM customer WHERE status = 'active' ORDER BY id LIMIT 4 OFFSET 40`);
    const otherCity = await one(sql`SELECT id FROM city WHERE id <> ${awkward.cityId} ORDER BY id LIMIT 1`);
    const profile = await one(sql`SELECT id FROM payment_profile ORDER BY id DESC LIMIT 1`);
    const plan = await one(sql`SELECT id FROM plan ORDER BY id LIMIT 1`);
    const [net] = await db.all<{ server_id: number; access_point_id: number }>(sql`SELECT server_id, access_point_id FROM connection LIMIT 1`);
    await db.batch([
      db.run(sql`UPDATE customer SET city_id = ${otherCity}, neighbourhood_id = NULL, street_id = NULL WHERE id = ${x!.id}`),
      db.run(sql`UPDATE customer SET payment_profile_id = ${profile} WHERE id = ${y!.id}`),
      db.run(sql`UPDATE customer SET status = 'inactive' WHERE id = ${z!.id}`),
      db.run(sql`DELETE FROM customer WHERE id = ${w!.id}`),
      db.run(sql`INSERT INTO customer (code, name, search_name, person_type, document, city_id, payment_profile_id)
        VALUES ('T-NEW', 'Cliente Novo', 'cliente novo', 'individual', '52998224725', ${awkward.cityId}, ${profile})`),
    ]);
    const fresh = await one(sql`SELECT id FROM customer WHERE code = 'T-NEW'`);
    await expectTableEqualsFreshBuild();
    await db.batch([
      db.run(sql`INSERT INTO phone (customer_id, kind, e164, is_primary) VALUES (${fresh}, 'mobile', '+5535999990001', 1)`),
      db.run(sql`INSERT INTO connection (customer_id, login, plan_id, server_id, access_point_id) VALUES (${fresh}, 't-new', ${plan}, ${net!.server_id}, ${net!.access_point_id})`),
      db.run(sql`UPDATE customer SET status = 'active' WHERE id = ${z!.id}`),
    ]);
    await expectTableEqualsFreshBuild();
    await expectPreviewsMatchTheBase(await allValues());
  });

  it("follows connection writes: added, cancelled, moved to another plan and customer, deleted", async () => {
    const [k1, k2, k3] = await db.all<{ id: number; customer_id: number }>(sql`SELECT id, customer_id FROM connection WHERE status = 'active' ORDER BY id LIMIT 3 OFFSET 10`);
    const unconnected = await one(sql`SELECT c.id FROM customer c WHERE c.status = 'active' AND NOT EXISTS (SELECT 1 FROM connection k WHERE k.customer_id = c.id) ORDER BY c.id LIMIT 1`);
    const otherPlan = await one(sql`SELECT id FROM plan ORDER BY id DESC LIMIT 1`);
    await db.batch([
      db.run(sql`INSERT INTO connection (customer_id, login, plan_id, server_id, access_point_id)
        SELECT ${unconnected}, 'novo-login', plan_id, server_id, access_point_id FROM connection WHERE id = ${k1!.id}`),
      db.run(sql`UPDATE connection SET status = 'cancelled' WHERE id = ${k1!.id}`),
      db.run(sql`UPDATE connection SET plan_id = ${otherPlan}, customer_id = ${k1!.customer_id} WHERE id = ${k2!.id}`),
      db.run(sql`DELETE FROM connection WHERE id = ${k3!.id}`),
    ]);
    await expectTableEqualsFreshBuild();
    await expectPreviewsMatchTheBase(await allValues());
  });

  it("follows opt-outs: recorded, lifted, deleted", async () => {
    const [p1, p2] = await db.all<{ e164: string }>(sql`SELECT e164 FROM phone WHERE kind = 'mobile' ORDER BY id LIMIT 2 OFFSET 60`);
    await db.batch([
      db.run(sql`INSERT INTO opt_out (phone_e164, source) VALUES (${p1!.e164}, 'operator')`),
      db.run(sql`INSERT INTO opt_out (phone_e164, source) VALUES (${p2!.e164}, 'operator')`),
      db.run(sql`UPDATE opt_out SET lifted_at = 1700000000000 WHERE phone_e164 = ${awkward.optedOutNumbers[0]!} AND lifted_at IS NULL`),
      db.run(sql`DELETE FROM opt_out WHERE phone_e164 = ${awkward.optedOutNumbers[1]!}`),
    ]);
    await expectTableEqualsFreshBuild();
    await expectPreviewsMatchTheBase(await allValues());
    await db.run(sql`UPDATE opt_out SET lifted_at = 1700000000000 WHERE phone_e164 = ${p1!.e164}`);
    await expectTableEqualsFreshBuild();
  });
});
