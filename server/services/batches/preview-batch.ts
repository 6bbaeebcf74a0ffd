/**
 * "Avançar": what a batch would send — counts with the reason of every exclusion, a page of
 * recipients with their rendered messages, and an estimate of the parts. Counts are SQL aggregates
 * over the filter's indexes; only a page and a small sample are rendered in JavaScript.
 */
import type { Db } from "@/db/client";
import { formatPhoneNational } from "@/server/sms/phone";
import { analyzeSms } from "@/server/sms/encoding";
import { parseTemplate } from "@/server/sms/template";
import { getSmsSettings } from "../sms/settings";
import { BATCH_PAGE_SIZE } from "./constants";
import { assertFilterTargets } from "./filter-labels";
import { parseInput } from "./parse";
import { loadRenderContexts, renderBatchMessage } from "./render";
import {
  MAX_DESELECTED, type PreviewBatchInput, type PreviewBatchOutput, type PreviewCustomerIdsOutput, type PreviewRecipientOutput, type PreviewRecipientsOutput,
  previewBatchInput, toBatchFilters,
} from "./schemas";
import {
  decodeCursor, encodeCursor, recipientPageSql, recipientSampleSql, type Selection, selectionCountsSql, selectionCustomerIdsSql,
} from "./selection-sql";

/** Recipients rendered to estimate the parts of a large batch. */
const ESTIMATE_SAMPLE = 200;

type SelectionCounts = {
  customersFound: number;
  deselectedCustomers: number;
  phonesToSend: number;
  exclusions: PreviewBatchOutput["exclusions"];
};

export function selectionOf(data: { deselectedCustomerIds: number[] } & Parameters<typeof toBatchFilters>[0]): Selection {
  return { filters: toBatchFilters(data), deselected: [...new Set(data.deselectedCustomerIds)].sort((a, b) => a - b) };
}

type CountRow = { selected: number; deselected: number; reached: number; candidates: number; invalid: number; prefix: number; opted_out: number; duplicate: number };

async function countSelection(db: Db, s: Selection): Promise<SelectionCounts> {
  const [row] = await db.all<CountRow>(selectionCountsSql(s));
  const n = (k: keyof CountRow) => Number(row?.[k] ?? 0);
  const excluded = n("invalid") + n("prefix") + n("opted_out") + n("duplicate");
  return {
    customersFound: n("selected") + n("deselected"),
    deselectedCustomers: n("deselected"),
    phonesToSend: n("candidates") - excluded,
    exclusions: {
      noMobile: n("selected") - n("reached"),
      invalidNumber: n("invalid"),
      prefixNotAccepted: n("prefix"),
      duplicateInBatch: n("duplicate"),
      optedOut: n("opted_out"),
    },
  };
}

export type SampleRendering = { customerId: number; name: string; parts: number; limitMessage: string | null };

/** Renders a systematic sample (one customer id in `every`) of the recipients; `size` sets the step. */
export async function renderSample(db: Db, s: Selection, template: string, maxParts: number, size: number): Promise<SampleRendering[]> {
  const every = Math.max(1, Math.ceil(size / ESTIMATE_SAMPLE));
  const rows = await db.all<{ customer_id: number }>(recipientSampleSql(s, every, ESTIMATE_SAMPLE));
  return renderFor(db, rows.map((r) => Number(r.customer_id)), template, maxParts);
}

export async function renderFor(db: Db, customerIds: number[], template: string, maxParts: number): Promise<SampleRendering[]> {
  const contexts = await loadRenderContexts(db, customerIds);
  return customerIds.flatMap((id) => {
    const ctx = contexts.get(id);
    if (!ctx) return [];
    const r = renderBatchMessage(template, ctx, maxParts);
    return [{ customerId: id, name: ctx.nome, parts: r.analysis.parts, limitMessage: r.limitMessage }];
  });
}

/**
 * Total parts: exact when the template has no variables (every text is the same) or when the sample
 * holds every recipient; otherwise the sample's mean parts times the recipients.
 */
async function estimateParts(
  db: Db, s: Selection, template: string, maxParts: number, phonesToSend: number, selected: number,
): Promise<PreviewBatchOutput["estimate"]> {
  if (parseTemplate(template).variables.length === 0 || phonesToSend === 0) {
    const a = analyzeSms(template, { maxParts });
    return { totalParts: a.parts * phonesToSend, exact: true, sampleSize: 0, overLimitInSample: a.withinLimit ? 0 : Math.min(1, phonesToSend), maxParts };
  }
  const sample = await renderSample(db, s, template, maxParts, selected);
  const sum = sample.reduce((acc, r) => acc + r.parts, 0);
  const exact = sample.length === phonesToSend;
  return {
    totalParts: exact ? sum : Math.round((sum / Math.max(1, sample.length)) * phonesToSend),
    exact,
    sampleSize: sample.length,
    overLimitInSample: sample.filter((r) => r.limitMessage !== null).length,
    maxParts,
  };
}

type PageRow = { customer_id: number; phone_id: number; e164: string; deselected: number };

async function recipientPage(db: Db, s: Selection, template: string, maxParts: number, cursor: string | null | undefined) {
  // One more row than a page, to know whether another page follows.
  const rows = await db.all<PageRow>(recipientPageSql(s, decodeCursor(cursor), BATCH_PAGE_SIZE + 1));
  const page = rows.slice(0, BATCH_PAGE_SIZE);
  const contexts = await loadRenderContexts(db, page.map((r) => Number(r.customer_id)));
  const recipients: PreviewRecipientOutput[] = page.flatMap((r) => {
    const ctx = contexts.get(Number(r.customer_id));
    if (!ctx) return [];
    const m = renderBatchMessage(template, ctx, maxParts);
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

export async function previewBatch({ db, input }: { db: Db; input: PreviewBatchInput }): Promise<PreviewBatchOutput> {
  const data = parseInput(previewBatchInput, input);
  const s = selectionOf(data);
  await assertFilterTargets(db, s.filters);
  const { maxParts } = await getSmsSettings(db);
  const counts = await countSelection(db, s);
  const selected = counts.customersFound - counts.deselectedCustomers;
  const estimate = await estimateParts(db, s, data.message, maxParts, counts.phonesToSend, selected);
  const page = await recipientPage(db, s, data.message, maxParts, data.cursor);
  return { ...counts, estimate, ...page };
}

/**
 * The next page of the preview's list without the counts: what a scrolling list asks for after
 * the first page (the counts do not change while the operator scrolls).
 */
export async function previewRecipients({ db, input }: { db: Db; input: PreviewBatchInput }): Promise<PreviewRecipientsOutput> {
  const data = parseInput(previewBatchInput, input);
  const s = selectionOf(data);
  await assertFilterTargets(db, s.filters);
  const { maxParts } = await getSmsSettings(db);
  return recipientPage(db, s, data.message, maxParts, data.cursor);
}

/** The customers the filter finds, so the list's "desmarcar todos" can untick those not loaded yet. */
export async function previewCustomerIds({ db, input }: { db: Db; input: PreviewBatchInput }): Promise<PreviewCustomerIdsOutput> {
  const data = parseInput(previewBatchInput, input);
  const { filters } = selectionOf(data);
  await assertFilterTargets(db, filters);
  const rows = await db.all<{ id: number }>(selectionCustomerIdsSql(filters, MAX_DESELECTED + 1));
  return { ids: rows.slice(0, MAX_DESELECTED).map((r) => Number(r.id)), truncated: rows.length > MAX_DESELECTED };
}
