/**
 * Whether a message may go now, and if not when its window next opens (brazil-sms.md, "Send windows
 * for collection messages"). Used by the queue drain and the batch sender. Browser-safe, pure.
 *
 * Everything is computed on the customer's local wall clock. Brazil has had no daylight saving since
 * 2019, but offsets are never hard-coded: wall-clock fields come from Intl.DateTimeFormat and local
 * times are converted back to instants by search, so the rules stay right if DST ever returns.
 *
 * Categories: `cobranca` is what the state laws cover. `marketing` follows the same window: it is more
 * intrusive than a collection notice and no law allows it at hours when collection is forbidden.
 * `aviso` follows it too, unless the caller marks it as an operational notice (outage, maintenance),
 * which brazil-sms.md allows to go at any hour; `operacional` is never bound.
 */
import type { SmsCategory, Uf } from "@/db/schema/constants";
import { nationalHolidayOn } from "./holidays";
import {
  describeWeekRules,
  hhmmToMinutes,
  rulesFor,
  weekRulesSchema,
  type DayRule,
  type SendWindowRules,
  type WeekRules,
} from "./send-window-rules";

export const BRAZIL_TIME_ZONES = [
  "America/Sao_Paulo",
  "America/Manaus",
  "America/Cuiaba",
  "America/Campo_Grande",
  "America/Porto_Velho",
  "America/Boa_Vista",
  "America/Rio_Branco",
  "America/Eirunepe",
  "America/Belem",
  "America/Fortaleza",
  "America/Recife",
  "America/Araguaina",
  "America/Maceio",
  "America/Bahia",
  "America/Santarem",
  "America/Noronha",
] as const;
export type BrazilTimeZone = (typeof BRAZIL_TIME_ZONES)[number];

/** Misconfiguration the caller cannot fix by retrying (bad zone, rules closed every day). */
export class SendWindowError extends Error {
  override name = "SendWindowError";
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// Built-in rules open within ~5 days; this only bounds custom rules that open very rarely.
const MAX_DAYS_SEARCHED = 400;

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

// Building a DateTimeFormat is far costlier than using one, and the drain checks many messages.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      });
    } catch {
      throw new SendWindowError(`Fuso horário inválido: ${timeZone}`);
    }
    formatters.set(timeZone, f);
  }
  return f;
}

function epochMs(instant: Date | number): number {
  const t = typeof instant === "number" ? instant : instant.getTime();
  if (!Number.isFinite(t)) throw new SendWindowError("Data inválida.");
  return t;
}

/** The local calendar date and time of an instant in a time zone (seconds truncated, as on a clock). */
export function wallClockAt(instant: Date | number, timeZone: string): WallClock {
  const fields: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(epochMs(instant))) {
    if (p.type !== "literal") fields[p.type] = Number(p.value);
  }
  const year = fields.year ?? NaN;
  const month = fields.month ?? NaN;
  const day = fields.day ?? NaN;
  return {
    year,
    month,
    day,
    hour: fields.hour ?? NaN,
    minute: fields.minute ?? NaN,
    second: fields.second ?? NaN,
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
  };
}

/** The wall clock read as if it were UTC: the local time on a linear scale, for arithmetic. */
function wallMs(t: number, timeZone: string): number {
  const w = wallClockAt(t, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) + (((t % 1000) + 1000) % 1000);
}

/**
 * Every instant whose local wall clock reads `localMs` (a wall time on the linear scale), earliest
 * first: one normally, two in a DST fall-back overlap. In a spring-forward gap the time never shows,
 * so the answer is the first instant after the gap (the moment the clock jumps past it).
 */
