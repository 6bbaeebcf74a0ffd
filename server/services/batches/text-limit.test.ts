// Protects issue 11 §1 for batches: the preview counts exactly the recipients whose text (as it will
// be sent, with or without accents) passes the parts limit, and the exact parts; "Enviar" refuses
// them with the count, or leaves them out when asked, or sends them when more parts are allowed —
// never a refusal after the confirmation for something the preview did not show.
import { eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { providerAccount } from "@/db/schema";
import type { SessionUser } from "@/server/auth/session";
import { DomainError } from "@/server/services/errors";
import { createTestDb } from "@/test/db";
import { makeUser } from "@/test/factories";
import { type Base, expectSelection, loadBase, makeDefaultAccount, seedAwkwardBase, textOracle } from "./batch-test-kit";
import { createBatch } from "./create-batch";
import { previewBatch } from "./preview-batch";
import { type BatchDraftInput, batchDraftInput, toBatchFilters } from "./schemas";
import { systemContext, userContext } from "@/server/services/context";

const db = createTestDb();
let base: Base;
let cityId: number;
let operator: SessionUser;
let accountId: number;

beforeAll(async () => {
  const awkward = await seedAwkwardBase(db, 800, 2026);
  cityId = awkward.cityId;
  base = await loadBase(db);
  operator = await makeUser(db, "operador");
  const [existing] = await db.select().from(providerAccount).where(eq(providerAccount.isDefault, true));
  accountId = existing?.id ?? (await makeDefaultAccount(db));
});

async function setStripAccents(on: boolean) {
  await db.update(providerAccount).set({ stripAccents: on }).where(eq(providerAccount.id, accountId));
}

const filler = (n: number) => "Aviso importante sobre a sua conexão de internet. ".repeat(4).slice(0, n);
const plainFiller = (n: number) => "Aviso importante sobre a sua conexao de internet. ".repeat(4).slice(0, n);

const draft = (message: string, extra: Partial<BatchDraftInput> = {}): BatchDraftInput => ({
  mode: "cidade", valueId: cityId, allPhones: true, motivo: "Aviso", message, ...extra,
});

/** The preview's text figures equal rendering every recipient one by one. */
async function expectExact(input: BatchDraftInput, stripAccents: boolean) {
  const exp = expectSelection(base, toBatchFilters(batchDraftInput.parse(input)));
  const maxParts = input.maxParts ?? 1;
  const oracle = await textOracle(db, exp.recipients, input.message, { stripAccents, maxParts });
  const preview = await previewBatch(systemContext(db, "test"), input);
  const label = `${stripAccents ? "sem" : "com"} acentos, ${maxParts} SMS: ${input.message}`;
  expect(preview.estimate, label).toMatchObject({
    overLimit: oracle.over.size,
    totalParts: input.excludeOverLimit ? oracle.withinParts : oracle.totalParts,
    neededParts: oracle.neededParts,
    maxParts,
    stripAccents,
  });
  expect(preview.phonesToSend, label).toBe(exp.recipients.size - (input.excludeOverLimit ? oracle.over.size : 0));
  expect(preview.exclusions.overLimit, label).toBe(input.excludeOverLimit ? oracle.over.size : 0);
  return { preview, oracle, exp };
}

const TEMPLATES = [
  "Olá {primeiro_nome}, sua conexão será restabelecida às 14h. Obrigado pela compreensão!",
  `Olá {primeiro_nome}, ${filler(125)}`,
  `{nome}: ${filler(120)}`,
  `{primeiro_nome} de {cidade}, plano {plano}, cadastro {codigo}. ${filler(90)}`,
  `Ola {primeiro_nome}, ${filler(120)} Valor: 10€ [ok]`,
  `Oi {primeiro_nome} 😀 ${filler(60)}`,
  `{nome}\u0301 ${filler(100)}`,
  `{primeiro_nome} {primeiro_nome} {nome} ${filler(100)}`,
  "Aviso: manutenção amanhã.",
];

describe("the preview counts every recipient's text exactly", () => {
  for (const stripAccents of [true, false]) {
    for (const maxParts of [1, 2]) {
      it(`${stripAccents ? "sem" : "com"} acentos, até ${maxParts} SMS`, async () => {
        await setStripAccents(stripAccents);
        for (const message of TEMPLATES) await expectExact(draft(message, { maxParts }), stripAccents);
      });
    }
  }

  it("for any template built from text, accents, symbols and variables", async () => {
    const piece = fc.constantFrom("{nome}", "{primeiro_nome}", "{cidade}", "{plano}", "{codigo}", "Olá ", "ção ", "€", "[x]", "😀", "\u0301", " ", filler(40), filler(70), "“ok” – já");
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { minLength: 1, maxLength: 8 }).filter((p) => p.join("").trim() !== ""), fc.boolean(), fc.integer({ min: 1, max: 3 }), async (pieces, strip, maxParts) => {
        await setStripAccents(strip);
        await expectExact(draft(pieces.join(""), { maxParts, allPhones: false }), strip);
      }),
      { numRuns: 25 },
    );
  });
});

