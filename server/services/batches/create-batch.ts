/**
 * "Enviar": stores the batch and the snapshot of its recipients in one atomic db.batch, with a
 * single INSERT … SELECT in the database. Sends nothing: the caller emits `sms/batch.requested`
 * with the returned batch id and the jobs layer sends.
 */
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { smsBatch } from "@/db/schema";
import type { SessionUser } from "@/server/auth/session";
import { parseTemplate } from "@/server/sms/template";
import { writeAudit } from "../audit";
import { forbidden, invalid } from "../errors";
import { findDefaultAccount } from "../sms-accounts/account-store";
import { getSmsSettings } from "../sms/settings";
import { assertFilterTargets } from "./filter-labels";
import { parseInput } from "./parse";
import { renderFor, renderSample, selectionOf, type SampleRendering } from "./preview-batch";
import { loadBatchOutput } from "./queries";
import { sendAtProblem } from "./send-at";
import { type CreateBatchInput, type CreateBatchOutput, createBatchInput } from "./schemas";
import { customerCountsSql, longestNamesSql, recipientSampleSql, type Selection, snapshotSql } from "./selection-sql";

type Ctx = { db: Db; user: SessionUser };

/** Recipients with the longest names rendered on top of the sample: {nome} is what varies most. */
const LONGEST_NAMES = 3;

async function replay(ctx: Ctx, row: typeof smsBatch.$inferSelect): Promise<CreateBatchOutput> {
  if (row.createdBy !== ctx.user.id) throw forbidden("Esta chave de envio pertence a outro usuário.");
  return { batch: await loadBatchOutput(ctx.db, row.id), recipients: row.recipients, replayed: true };
}

async function selectedCustomers(db: Db, s: Selection): Promise<number> {
  const [row] = await db.all<{ found: number; deselected: number }>(customerCountsSql(s));
  return Number(row?.found ?? 0) - Number(row?.deselected ?? 0);
}

/**
 * Refuses a template that does not fit for a sample of the recipients or for those with the longest
 * names. The sender still checks every rendering: a text over the limit there fails on its own.
 */
async function assertRenderingsFit(db: Db, s: Selection, template: string, maxParts: number): Promise<void> {
  const longest = await db.all<{ customer_id: number }>(longestNamesSql(s, LONGEST_NAMES));
  const renderings: SampleRendering[] = [
    ...(await renderFor(db, longest.map((r) => Number(r.customer_id)), template, maxParts)),
    ...(await renderSample(db, s, template, maxParts, await selectedCustomers(db, s))),
  ];
  const over = renderings.find((r) => r.limitMessage !== null);
  if (over) {
    const hint = parseTemplate(template).variables.includes("nome") ? " Use {primeiro_nome} no lugar de {nome} para encurtar." : "";
    const msg = `Para ${over.name}: ${over.limitMessage}${hint}`;
    throw invalid(msg, { message: msg });
  }
}

export async function createBatch({ ctx, input }: { ctx: Ctx; input: CreateBatchInput }): Promise<CreateBatchOutput> {
  const data = parseInput(createBatchInput, input);
  const { db } = ctx;
  const sendAt = data.sendAt ?? null;

  const [previous] = await db.select().from(smsBatch).where(eq(smsBatch.idempotencyKey, data.idempotencyKey));
  if (previous) return replay(ctx, previous);

  // A replay above answers with the first batch even once its time has passed.
  const timeProblem = sendAt ? sendAtProblem(sendAt) : null;
  if (timeProblem) throw invalid(timeProblem, { sendAt: timeProblem });

  const s = selectionOf(data);
  await assertFilterTargets(db, s.filters);
  const account = await findDefaultAccount(db);
  if (!account) throw invalid("Nenhuma conta de SMS ativa. Um administrador precisa configurar uma em Configuração de SMS.");
  const [anyone] = await db.all(recipientSampleSql(s, 1, 1));
  if (!anyone) throw invalid("Nenhum celular para enviar com esses filtros: confira a prévia.");
  const { maxParts } = await getSmsSettings(db);
  await assertRenderingsFit(db, s, data.message, maxParts);

  const [inserted] = await db.batch([
    db
      .insert(smsBatch)
      .values({
        filters: s.filters,
        motivo: data.motivo,
        template: data.message,
        category: data.category,
        createdBy: ctx.user.id,
        providerAccountId: account.id,
        idempotencyKey: data.idempotencyKey,
        deselectedCustomerIds: [...s.deselected],
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
    recipients: row.recipients,
    ...(sendAt ? { scheduledAt: sendAt.toISOString() } : {}),
  });
  return { batch: await loadBatchOutput(db, row.id), recipients: row.recipients, replayed: false };
}
