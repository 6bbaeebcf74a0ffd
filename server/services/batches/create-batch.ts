/**
 * "Enviar": stores the batch and the snapshot of its recipients in one atomic db.batch, with a
 * single INSERT … SELECT in the database. Sends nothing: the caller emits `sms/batch.requested`
 * with the returned batch id and the jobs layer sends.
 */
import { eq, sql } from "drizzle-orm";
import { smsBatch } from "@/db/schema";
import { parseTemplate } from "@/server/sms/template";
import { writeAudit } from "../audit";
import { forbidden, invalid } from "../errors";
import { findDefaultAccount } from "../sms-accounts/account-store";
import { assertFilterTargets } from "./filter-labels";
import { parseInput } from "./parse";
import { measureSelection, type SelectionMeasure, selectionOf } from "./preview-batch";
import { loadBatchOutput } from "./queries";
import { textRulesFor } from "./render";
import { type CreateBatchInput, type CreateBatchOutput, createBatchInput, MAX_PARTS_PER_MESSAGE } from "./schemas";
import { sendAtProblem } from "./send-at";
import { anyRecipientSql, snapshotSql } from "./selection-sql";
import { requireUserActor } from "@/server/services/permissions";
import { actorRef, createdByActor, type ServiceContext } from "@/server/services/context";

type Ctx = ServiceContext;

async function replay(ctx: Ctx, row: typeof smsBatch.$inferSelect): Promise<CreateBatchOutput> {
  if (!createdByActor(row, ctx.actor)) throw forbidden("Esta chave de envio pertence a outro usuário.");
  return { batch: await loadBatchOutput(ctx.db, row.id), recipients: row.recipients, replayed: true };
}

/** Why "Enviar" is refused when some texts pass the limit: the count, one example and the two ways out. */
function overLimitMessage(m: SelectionMeasure, template: string): string {
  const { overLimit, maxParts, neededParts, overLimitExample } = m.estimate;
  const who = overLimit === 1 ? "1 destinatário ficaria" : `${overLimit.toLocaleString("pt-BR")} destinatários ficariam`;
  const example = overLimitExample ? ` Por exemplo, ${overLimitExample.customerName}: ${overLimitExample.message}` : "";
  const more = neededParts <= MAX_PARTS_PER_MESSAGE ? `permita até ${neededParts} SMS por mensagem` : "encurte a mensagem";
  const shorter = parseTemplate(template).variables.includes("nome") ? " Ou use {primeiro_nome} no lugar de {nome} para encurtar." : "";
  return `${who} com a mensagem acima de ${maxParts === 1 ? "1 SMS" : `${maxParts} SMS`}.${example} Na prévia, ${more} ou deixe esses destinatários de fora.${shorter}`;
}

export async function createBatch(ctx: ServiceContext, input: CreateBatchInput): Promise<CreateBatchOutput> {
  const creator = requireUserActor(ctx, "batches.create");
  const data = parseInput(createBatchInput, input);
  const { db } = ctx;
  const sendAt = data.sendAt ?? null;

  const [previous] = await db.select().from(smsBatch).where(eq(smsBatch.idempotencyKey, data.idempotencyKey));
  if (previous) return replay(ctx, previous);

  // A replay above answers with the first batch even once its time has passed.
  const timeProblem = sendAt ? sendAtProblem(sendAt) : null;
  if (timeProblem) throw invalid(timeProblem, { sendAt: timeProblem });

  const base = selectionOf(data);
  await assertFilterTargets(db, base.filters);
  const account = await findDefaultAccount(db);
  if (!account) throw invalid("Nenhuma conta de SMS ativa. Um administrador precisa configurar uma em Configuração de SMS.");
  const rules = await textRulesFor(db, { accountId: account.id, maxParts: data.maxParts });
  // Every recipient's text is counted (as the preview did), never a sample: nothing over the limit is stored.
  const measure = await measureSelection(db, base, data.message, rules, data.excludeOverLimit);
  if (measure.estimate.overLimit > 0 && !data.excludeOverLimit) {
    const msg = overLimitMessage(measure, data.message);
    throw invalid(msg, { message: msg });
  }
  const s = measure.selection;
  const [anyone] = await db.all(anyRecipientSql(s));
  if (!anyone) throw invalid("Nenhum celular para enviar com esses filtros: confira a prévia.");

  const [inserted] = await db.batch([
    db
      .insert(smsBatch)
      .values({
        filters: s.filters,
        motivo: data.motivo,
        template: data.message,
        category: data.category,
        createdBy: creator.id,
        actor: actorRef(ctx.actor),
        providerAccountId: account.id,
        idempotencyKey: data.idempotencyKey,
        deselectedCustomerIds: [...s.deselected],
        maxParts: data.maxParts ?? null,
        // "Agendar": the snapshot is taken now; the queue drain releases the batch at its time.
        ...(sendAt ? { status: "scheduled" as const, scheduledAt: sendAt } : {}),
      })
      .onConflictDoNothing({ target: smsBatch.idempotencyKey })
      .returning(),
    db.run(snapshotSql(s, data.idempotencyKey)),
    db
      .update(smsBatch)
      .set({ recipients: sql`(SELECT count(*) FROM sms_batch_recipient r WHERE r.batch_id = sms_batch.id)` })
      .where(eq(smsBatch.idempotencyKey, data.idempotencyKey)),
  ]);
  const created = inserted[0];
  const [row] = await db.select().from(smsBatch).where(eq(smsBatch.idempotencyKey, data.idempotencyKey));
  // Lost a race with the same key (double submit): answer with the first one.
  if (!created || !row) return replay(ctx, row!);

  await writeAudit(ctx, "sms_batch.create", "sms_batch", row.id, {
    filters: s.filters,
    motivo: data.motivo,
    category: data.category,
    deselected: s.deselected.length,
    maxParts: rules.maxParts,
    stripAccents: rules.stripAccents,
    overLimitLeftOut: measure.exclusions.overLimit,
    recipients: row.recipients,
    ...(sendAt ? { scheduledAt: sendAt.toISOString() } : {}),
  });
  return { batch: await loadBatchOutput(db, row.id), recipients: row.recipients, replayed: false };
}
