/**
 * Rendering a batch's message for a recipient. The preview and the sender (jobs layer) use these
 * same helpers, so the text the operator approved is the text that goes out.
 */
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { limitMessage, type SmsAnalysis } from "@/server/sms/encoding";
import { contextForCustomer, renderTemplate, type TemplateContext } from "@/server/sms/template";
import { outgoingSms } from "@/server/sms/transliterate";
import { sendingAccount } from "../sms-accounts/account-store";
import { getSmsSettings } from "../sms/settings";

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

export type RenderedBatchMessage = { body: string; analysis: SmsAnalysis; limitMessage: string | null; replaced: string[] };

/** How a batch's texts go out: the account's "Enviar sem acentos" and the parts the batch allows. */
export type TextRules = { stripAccents: boolean; maxParts: number };

/**
 * The rules of a batch (its account, or the default one for a draft; the parts it allows, else the
 * admin's setting). An account missing altogether sends without accents, as new accounts do.
 */
export async function textRulesFor(db: Db, { accountId, maxParts }: { accountId: number | null; maxParts: number | null | undefined }): Promise<TextRules> {
  const account = await sendingAccount(db, accountId);
  return { stripAccents: account?.stripAccents ?? true, maxParts: maxParts ?? (await getSmsSettings(db)).maxParts };
}

/**
 * Renders a validated template as it will be sent (without accents when the account says so);
 * `limitMessage` says why it does not fit (null when it does).
 */
export function renderBatchMessage(template: string, context: TemplateContext, rules: TextRules): RenderedBatchMessage {
  const out = outgoingSms(renderTemplate(template, context), rules);
  return { body: out.text, analysis: out.analysis, limitMessage: limitMessage(out.analysis), replaced: out.replaced };
}
