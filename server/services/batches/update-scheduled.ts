/**
 * Editing a scheduled batch before the queue drain releases it: its time, motivo and message. The
 * snapshot stays (it was taken when the batch was scheduled); the new text is checked against the
 * snapshot's recipients the way "Enviar" checks it against the selection. A compare-and-set on
 * "scheduled": a batch released meanwhile is never edited.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { smsBatch } from "@/db/schema";
import type { SessionUser } from "@/server/auth/session";
import { parseTemplate, validateTemplate } from "@/server/sms/template";
import { writeAudit } from "../audit";
import { conflict, invalid } from "../errors";
import { getSmsSettings } from "../sms/settings";
import { parseInput } from "./parse";
import { findBatch, loadBatchOutput } from "./queries";
import { EMPTY_CONTEXT, loadRenderContexts, renderBatchMessage } from "./render";
import { type BatchOutput, type UpdateScheduledBatchInput, updateScheduledBatchInput } from "./schemas";
import { sendAtProblem } from "./send-at";

type Ctx = { db: Db; user: SessionUser };

/** Recipients rendered to check a new text: those with the longest names, then the first ones. */
const LONGEST = 3;
const SAMPLE = 200;

async function assertFitsSnapshot(db: Db, batchId: number, template: string): Promise<void> {
  const rows = await db.all<{ customer_id: number; name: string }>(sql`
    SELECT * FROM (SELECT r.customer_id, c.name FROM sms_batch_recipient r JOIN customer c ON c.id = r.customer_id
      WHERE r.batch_id = ${batchId} ORDER BY length(c.name) DESC, r.id LIMIT ${LONGEST})
    UNION ALL
    SELECT * FROM (SELECT r.customer_id, c.name FROM sms_batch_recipient r JOIN customer c ON c.id = r.customer_id
      WHERE r.batch_id = ${batchId} ORDER BY r.id LIMIT ${SAMPLE})`);
  const { maxParts } = await getSmsSettings(db);
  const contexts = await loadRenderContexts(db, rows.map((r) => Number(r.customer_id)));
  for (const r of rows) {
    const rendered = renderBatchMessage(template, contexts.get(Number(r.customer_id)) ?? EMPTY_CONTEXT, maxParts);
    if (rendered.limitMessage === null) continue;
    const hint = parseTemplate(template).variables.includes("nome") ? " Use {primeiro_nome} no lugar de {nome} para encurtar." : "";
    const msg = `Para ${r.name}: ${rendered.limitMessage}${hint}`;
    throw invalid(msg, { message: msg });
  }
}

export async function updateScheduledBatch({ ctx, input }: { ctx: Ctx; input: UpdateScheduledBatchInput }): Promise<BatchOutput> {
  const data = parseInput(updateScheduledBatchInput, input);
  const current = await findBatch(ctx.db, data.batchId);
  if (current.status !== "scheduled") throw conflict("Este lote já foi liberado para envio: não pode mais ser alterado. Pause-o ou cancele-o.");
  const timeProblem = sendAtProblem(data.sendAt);
  if (timeProblem) throw invalid(timeProblem, { sendAt: timeProblem });
  const template = validateTemplate(data.message);
  if (!template.ok) throw invalid(template.message, { message: template.message });
  await assertFitsSnapshot(ctx.db, data.batchId, data.message);

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
