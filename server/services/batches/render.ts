/**
 * Rendering a batch's message for a recipient. The preview and the sender (jobs layer) use these
 * same helpers, so the text the operator approved is the text that goes out.
 */
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { analyzeSms, limitMessage, type SmsAnalysis } from "@/server/sms/encoding";
import { contextForCustomer, renderTemplate, type TemplateContext } from "@/server/sms/template";

/** The message of one recipient attempt: a re-send (attempt + 1) is a new message, never a replay. */
export function batchMessageKey(batchId: number, phoneE164: string, attempt: number): string {
  return `batch:${batchId}:${phoneE164}:${attempt}`;
}

/**
 * Template values of each customer: name, code, city, and the plan of the first connection
 * (a not-cancelled one first). A few rows per call (a page, a sample, a sender chunk).
 */
export async function loadRenderContexts(db: Db, customerIds: readonly number[]): Promise<Map<number, TemplateContext>> {
  const out = new Map<number, TemplateContext>();
  if (customerIds.length === 0) return out;
  const rows = await db.all<{ id: number; name: string; code: string; city_name: string | null; plan_name: string | null }>(sql`
    SELECT c.id, c.name, c.code, ci.name AS city_name,
      (SELECT pl.name FROM connection k JOIN plan pl ON pl.id = k.plan_id WHERE k.customer_id = c.id
        ORDER BY k.status = 'cancelled', k.id LIMIT 1) AS plan_name
    FROM customer c LEFT JOIN city ci ON ci.id = c.city_id
    WHERE c.id IN (SELECT value FROM json_each(${JSON.stringify([...new Set(customerIds)])}))`);
  for (const r of rows) out.set(Number(r.id), contextForCustomer({ name: r.name, code: r.code, planName: r.plan_name, cityName: r.city_name }));
  return out;
}

/** The values of a recipient whose customer is gone (the snapshot keeps the phone). */
export const EMPTY_CONTEXT: TemplateContext = { nome: "", primeiro_nome: "", codigo: "", plano: "", cidade: "" };

export type RenderedBatchMessage = { body: string; analysis: SmsAnalysis; limitMessage: string | null };

/** Renders a validated template; `limitMessage` says why it does not fit (null when it does). */
export function renderBatchMessage(template: string, context: TemplateContext, maxParts: number): RenderedBatchMessage {
  const body = renderTemplate(template, context);
  const analysis = analyzeSms(body, { maxParts });
  return { body, analysis, limitMessage: limitMessage(analysis) };
}
