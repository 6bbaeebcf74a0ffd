// Protects "Enviar" of a batch: each bad input is refused with its Portuguese message, a repeat of the
// same request returns the same batch (one snapshot), no account means no batch, a template that does
// not fit is refused, and creating a batch records it and its recipients without sending anything.
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, neighbourhood, providerAccount, smsBatch, smsBatchRecipient } from "@/db/schema";
import type { SessionUser } from "@/server/auth/session";
import { createTestDb } from "@/test/db";
import { makeCustomer, makeNetwork, makeUser, type Network } from "@/test/factories";
import { DomainError } from "../errors";
import { makeDefaultAccount } from "./batch-test-kit";
import { createBatch } from "./create-batch";
import { previewBatch } from "./preview-batch";
import { snapshotSql } from "./selection-sql";
import { type CreateBatchInput, PREFIX_MESSAGE, PREFIX_NOT_MOBILE_MESSAGE, parsePrefix } from "./schemas";
import { systemContext, userContext } from "@/server/services/context";

const db = createTestDb();
let net: Network;
let other: Network;
let operator: SessionUser;
let colleague: SessionUser;

beforeAll(async () => {
  net = await makeNetwork(db);
  other = await makeNetwork(db);
  operator = await makeUser(db, "operador");
  colleague = await makeUser(db, "operador");
  for (let i = 0; i < 6; i++) {
    await makeCustomer(db, net, { name: `Cliente Lote ${i}`, phones: [{ e164: `+553599100000${i}`, isPrimary: true }] });
  }
});

const input = (extra: Partial<CreateBatchInput> = {}): CreateBatchInput => ({
  mode: "cidade",
  valueId: net.city.id,
  motivo: "Manutenção",
  message: "Oi {primeiro_nome}, manutenção amanhã.",
  idempotencyKey: crypto.randomUUID(),
  ...extra,
});

async function refusal(extra: Partial<CreateBatchInput>): Promise<DomainError> {
  const err = await createBatch(userContext(db, operator), input(extra)).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(DomainError);
  return err as DomainError;
}

describe("createBatch validation (pt-BR messages, with the field)", () => {
  const cases: [string, Partial<CreateBatchInput>, string, string][] = [
    ["cidade sem valor", { valueId: null }, "valueId", "Escolha a cidade."],
    ["ponto de acesso sem valor", { mode: "ponto_acesso", valueId: undefined }, "valueId", "Escolha o ponto de acesso."],
    ["servidor sem valor", { mode: "servidor", valueId: undefined }, "valueId", "Escolha o servidor."],
    ["plano sem valor", { mode: "plano", valueId: undefined }, "valueId", "Escolha o plano de acesso."],
    ["profile sem valor", { mode: "profile_pagamento", valueId: undefined }, "valueId", "Escolha o profile de pagamento."],
    ["bairro fora de Cidade", { mode: "plano", valueId: 1, neighbourhoodId: 1 }, "neighbourhoodId", "Bairro e rua só valem quando Considerar é Cidade."],
    ["rua fora de Cidade", { mode: "servidor", valueId: 1, streetId: 1 }, "streetId", "Bairro e rua só valem quando Considerar é Cidade."],
    ["rua sem bairro", { streetId: 1 }, "streetId", "Escolha o bairro antes da rua."],
    ["prefixo com letra", { prefix: "9a" }, "prefix", PREFIX_MESSAGE],
    ["prefixo vazio", { prefix: " " }, "prefix", PREFIX_MESSAGE],
    ["prefixo com ponto e vírgula", { prefix: "9;8" }, "prefix", PREFIX_MESSAGE],
    ["0 junto com outros", { prefix: "0, 9" }, "prefix", PREFIX_MESSAGE],
    ["prefixo que não é de celular", { prefix: "8" }, "prefix", PREFIX_NOT_MOBILE_MESSAGE],
    ["motivo curto", { motivo: "ab" }, "motivo", "Informe o motivo do envio (pelo menos 3 letras)."],
    ["mensagem vazia", { message: "" }, "message", "Escreva a mensagem."],
    ["mensagem em branco", { message: "   " }, "message", "Escreva a mensagem."],
    ["variável desconhecida", { message: "Oi {Nome}" }, "message", "Variável desconhecida: {Nome}. Você quis dizer {nome}?"],
    ["categoria inválida", { category: "spam" as never }, "category", "Escolha a categoria: cobrança, aviso, operacional ou marketing."],
    ["chave inválida", { idempotencyKey: "123" }, "idempotencyKey", "Chave de idempotência inválida."],
    ["Considerar inválido", { mode: "bairro" as never }, "mode", "Escolha o que considerar: cidade, ponto de acesso, servidor, plano ou profile de pagamento."],
  ];
  for (const [label, extra, field, message] of cases) {
    it(label, async () => {
      const err = await refusal(extra);
      expect(err.kind).toBe("validation");
      expect(err.fields?.[field]).toBe(message);
    });
  }

  it("reads Prefixo as digits after the DDD", () => {
    expect(parsePrefix("0")).toEqual({ ok: true, prefixes: [] });
    expect(parsePrefix(" 9, 98 ,9")).toEqual({ ok: true, prefixes: [9, 98] });
    expect(parsePrefix("996")).toEqual({ ok: true, prefixes: [996] });
    expect(parsePrefix("09").ok).toBe(false);
    expect(parsePrefix("9,").ok).toBe(false);
  });

  it("refuses values that do not exist or do not belong together", async () => {
    expect((await refusal({ valueId: 987_654 })).message).toBe("Cidade não encontrada.");
    expect((await refusal({ mode: "plano", valueId: 987_654 })).message).toBe("Plano de acesso não encontrado.");
    expect((await refusal({ neighbourhoodId: other.neighbourhood.id })).message).toBe("Bairro não encontrado nesta cidade.");
    expect((await refusal({ neighbourhoodId: net.neighbourhood.id, streetId: other.street.id })).message).toBe("Rua não encontrada neste bairro.");
  });
});