function instantsForWallTime(localMs: number, timeZone: string): number[] {
  // A zone's offset is within ±14h and changes at most once in a couple of days, so the offsets a day
  // either side include every offset that could apply at this wall time.
  const offsets = new Set([localMs - DAY, localMs, localMs + DAY].map((t) => wallMs(t, timeZone) - t));
  const found = [...offsets].map((o) => localMs - o).filter((t) => wallMs(t, timeZone) === localMs);
  if (found.length > 0) return [...new Set(found)].sort((a, b) => a - b);

  // Gap: binary search the first instant whose wall clock has reached localMs, to the second.
  let lo = Math.floor((localMs - 15 * HOUR) / 1000); // wall clock still before localMs
  let hi = Math.ceil((localMs + 15 * HOUR) / 1000); // wall clock already past it
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (wallMs(mid * 1000, timeZone) >= localMs) hi = mid;
    else lo = mid;
  }
  return [hi * 1000];
}

/**
 * The instant at which a local date and time occur in a zone. In an overlap the earlier of the two;
 * in a gap the moment the clock jumps past it (as Temporal's "compatible" does for a gap's start).
 */
export function zonedTimeToInstant(
  local: { year: number; month: number; day: number; hour: number; minute: number; second?: number },
  timeZone: string,
): Date {
  const localMs = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second ?? 0);
  const [first] = instantsForWallTime(localMs, timeZone);
  return new Date(first ?? NaN);
}

const pad2 = (n: number) => String(n).padStart(2, "0");
const dayMonth = (w: WallClock) => `${pad2(w.day)}/${pad2(w.month)}`;

/** "25/11 às 08:00", in the customer's zone. */
export function formatOpening(date: Date, timeZone: string): string {
  const w = wallClockAt(date, timeZone);
  return `${dayMonth(w)} às ${pad2(w.hour)}:${pad2(w.minute)}`;
}

/**
 * Whether the category waits for the window. `operationalNotice` exempts an `aviso` (outage,
 * maintenance); it cannot exempt collection or marketing, which the laws and our policy bind.
 */
export function isWindowBound(category: SmsCategory, options?: { operationalNotice?: boolean }): boolean {
  switch (category) {
    case "operacional":
      return false;
    case "aviso":
      return !options?.operationalNotice;
    case "cobranca":
    case "marketing":
      return true;
  }
}

export interface SendWindowContext {
  uf: Uf;
  /** IANA zone of the customer, e.g. one of BRAZIL_TIME_ZONES. */
  timeZone: string;
  category: SmsCategory;
  /** The admin's override (sendWindowRulesSchema); UFs it leaves out keep the defaults. */
  rules?: SendWindowRules;
  /** Marks an `aviso` as an operational notice, not bound by the window. */
  operationalNotice?: boolean;
}

export type WindowState = { open: true } | { open: false; nextOpening: Date; reason: string };

const CATEGORY_LABEL: Readonly<Record<SmsCategory, string>> = {
  cobranca: "cobrança",
  marketing: "marketing",
  aviso: "avisos",
  operacional: "avisos operacionais",
};

// Rules objects are validated once; the drain passes the same override for many messages.
const validated = new WeakSet<WeekRules>();

function checkedRules(uf: Uf, override: SendWindowRules | undefined): WeekRules {
  const rules = rulesFor(uf, override);
  if (validated.has(rules)) return rules;
  if (rules.weekday === null && rules.saturday === null && rules.sunday === null) {
    throw new SendWindowError(`Nenhum horário de envio definido para ${uf}: todos os dias estão fechados.`);
  }
  const parsed = weekRulesSchema.safeParse(rules);
  if (!parsed.success) {
    throw new SendWindowError(`Regras de horário inválidas para ${uf}: ${parsed.error.issues[0]?.message ?? ""}`);
  }
  validated.add(rules);
  return rules;
}

/** The range of a local date, or null when closed (by the rules or a national holiday). */
function dayRule(rules: WeekRules, year: number, month: number, day: number, weekday: number): DayRule {
  if (nationalHolidayOn(year, month, day) !== null) return null;
  if (weekday === 0) return rules.sunday;
  if (weekday === 6) return rules.saturday;
  return rules.weekday;
}

