// Calendar days of the operator (America/Sao_Paulo) as instants, for the period filters.

export const HISTORY_TIME_ZONE = "America/Sao_Paulo";

const partsFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: HISTORY_TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** Milliseconds the zone is ahead of UTC at `instant` (negative in Brazil). */
function zoneOffsetMs(instant: number): number {
  const p = Object.fromEntries(partsFormat.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant São Paulo's clock reads 00:00 on `day` ("2026-03-15"). */
export function startOfDayInZone(day: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d);
  // Two passes settle the offset even across a (historical) daylight-saving change.
  let guess = wall - zoneOffsetMs(wall);
  guess = wall - zoneOffsetMs(guess);
  return new Date(guess);
}

/** [from 00:00, the day after `to` 00:00) in São Paulo; either end may be open. */
export function periodRange(from?: string | null, to?: string | null): { start: Date | null; end: Date | null } {
  let end: Date | null = null;
  if (to) {
    const [y, m, d] = to.split("-").map(Number) as [number, number, number];
    const next = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
    end = startOfDayInZone(next);
  }
  return { start: from ? startOfDayInZone(from) : null, end };
}
