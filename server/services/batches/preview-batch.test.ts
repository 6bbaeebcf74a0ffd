// Protects the batch selection: for every Considerar mode and flag, the preview's counts and its
// paged list, and the snapshot createBatch stores, equal an independent computation in JavaScript.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/test/db";
import { makeUser } from "@/test/factories";
import type { SessionUser } from "@/server/auth/session";
import { formatPhoneNational } from "@/server/sms/phone";
import { type Awkward, type Base, expectSelection, loadBase, seedAwkwardBase, textOracle } from "./batch-test-kit";
import type { BatchMode } from "./constants";
import { createBatch } from "./create-batch";
import { previewBatch, previewCustomerIds, previewRecipients, selectionOf } from "./preview-batch";
import type { TextRules } from "./render";
import { recipientPageSql } from "./selection-sql";
import { type BatchDraftInput, batchDraftInput, type PreviewRecipientsOutput, toBatchFilters } from "./schemas";
import { systemContext, userContext } from "@/server/services/context";

const db = createTestDb();
let base: Base;
let awkward: Awkward;
let operator: SessionUser;
const values = {} as Record<BatchMode, number>;
let nbh: { neighbourhood_id: number; street_id: number };

beforeAll(async () => {
  awkward = await seedAwkwardBase(db, 1500, 4242);
  base = await loadBase(db);
  operator = await makeUser(db, "operador");
  // For each mode, the value that selects the most customers.
  const top = async (q: ReturnType<typeof sql>) => Number((await db.all<{ v: number }>(q))[0]?.v);
  values.cidade = awkward.cityId;
  values.ponto_acesso = await top(sql`SELECT access_point_id AS v FROM connection GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`);
  values.servidor = await top(sql`SELECT server_id AS v FROM connection GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`);
  values.plano = await top(sql`SELECT plan_id AS v FROM connection GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`);
  values.profile_pagamento = await top(sql`SELECT payment_profile_id AS v FROM customer WHERE payment_profile_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`);
  [nbh] = await db.all<{ neighbourhood_id: number; street_id: number }>(sql`
    SELECT neighbourhood_id, street_id FROM customer WHERE city_id = ${awkward.cityId} AND status = 'active'
    GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1`) as [typeof nbh];
});

const draft = (extra: Partial<BatchDraftInput>): BatchDraftInput => ({
  mode: "cidade",
  motivo: "Manutenção programada",
  message: "Oi {primeiro_nome}, manutenção em {cidade} amanhã.",
  ...extra,
});

/** Every page of the preview, following nextCursor (later pages as a scrolling list asks for them). */
async function allPages(input: BatchDraftInput) {
  const rows: { phone: string; customerId: number; selected: boolean }[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 500; i++) {
    const page: PreviewRecipientsOutput = cursor === null ? await previewBatch(systemContext(db, "test"), input) : await previewRecipients(systemContext(db, "test"), { ...input, cursor });
    rows.push(...page.recipients.map((r) => ({ phone: r.phone, customerId: r.customerId, selected: r.selected })));
    cursor = page.nextCursor;
    if (!cursor) return rows;
  }
  throw new Error("too many pages");
}

const DEFAULT_RULES: TextRules = { stripAccents: true, maxParts: 1 };