describe("Enviar with texts over the limit", () => {
  // Plain GSM-7 text: with accents, only the customers whose first name has one (UCS-2) pass the limit.
  const long = `Ola {primeiro_nome}, ${plainFiller(125)}`;

  it("is refused with the count and the two ways out, before anything is stored", async () => {
    await setStripAccents(false);
    const { oracle } = await expectExact(draft(long), false);
    expect(oracle.over.size).toBeGreaterThan(0);
    expect(oracle.over.size).toBeLessThan(base.customers.length);
    const before = await db.all(sql`SELECT count(*) AS n FROM sms_batch`);
    const err = await createBatch(userContext(db, operator), { ...draft(long), category: "aviso", idempotencyKey: crypto.randomUUID() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).message).toMatch(
      new RegExp(`^${oracle.over.size.toLocaleString("pt-BR")} destinatários ficariam com a mensagem acima de 1 SMS\\. Por exemplo, .+: .+ Na prévia, permita até \\d+ SMS por mensagem ou deixe esses destinatários de fora\\.$`),
    );
    expect(await db.all(sql`SELECT count(*) AS n FROM sms_batch`)).toEqual(before);
  });

  it("leaves them out when asked: the snapshot is the others", async () => {
    await setStripAccents(false);
    const input = draft(long, { excludeOverLimit: true });
    const { oracle, exp, preview } = await expectExact(input, false);
    const res = await createBatch(userContext(db, operator), { ...input, category: "aviso", idempotencyKey: crypto.randomUUID() });
    expect(res.recipients).toBe(preview.phonesToSend);
    const stored = await db.all<{ phone_e164: string }>(sql`SELECT phone_e164 FROM sms_batch_recipient WHERE batch_id = ${res.batch.id}`);
    expect(stored.map((r) => r.phone_e164).sort()).toEqual([...exp.recipients.keys()].filter((p) => !oracle.over.has(p)).sort());
  });

  it("sends them all when the batch allows the parts they need", async () => {
    await setStripAccents(false);
    const { oracle } = await expectExact(draft(long), false);
    const input = draft(long, { maxParts: oracle.neededParts });
    const { preview } = await expectExact(input, false);
    expect(preview.estimate.overLimit).toBe(0);
    const res = await createBatch(userContext(db, operator), { ...input, category: "aviso", idempotencyKey: crypto.randomUUID() });
    expect(res.batch.maxParts).toBe(oracle.neededParts);
    expect(res.recipients).toBe(preview.phonesToSend);
  });

  it("without accents (the default) the issue's Portuguese text fits one SMS for everyone", async () => {
    await setStripAccents(true);
    const { preview } = await expectExact(draft("Olá {primeiro_nome}, sua conexão será restabelecida às 14h. Obrigado pela compreensão!"), true);
    expect(preview.estimate.overLimit).toBe(0);
    expect(preview.estimate.totalParts).toBe(preview.phonesToSend);
    expect(preview.recipients[0]!.encoding).toBe("GSM7");
    expect(preview.recipients[0]!.body).toMatch(/^Ola .+, sua conexao sera restabelecida às 14h\. Obrigado pela compreensao!$/);
  });
});