describe("createBatch", () => {
  it("refuses without an active default account", async () => {
    const err = await refusal({});
    expect(err.message).toBe("Nenhuma conta de SMS ativa. Um administrador precisa configurar uma em Configuração de SMS.");
    expect(await db.$count(smsBatch)).toBe(0);
    await makeDefaultAccount(db);
  });

  it("stores the batch and its snapshot, audits it, and sends nothing", async () => {
    const preview = await previewBatch(systemContext(db, "test"), input());
    const res = await createBatch(userContext(db, operator), input({ prefix: "9", category: "operacional" }));
    expect(res.replayed).toBe(false);
    expect(res.recipients).toBe(preview.phonesToSend);
    expect(res.batch).toMatchObject({
      status: "queued",
      category: "operacional",
      motivo: "Manutenção",
      template: "Oi {primeiro_nome}, manutenção amanhã.",
      createdBy: { id: operator.id },
      filters: { mode: "cidade", valueId: net.city.id, prefixes: [9], allPhones: false, withConnection: false, neighbourhoodId: null, streetId: null },
    });
    expect(res.batch.filterSummary).toBe(`Cidade: ${net.city.name} · prefixo 9 · só o celular principal`);
    const [account] = await db.select().from(providerAccount).where(eq(providerAccount.isDefault, true));
    expect(res.batch.providerAccountId).toBe(account!.id);
    expect(await db.$count(smsBatchRecipient, eq(smsBatchRecipient.batchId, res.batch.id))).toBe(6);
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.entityId, String(res.batch.id)));
    expect(audit).toMatchObject({ action: "sms_batch.create", entity: "sms_batch", userId: operator.id });
    const [{ n }] = (await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM sms_message`)) as [{ n: number }];
    expect(n).toBe(0);
  });

  it("is idempotent on the key: a repeat returns the same batch and snapshots once", async () => {
    const key = crypto.randomUUID();
    const first = await createBatch(userContext(db, operator), input({ idempotencyKey: key }));
    await makeCustomer(db, net, { phones: [{ e164: "+5535991999999", isPrimary: true }] });
    const again = await createBatch(userContext(db, operator), input({ idempotencyKey: key, message: "outra" }));
    expect(again.replayed).toBe(true);
    expect(again.batch.id).toBe(first.batch.id);
    expect(again.recipients).toBe(first.recipients);
    expect(await db.$count(smsBatchRecipient, eq(smsBatchRecipient.batchId, first.batch.id))).toBe(first.recipients);
    expect(await db.$count(smsBatch, eq(smsBatch.idempotencyKey, key))).toBe(1);
    const stolen = await createBatch(userContext(db, colleague), input({ idempotencyKey: key })).catch((e: unknown) => e);
    expect(stolen).toMatchObject({ kind: "forbidden" });
  });

  it("two concurrent requests with one key make one batch", async () => {
    const key = crypto.randomUUID();
    const [a, b] = await Promise.all([
      createBatch(userContext(db, operator), input({ idempotencyKey: key })),
      createBatch(userContext(db, operator), input({ idempotencyKey: key })),
    ]);
    expect(a.batch.id).toBe(b.batch.id);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    expect(await db.$count(smsBatchRecipient, eq(smsBatchRecipient.batchId, a.batch.id))).toBe(a.recipients);
  });

  it("refuses a template whose rendering does not fit for some recipient", async () => {
    await makeCustomer(db, net, { name: `Maria ${"Sobrenome ".repeat(14)}Longo`, phones: [{ e164: "+5535991888888", isPrimary: true }] });
    const err = await refusal({ message: `Ola {nome}, ${"x".repeat(20)}` });
    expect(err.fields?.message).toBe(err.message);
    expect(err.message).toMatch(
      /^1 destinatário ficaria com a mensagem acima de 1 SMS\. Por exemplo, Maria Sobrenome .* Longo: A mensagem passa de 160 caracteres \(1 SMS\): tem 1\d\d\. Na prévia, permita até 2 SMS por mensagem ou deixe esses destinatários de fora\. Ou use \{primeiro_nome\} no lugar de \{nome\} para encurtar\.$/,
    );
    await createBatch(userContext(db, operator), input({ message: `Ola {primeiro_nome}, ${"x".repeat(20)}` }));
  });

  it("stores the unticked customers and leaves them out", async () => {
    const preview = await previewBatch(systemContext(db, "test"), input());
    const drop = preview.recipients.slice(0, 2).map((r) => r.customerId);
    const res = await createBatch(userContext(db, operator), input({ deselectedCustomerIds: [drop[1]!, drop[0]!, drop[0]!] }));
    expect(res.recipients).toBe(preview.phonesToSend - 2);
    expect(res.batch.deselectedCustomers).toBe(2);
    const [row] = await db.select().from(smsBatch).where(eq(smsBatch.id, res.batch.id));
    expect(row!.deselectedCustomerIds).toEqual([...drop].sort((x, y) => x - y));
  });

  it("refuses a selection without any phone to send", async () => {
    const [nb] = await db.insert(neighbourhood).values({ cityId: net.city.id, name: "Bairro Vazio" }).returning();
    expect((await refusal({ neighbourhoodId: nb!.id })).message).toBe("Nenhum celular para enviar com esses filtros: confira a prévia.");
  });

  it("snapshots nothing when the batch insert hit an existing key (the changes() guard)", async () => {
    const first = await createBatch(userContext(db, operator), input());
    const key = (await db.select().from(smsBatch).where(eq(smsBatch.id, first.batch.id)))[0]!.idempotencyKey;
    await db.delete(smsBatchRecipient).where(eq(smsBatchRecipient.batchId, first.batch.id));
    const s = { filters: first.batch.filters, deselected: [] };
    await db.batch([
      db.run(sql`INSERT INTO sms_batch (filters, motivo, template, created_by, provider_account_id, idempotency_key)
        VALUES ('{}', 'x', 'x', ${operator.id}, ${first.batch.providerAccountId}, ${key}) ON CONFLICT DO NOTHING`),
      db.run(snapshotSql(s, key)),
    ]);
    expect(await db.$count(smsBatchRecipient, eq(smsBatchRecipient.batchId, first.batch.id))).toBe(0);
  });
});