function isOpenAt(t: number, rules: WeekRules, timeZone: string): boolean {
  const w = wallClockAt(t, timeZone);
  const range = dayRule(rules, w.year, w.month, w.day, w.weekday);
  if (!range) return false;
  const sinceMidnight = wallMs(t, timeZone) - Date.UTC(w.year, w.month - 1, w.day);
  return sinceMidnight >= hhmmToMinutes(range.start) * MINUTE && sinceMidnight < hhmmToMinutes(range.end) * MINUTE;
}

/** The instant in (from, to] at which the zone's offset changes, if it does (at most once in a span this short). */
function offsetChangeIn(from: number, to: number, timeZone: string): number | null {
  const offsetAt = (t: number) => wallMs(t, timeZone) - t;
  const before = offsetAt(from);
  if (offsetAt(to) === before) return null;
  let lo = Math.floor(from / 1000);
  let hi = Math.ceil(to / 1000);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(mid * 1000) === before) lo = mid;
    else hi = mid;
  }
  return hi * 1000;
}

/**
 * The instants at which the window may open during a local date (`date` = its midnight on the linear
 * scale): the start of its range, and any clock change near it, since a clock set back can land
 * inside a range that was already over.
 */
function openingCandidates(date: number, rules: WeekRules, timeZone: string): number[] {
  const d = new Date(date);
  const range = dayRule(rules, d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCDay());
  const found = range ? instantsForWallTime(date + hhmmToMinutes(range.start) * MINUTE, timeZone) : [];
  const jump = offsetChangeIn(date - 15 * HOUR, date + DAY + 15 * HOUR, timeZone);
  return jump === null ? found : [...found, jump];
}

/** The first instant after `t` at which the window is open; `t` itself is closed. */
function nextOpeningAfter(t: number, rules: WeekRules, timeZone: string, uf: Uf): number {
  const w = wallClockAt(t, timeZone);
  let best = Infinity;
  // From the day before: a clock set back across midnight can make an earlier local date come back.
  let date = Date.UTC(w.year, w.month - 1, w.day) - DAY;
  for (let i = 0; i < MAX_DAYS_SEARCHED; i++, date += DAY) {
    // No instant of this local date or later can come before `best` (offsets stay within ±15h).
    if (date - 15 * HOUR > best) return best;
    for (const candidate of openingCandidates(date, rules, timeZone)) {
      // A start inside a DST gap can land past a range that lies wholly in the gap: check, don't assume.
      if (candidate > t && candidate < best && isOpenAt(candidate, rules, timeZone)) best = candidate;
    }
  }
  if (best !== Infinity) return best;
  throw new SendWindowError(`Nenhuma abertura da janela de envio para ${uf} nos próximos ${MAX_DAYS_SEARCHED} dias.`);
}

/**
 * Whether a message of this category may be sent at `instant` to a customer in `ctx.uf`/`ctx.timeZone`;
 * when not, the first instant the window opens and a pt-BR reason for the operator.
 * Throws SendWindowError for an invalid zone or rules that are closed every day.
 */
export function windowAt(instant: Date, ctx: SendWindowContext): WindowState {
  if (!isWindowBound(ctx.category, { operationalNotice: ctx.operationalNotice })) return { open: true };
  const t = epochMs(instant);
  const rules = checkedRules(ctx.uf, ctx.rules);
  if (isOpenAt(t, rules, ctx.timeZone)) return { open: true };

  const nextOpening = new Date(nextOpeningAfter(t, rules, ctx.timeZone, ctx.uf));
  const w = wallClockAt(t, ctx.timeZone);
  const holiday = nationalHolidayOn(w.year, w.month, w.day);
  const label = CATEGORY_LABEL[ctx.category];
  const allowed = `${ctx.uf} (${describeWeekRules(rules)})`;
  const lead = holiday
    ? `Feriado nacional (${holiday}, ${dayMonth(w)}): envio de ${label} não permitido em ${allowed}.`
    : `Fora do horário permitido para ${label} em ${allowed}.`;
  return { open: false, nextOpening, reason: `${lead} Agendada para ${formatOpening(nextOpening, ctx.timeZone)}.` };
}
