/**
 * "Avançar": what a batch would send — counts with the reason of every exclusion, a page of
 * recipients with their texts as they will go out, the exact parts, and how many texts pass the
 * parts limit. Counts are one aggregate over the selection; each recipient's length comes from the
 * precomputed value metrics (text-fit.ts), and only the few rows SQL cannot count are rendered here.
 */
import type { Db } from "@/db/client";
import { findDefaultAccount } from "@/server/services/sms-accounts/account-store";
import { formatPhoneNational } from "@/server/sms/phone";
import { BATCH_PAGE_SIZE } from "./constants";
import { assertFilterTargets } from "./filter-labels";
import { parseInput } from "./parse";
import { loadRenderContexts, renderBatchMessage, type TextRules, textRulesFor } from "./render";
import {
  type BatchDraft, MAX_DESELECTED, type PreviewBatchInput, type PreviewBatchOutput, type PreviewCustomerIdsOutput, type PreviewRecipientOutput,
  type PreviewRecipientsOutput, previewBatchInput, toBatchFilters,
} from "./schemas";
import {
  decodeCursor, encodeCursor, exactOverLimitSql, inexactRowsSql, recipientPageSql, type Selection, selectionCountsSql, selectionCustomerIdsSql,
} from "./selection-sql";
import { type FitSql, fitSql, templateFit } from "./text-fit";
import { requirePermission } from "@/server/services/permissions";
import type { ServiceContext } from "@/server/services/context";

export function selectionOf(data: { deselectedCustomerIds: number[] } & Parameters<typeof toBatchFilters>[0]): Selection {
  return { filters: toBatchFilters(data), deselected: [...new Set(data.deselectedCustomerIds)].sort((a, b) => a - b) };
}

/** The rules a draft will be sent with: the default account's, and the parts it allows. */
export async function draftTextRules(db: Db, data: Pick<BatchDraft, "maxParts">): Promise<TextRules> {
  return textRulesFor(db, { accountId: (await findDefaultAccount(db))?.id ?? null, maxParts: data.maxParts });
}

type CountRow = {
  selected: number; deselected: number; reached: number; candidates: number; invalid: number; prefix: number; opted_out: number; duplicate: number;
  over_exact: number; inexact: number; parts_exact: number; max_parts_exact: number | null;
};

export type SelectionMeasure = {
  customersFound: number;
  deselectedCustomers: number;
  phonesToSend: number;
  exclusions: PreviewBatchOutput["exclusions"];
  estimate: PreviewBatchOutput["estimate"];
  /** The selection with the over-limit recipients left out, when the draft chose so (for the snapshot). */
  selection: Selection;
};

type Rendered = ReturnType<typeof renderBatchMessage> & { name: string };

async function renderCustomers(db: Db, ids: readonly number[], template: string, rules: TextRules): Promise<Map<number, Rendered>> {
  const out = new Map<number, Rendered>();
  for (const [id, ctx] of await loadRenderContexts(db, ids)) out.set(id, { ...renderBatchMessage(template, ctx, rules), name: ctx.nome });
  return out;
}

const exampleOf = (m: Rendered | undefined) => (m?.limitMessage ? { customerName: m.name, message: m.limitMessage } : null);

/** Renders the rows SQL could not count, per row (a customer may have several phones). */
async function renderInexact(db: Db, s: Selection, fit: FitSql, template: string, rules: TextRules) {
  const rows = await db.all<{ customer_id: number }>(inexactRowsSql(s, fit));
  const rendered = await renderCustomers(db, rows.map((r) => Number(r.customer_id)), template, rules);
  const out = { over: 0, partsAll: 0, partsWithin: 0, needed: 0, overIds: new Set<number>() };
  for (const r of rows) {
    const m = rendered.get(Number(r.customer_id));
    if (!m) continue;
    out.needed = Math.max(out.needed, m.analysis.parts);
    out.partsAll += m.analysis.parts;
    if (m.analysis.withinLimit) out.partsWithin += m.analysis.parts;
    else {
      out.over++;
      out.overIds.add(Number(r.customer_id));
    }
  }
  return { ...out, overIds: [...out.overIds], example: exampleOf([...rendered.values()].find((m) => m.limitMessage !== null)) };
}

const NOTHING_INEXACT = { over: 0, partsAll: 0, partsWithin: 0, needed: 0, overIds: [] as number[], example: null };

