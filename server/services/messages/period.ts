// Calendar days of the operator (America/Sao_Paulo) as instants, for the period filters.
import { zonedTimeToInstant } from "@/server/sms/send-window";

export const HISTORY_TIME_ZONE = "America/Sao_Paulo";

/** The instant São Paulo's clock reads 00:00 on `day` ("2026-03-15"), or `plusDays` later. */
function midnightOf(day: string, plusDays = 0): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d + plusDays));
  return zonedTimeToInstant({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: 0, minute: 0 }, HISTORY_TIME_ZONE);
}

/** [from 00:00, the day after `to` 00:00) in São Paulo; either end may be open. */
export function periodRange(from?: string | null, to?: string | null): { start: Date | null; end: Date | null } {
  return { start: from ? midnightOf(from) : null, end: to ? midnightOf(to, 1) : null };
}