async function checkAgainstOracle(input: BatchDraftInput, opts: { pages?: boolean } = {}) {
  const filters = toBatchFilters(batchDraftInput.parse(input));
  const exp = expectSelection(base, filters, input.deselectedCustomerIds ?? []);
  const preview = await previewBatch(systemContext(db, "test"), input);
  expect(preview.customersFound).toBe(exp.customersFound);
  expect(preview.deselectedCustomers).toBe(exp.deselectedCustomers);
  expect(preview.phonesToSend).toBe(exp.recipients.size);
  expect(preview.exclusions).toEqual({
    noMobile: exp.noMobile,
    invalidNumber: exp.invalidNumber,
    prefixNotAccepted: exp.prefixNotAccepted,
    duplicateInBatch: exp.duplicateInBatch,
    optedOut: exp.optedOut,
    overLimit: 0,
  });
  const text = await textOracle(db, exp.recipients, input.message, DEFAULT_RULES);
  expect(preview.estimate).toMatchObject({ totalParts: text.totalParts, overLimit: 0, neededParts: text.neededParts, maxParts: 1, stripAccents: true });

  const expectedPairs = [...exp.recipients].map(([e164, customerId]) => `${customerId} ${formatPhoneNational(e164)}`).sort();
  if (opts.pages) {
    const listed = await allPages(input);
    expect(listed.filter((r) => r.selected).map((r) => `${r.customerId} ${r.phone}`).sort()).toEqual(expectedPairs);
  }

  const { batch, recipients } = await createBatch(userContext(db, operator), { ...input, idempotencyKey: crypto.randomUUID() });
  expect(recipients).toBe(preview.phonesToSend);
  expect(batch.recipients).toBe(preview.phonesToSend);
  const stored = await db.all<{ customer_id: number; phone_e164: string }>(
    sql`SELECT customer_id, phone_e164 FROM sms_batch_recipient WHERE batch_id = ${batch.id}`,
  );
  expect(stored.map((r) => `${r.customer_id} ${formatPhoneNational(r.phone_e164)}`).sort()).toEqual(expectedPairs);
  return { preview, exp };
}

const MODES: BatchMode[] = ["cidade", "ponto_acesso", "servidor", "plano", "profile_pagamento"];
const PREFIXES = ["0", "9", "98,99"];

