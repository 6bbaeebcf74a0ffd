/**
 * Editing a scheduled batch before the queue drain releases it: its time, motivo and message. The
 * snapshot stays (it was taken when the batch was scheduled); the new text is checked against every
 * snapshot recipient, with the batch's own rules (its account's accents, its parts), as "Enviar"
 * checks the selection. A compare-and-set on
 * "scheduled": a batch released meanwhile is never edited.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { smsBatch } from "@/db/schema";
import { parseTemplate, validateTemplate } from "@/server/sms/template";
import { writeAudit } from "../audit";
import { conflict, invalid } from "../errors";
import { parseInput } from "./parse";
import { type BatchRow, findBatch, loadBatchOutput } from "./queries";
import { EMPTY_CONTEXT, loadRenderContexts, renderBatchMessage, textRulesFor } from "./render";
import { type BatchOutput, type UpdateScheduledBatchInput, updateScheduledBatchInput } from "./schemas";
import { sendAtProblem } from "./send-at";
import { fitSql, templateFit } from "./text-fit";
import { requirePermission } from "@/server/services/permissions";
import type { ServiceContext } from "@/server/services/context";


/**
 * Every snapshot recipient's text is counted, as "Enviar" counts the selection's: in SQL from the
 * customer's precomputed value metrics (customer_text), rendering only the rows SQL cannot count
 * (and customers gone since, whose values are empty).
 */
async function assertFitsSnapshot(db: Db, batch: BatchRow, template: string): Promise<void> {
  const rules = await textRulesFor(db, { accountId: batch.providerAccountId, maxParts: batch.maxParts });
  const fit = fitSql(templateFit(template), rules);
  const from = sql`FROM sms_batch_recipient r LEFT JOIN customer_text b ON b.customer_id = r.customer_id WHERE r.batch_id = ${batch.id}`;
  const over = await db.all<{ customer_id: number }>(sql`SELECT r.customer_id ${from} AND ${fit.exact} AND ${fit.over} LIMIT 1`);
  const rows = over.length > 0 ? over : await db.all<{ customer_id: number }>(sql`SELECT DISTINCT r.customer_id ${from} AND NOT (${fit.exact})`);
  if (rows.length === 0) return;
  const contexts = await loadRenderContexts(db, rows.map((r) => Number(r.customer_id)));
  for (const r of rows) {
    const rendered = renderBatchMessage(template, contexts.get(Number(r.customer_id)) ?? EMPTY_CONTEXT, rules);
    if (rendered.limitMessage === null) continue;
    const who = contexts.get(Number(r.customer_id))?.nome || "um destinatário";
    const hint = parseTemplate(template).variables.includes("nome") ? " Use {primeiro_nome} no lugar de {nome} para encurtar." : "";
    const msg = `Para ${who}: ${rendered.limitMessage}${hint}`;
    throw invalid(msg, { message: msg });
  }
}

export async function updateScheduledBatch(ctx: ServiceContext, input: UpdateScheduledBatchInput): Promise<BatchOutput> {
  requirePermission(ctx, "batches.send");
  const data = parseInput(updateScheduledBatchInput, input);
  const current = await findBatch(ctx.db, data.batchId);
  if (current.status !== "scheduled") throw conflict("Este lote já foi liberado para envio: não pode mais ser alterado. Pause-o ou cancele-o.");
  const timeProblem = sendAtProblem(data.sendAt);
  if (timeProblem) throw invalid(timeProblem, { sendAt: timeProblem });
  const template = validateTemplate(data.message);
  if (!template.ok) throw invalid(template.message, { message: template.message });
  await assertFitsSnapshot(ctx.db, current, data.message);

  const [row] = await ctx.db
    .update(smsBatch)
    .set({ scheduledAt: data.sendAt, motivo: data.motivo, template: data.message, updatedAt: new Date() })
    .where(and(eq(smsBatch.id, data.batchId), eq(smsBatch.status, "scheduled")))
    .returning();
  if (!row) throw conflict("Este lote foi liberado para envio enquanto você editava: nada foi alterado.");
  await writeAudit(ctx, "sms_batch.reschedule", "sms_batch", data.batchId, {
    from: current.scheduledAt?.toISOString() ?? null,
    to: data.sendAt.toISOString(),
    motivo: data.motivo,
    messageChanged: current.template !== data.message,
  });
  return loadBatchOutput(ctx.db, data.batchId);
}
