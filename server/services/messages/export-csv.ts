/**
 * "Exportar CSV": the history with the grid's filters as a file Excel pt-BR opens as is — UTF-8 with
 * a BOM, ";" between cells, CRLF lines, times in America/Sao_Paulo. Streamed page by page (keyset),
 * so a large history never sits in memory. Same technician restriction as the grid.
 */
import { STATUS_LABELS } from "@/server/sms/status";
import { parseInput } from "../batches/parse";
import type { SmsOrigin } from "@/db/schema/constants";
import historyWords from "@/messages/pt-BR/sms-history.json";
import { ENCODING_LABELS } from "./labels";
import { messageConditions, selectMessagePage, historyViewer } from "./list-messages";
import { HISTORY_TIME_ZONE } from "./period";
import { messageFiltersInput, type MessageRowOutput } from "./schemas";
import { requirePermission } from "@/server/services/permissions";
import type { ServiceContext } from "@/server/services/context";

/** The origins' words of the history screen. */
const ORIGIN_LABELS: Readonly<Record<SmsOrigin, string>> = historyWords.origins;

const EXPORT_PAGE_SIZE = 500;
const SEPARATOR = ";";

export const CSV_HEADER = [
  "Data/hora",
  "Cliente",
  "Código do cliente",
  "Telefone",
  "Motivo",
  "Mensagem",
  "Operador",
  "Origem",
  "Situação",
  "Enviada em",
  "Finalizada em",
  "Partes",
  "Codificação",
  "Erro",
] as const;

/**
 * One cell. Text that a spreadsheet would run as a formula (starting with = + - @, or a tab or
 * carriage return before one) gets a leading apostrophe; cells with the separator, quotes, line
 * breaks or edge spaces are quoted with inner quotes doubled.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  if (/[";\r\n]/.test(text) || text !== text.trim()) text = `"${text.replace(/"/g, '""')}"`;
  return text;
}

export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(SEPARATOR)}\r\n`;
}

const dateTime = new Intl.DateTimeFormat("pt-BR", {
  timeZone: HISTORY_TIME_ZONE,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** "24/11/2026 14:32:05" in São Paulo. */
export function formatCsvTime(d: Date | null): string {
  if (!d) return "";
  const p = Object.fromEntries(dateTime.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}:${p.second}`;
}

function rowCells(r: MessageRowOutput) {
  return [
    formatCsvTime(r.createdAt),
    r.customer?.name ?? "",
    r.customer?.code ?? "",
    r.phone.national,
    r.motivo,
    r.body,
    r.operator?.name ?? "",
    ORIGIN_LABELS[r.origin],
    STATUS_LABELS[r.status],
    formatCsvTime(r.sentAt),
    formatCsvTime(r.finalAt),
    r.segments,
    ENCODING_LABELS[r.encoding],
    r.errorMessage ?? "",
  ];
}

/** The export as a byte stream; throws a validation error (before streaming) on bad filters. */
export function exportMessagesCsv(ctx: ServiceContext, input: unknown): ReadableStream<Uint8Array> {
  requirePermission(ctx, "messages.read");
  const { db } = ctx;
  const user = historyViewer(ctx.actor);
  const filters = parseInput(messageFiltersInput, input);
  const where = messageConditions(user, filters);
  const encoder = new TextEncoder();
  let cursor: string | null = null;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`\uFEFF${csvLine(CSV_HEADER)}`));
        return;
      }
      const page = await selectMessagePage(db, where, cursor, EXPORT_PAGE_SIZE);
      if (page.items.length > 0) controller.enqueue(encoder.encode(page.items.map((r) => csvLine(rowCells(r))).join("")));
      cursor = page.nextCursor;
      if (!cursor) controller.close();
    },
  });
}