describe("previewBatch and the snapshot match an independent computation", () => {
  for (const mode of MODES) {
    for (const allPhones of [false, true]) {
      for (const prefix of PREFIXES) {
        const label = `${mode}, ${allPhones ? "todos os fones" : "celular principal"}, prefixo ${prefix}`;
        it(label, async () => {
          await checkAgainstOracle(draft({ mode, valueId: values[mode], allPhones, prefix }), { pages: prefix === "9" });
        });
      }
    }
  }

  for (const allPhones of [false, true]) {
    for (const prefix of PREFIXES) {
      it(`cidade com conexão, ${allPhones ? "todos os fones" : "celular principal"}, prefixo ${prefix}`, async () => {
        const { preview } = await checkAgainstOracle(draft({ valueId: values.cidade, withConnection: true, allPhones, prefix }));
        const without = await previewBatch(systemContext(db, "test"), draft({ valueId: values.cidade, allPhones, prefix }));
        expect(preview.customersFound).toBeLessThan(without.customersFound);
      });
    }
  }

  it("narrows a city by bairro and by rua", async () => {
    for (const allPhones of [false, true]) {
      const byNbh = await checkAgainstOracle(draft({ valueId: values.cidade, neighbourhoodId: nbh.neighbourhood_id, allPhones }), { pages: true });
      const byStreet = await checkAgainstOracle(draft({ valueId: values.cidade, neighbourhoodId: nbh.neighbourhood_id, streetId: nbh.street_id, allPhones }));
      expect(byStreet.preview.customersFound).toBeGreaterThan(0);
      expect(byStreet.preview.customersFound).toBeLessThanOrEqual(byNbh.preview.customersFound);
    }
  });

  it("lists the ids of every customer found, for unticking them all", async () => {
    for (const input of [draft({ valueId: values.cidade, withConnection: true }), draft({ mode: "plano", valueId: values.plano, prefix: "98" })]) {
      const filters = toBatchFilters(batchDraftInput.parse(input));
      const { ids, truncated } = await previewCustomerIds(systemContext(db, "test"), input);
      const preview = await previewBatch(systemContext(db, "test"), input);
      expect(truncated).toBe(false);
      expect(ids).toHaveLength(expectSelection(base, filters).customersFound);
      expect(ids).toHaveLength(preview.customersFound);
      const none = await previewBatch(systemContext(db, "test"), { ...input, deselectedCustomerIds: ids });
      expect(none.phonesToSend).toBe(0);
      expect(none.deselectedCustomers).toBe(preview.customersFound);
    }
  });

  it("ignores Com conexão outside Cidade (those modes already require a connection)", async () => {
    const a = await previewBatch(systemContext(db, "test"), draft({ mode: "plano", valueId: values.plano, withConnection: false }));
    const b = await previewBatch(systemContext(db, "test"), draft({ mode: "plano", valueId: values.plano, withConnection: true }));
    expect(a.customersFound).toBe(b.customersFound);
    expect(toBatchFilters(batchDraftInput.parse(draft({ mode: "plano", valueId: 1 }))).withConnection).toBe(true);
  });

  it("counts the awkward cases under their reasons: opt-outs, the shared number, invalid mobiles", async () => {
    const { exp } = await checkAgainstOracle(draft({ valueId: values.cidade, allPhones: true }), { pages: true });
    expect(exp.optedOut).toBe(awkward.optedOutNumbers.length);
    expect(exp.invalidNumber).toBe(awkward.invalidNumbers.length);
    expect(exp.duplicateInBatch).toBeGreaterThanOrEqual(1);
    expect(exp.recipients.get(awkward.sharedNumber)).toBe(awkward.sharedOwner);
    expect(exp.recipients.has(awkward.liftedNumber)).toBe(true);
  });

  it("leaves unticked customers out of counts and snapshot, lists them unselected, and gives a shared number to the next customer", async () => {
    const found = (await previewBatch(systemContext(db, "test"), draft({ valueId: values.cidade, allPhones: true }))).recipients;
    const others = [...new Set(found.map((r) => r.customerId))].filter((id) => id !== awkward.sharedOwner).slice(0, 3);
    // 999999 does not exist: unticking an unknown customer changes nothing.
    const deselected = [awkward.sharedOwner, ...others, 999_999];
    for (const allPhones of [false, true]) {
      const { exp, preview } = await checkAgainstOracle(draft({ valueId: values.cidade, allPhones, deselectedCustomerIds: deselected }), { pages: true });
      expect(preview.deselectedCustomers).toBe(4);
      expect(exp.recipients.get(awkward.sharedNumber)).not.toBe(awkward.sharedOwner);
      expect(exp.recipients.has(awkward.sharedNumber)).toBe(true);
    }
    const listed = await allPages(draft({ valueId: values.cidade, deselectedCustomerIds: deselected }));
    expect(listed.filter((r) => !r.selected).map((r) => r.customerId).sort()).toEqual(
      deselected.filter((id) => listed.some((r) => r.customerId === id)).sort(),
    );
    await checkAgainstOracle(draft({ mode: "servidor", valueId: values.servidor, prefix: "98,99", deselectedCustomerIds: deselected }));
  });

  it("renders each recipient's message with its variables and counts its parts", async () => {
    const page = await previewBatch(systemContext(db, "test"), draft({ valueId: values.cidade, message: "{nome} ({codigo}), plano {plano} em {cidade}." }));
    expect(page.recipients).toHaveLength(50);
    const first = page.recipients[0]!;
    expect(first.body).toContain(first.customerName);
    expect(first.body).toContain(`(${first.customerCode})`);
    expect(first.parts).toBeGreaterThanOrEqual(1);
    expect(first.phone).toMatch(/^\(\d{2}\) 9\d{4}-\d{4}$/);
    const again = await previewRecipients(systemContext(db, "test"), draft({ valueId: values.cidade, message: "{nome} ({codigo}), plano {plano} em {cidade}." }));
    expect(again).toEqual({ recipients: page.recipients, nextCursor: page.nextCursor });

    const fixed = await previewBatch(systemContext(db, "test"), draft({ valueId: values.cidade, message: "Aviso: manutenção amanhã." }));
    expect(fixed.estimate).toMatchObject({ totalParts: fixed.phonesToSend, overLimit: 0, neededParts: 1 });
  });

  it("lists every recipient in one long page", async () => {
    for (const mode of MODES) {
      const input = batchDraftInput.parse(draft({ mode, valueId: values[mode], allPhones: true, deselectedCustomerIds: [awkward.sharedOwner] }));
      const s = selectionOf(input);
      const exp = expectSelection(base, s.filters, s.deselected);
      const listed = (await db.all<{ customer_id: number; e164: string; deselected: number }>(recipientPageSql(s, { customerId: 0, phoneId: 0 }, 100_000)))
        .filter((r) => r.deselected === 0).map((r) => `${r.customer_id} ${r.e164}`);
      const expected = [...exp.recipients].map(([e164, c]) => `${c} ${e164}`);
      expect(listed.sort(), mode).toEqual(expected.sort());
    }
  });
});
