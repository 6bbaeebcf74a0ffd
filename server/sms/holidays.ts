/**
 * Brazilian national holidays, which close the send window like a Sunday (brazil-sms.md: "Sunday /
 * holidays: none"). Browser-safe, pure.
 *
 * Only national holidays: state and municipal ones differ per city and are not modelled here.
 * Carnival and Corpus Christi are "pontos facultativos" (optional days off), not holidays, so the
 * window stays open on them. Good Friday is declared by municipalities (Lei 9.093/95) but is observed
 * across the country, so it is treated as national.
 */

export interface NationalHoliday {
  /** Local calendar date, "YYYY-MM-DD". */
  date: string;
  name: string;
}

const FIXED: readonly { month: number; day: number; name: string; since?: number }[] = [
  { month: 1, day: 1, name: "Confraternização Universal" },
  { month: 4, day: 21, name: "Tiradentes" },
  { month: 5, day: 1, name: "Dia do Trabalho" },
  { month: 9, day: 7, name: "Independência do Brasil" },
  { month: 10, day: 12, name: "Nossa Senhora Aparecida" },
  { month: 11, day: 2, name: "Finados" },
  { month: 11, day: 15, name: "Proclamação da República" },
  // Lei 14.759/2023 made it national from 2024; before that only some states and cities observed it.
  { month: 11, day: 20, name: "Dia Nacional de Zumbi e da Consciência Negra", since: 2024 },
  { month: 12, day: 25, name: "Natal" },
];

const pad2 = (n: number) => String(n).padStart(2, "0");

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(day)}`;
}

/** Easter Sunday (Gregorian) by the anonymous algorithm (Meeus/Jones/Butcher); month is 1-based. */
export function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const n = h + l - 7 * m + 114;
  return { month: Math.floor(n / 31), day: (n % 31) + 1 };
}

const cache = new Map<number, readonly NationalHoliday[]>();

/** The national holidays of a year, sorted by date. */
export function brazilianNationalHolidays(year: number): readonly NationalHoliday[] {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) {
    throw new RangeError(`Ano fora do intervalo suportado: ${year}`);
  }
  const cached = cache.get(year);
  if (cached) return cached;

  const easter = easterSunday(year);
  // Date.UTC only does calendar arithmetic here; no time zone is involved.
  const goodFriday = new Date(Date.UTC(year, easter.month - 1, easter.day - 2));
  const list: NationalHoliday[] = FIXED.filter((h) => h.since === undefined || year >= h.since).map((h) => ({
    date: isoDate(year, h.month, h.day),
    name: h.name,
  }));
  const goodFridayDate = isoDate(year, goodFriday.getUTCMonth() + 1, goodFriday.getUTCDate());
  // Good Friday falls on 21 April in some years (2000, 2079): one date, both names.
  const sameDay = list.find((h) => h.date === goodFridayDate);
  if (sameDay) sameDay.name = `${sameDay.name} e Sexta-feira Santa`;
  else list.push({ date: goodFridayDate, name: "Sexta-feira Santa" });
  list.sort((x, y) => x.date.localeCompare(y.date));

  cache.set(year, list);
  return list;
}

/** The holiday's name when the local calendar date is a national holiday, else null. */
export function nationalHolidayOn(year: number, month: number, day: number): string | null {
  const date = isoDate(year, month, day);
  return brazilianNationalHolidays(year).find((h) => h.date === date)?.name ?? null;
}