/** The selection's counts and its texts' fit, as "Avançar" shows them and "Enviar" checks them. */
export async function measureSelection(db: Db, base: Selection, template: string, rules: TextRules, excludeOverLimit: boolean): Promise<SelectionMeasure> {
  const fit = fitSql(templateFit(template), rules);
  // With "deixar de fora", parts_exact leaves the over-limit rows out: the cost shown is what is sent.
  const [row] = await db.all<CountRow>(selectionCountsSql({ ...base, overLimit: excludeOverLimit ? { fit, customerIds: [] } : undefined }, fit));
  const n = (k: keyof CountRow) => Number(row?.[k] ?? 0);
  const inexact = n("inexact") > 0 ? await renderInexact(db, base, fit, template, rules) : NOTHING_INEXACT;
  const overLimit = n("over_exact") + inexact.over;
  const leftOut = excludeOverLimit ? overLimit : 0;
  let example = inexact.example;
  if (!example && n("over_exact") > 0) {
    const [one] = await db.all<{ customer_id: number }>(exactOverLimitSql(base, fit, 1));
    if (one) example = exampleOf((await renderCustomers(db, [Number(one.customer_id)], template, rules)).get(Number(one.customer_id)));
  }
  const excluded = n("invalid") + n("prefix") + n("opted_out") + n("duplicate");
  return {
    customersFound: n("selected") + n("deselected"),
    deselectedCustomers: n("deselected"),
    phonesToSend: n("candidates") - excluded - leftOut,
    exclusions: {
      noMobile: n("selected") - n("reached"),
      invalidNumber: n("invalid"),
      prefixNotAccepted: n("prefix"),
      duplicateInBatch: n("duplicate"),
      optedOut: n("opted_out"),
      overLimit: leftOut,
    },
    estimate: {
      totalParts: n("parts_exact") + (excludeOverLimit ? inexact.partsWithin : inexact.partsAll),
      maxParts: rules.maxParts,
      overLimit,
      neededParts: Math.max(n("max_parts_exact"), inexact.needed),
      overLimitExample: example,
      stripAccents: rules.stripAccents,
    },
    selection: excludeOverLimit ? { ...base, overLimit: { fit, customerIds: inexact.overIds } } : base,
  };
}

type PageRow = { customer_id: number; phone_id: number; e164: string; deselected: number };

async function recipientPage(db: Db, s: Selection, template: string, rules: TextRules, cursor: string | null | undefined) {
  // One more row than a page, to know whether another page follows.
  const rows = await db.all<PageRow>(recipientPageSql(s, decodeCursor(cursor), BATCH_PAGE_SIZE + 1));
  const page = rows.slice(0, BATCH_PAGE_SIZE);
  const contexts = await loadRenderContexts(db, page.map((r) => Number(r.customer_id)));
  const recipients: PreviewRecipientOutput[] = page.flatMap((r) => {
    const ctx = contexts.get(Number(r.customer_id));
    if (!ctx) return [];
    const m = renderBatchMessage(template, ctx, rules);
    return [{
      customerId: Number(r.customer_id),
      customerCode: ctx.codigo,
      customerName: ctx.nome,
      phone: formatPhoneNational(r.e164),
      body: m.body,
      encoding: m.analysis.encoding,
      characters: m.analysis.characters,
      parts: m.analysis.parts,
      withinLimit: m.analysis.withinLimit,
      limitMessage: m.limitMessage,
      selected: Number(r.deselected) === 0,
    }];
  });
  const last = page.at(-1);
  const nextCursor = rows.length > BATCH_PAGE_SIZE && last ? encodeCursor({ customerId: Number(last.customer_id), phoneId: Number(last.phone_id) }) : null;
  return { recipients, nextCursor };
}

export async function previewBatch(ctx: ServiceContext, input: PreviewBatchInput): Promise<PreviewBatchOutput> {
  requirePermission(ctx, "batches.read");
  const { db } = ctx;
  const data = parseInput(previewBatchInput, input);
  const s = selectionOf(data);
  await assertFilterTargets(db, s.filters);
  const rules = await draftTextRules(db, data);
  const { selection: _selection, ...measure } = await measureSelection(db, s, data.message, rules, data.excludeOverLimit);
  const page = await recipientPage(db, s, data.message, rules, data.cursor);
  return { ...measure, ...page };
}

/**
 * The next page of the preview's list without the counts: what a scrolling list asks for after
 * the first page (the counts do not change while the operator scrolls).
 */
export async function previewRecipients(ctx: ServiceContext, input: PreviewBatchInput): Promise<PreviewRecipientsOutput> {
  requirePermission(ctx, "batches.read");
  const { db } = ctx;
  const data = parseInput(previewBatchInput, input);
  const s = selectionOf(data);
  await assertFilterTargets(db, s.filters);
  return recipientPage(db, s, data.message, await draftTextRules(db, data), data.cursor);
}

/** The customers the filter finds, so the list's "desmarcar todos" can untick those not loaded yet. */
export async function previewCustomerIds(ctx: ServiceContext, input: PreviewBatchInput): Promise<PreviewCustomerIdsOutput> {
  requirePermission(ctx, "batches.read");
  const { db } = ctx;
  const data = parseInput(previewBatchInput, input);
  const { filters } = selectionOf(data);
  await assertFilterTargets(db, filters);
  const rows = await db.all<{ id: number }>(selectionCustomerIdsSql(filters, MAX_DESELECTED + 1));
  return { ids: rows.slice(0, MAX_DESELECTED).map((r) => Number(r.id)), truncated: rows.length > MAX_DESELECTED };
}
