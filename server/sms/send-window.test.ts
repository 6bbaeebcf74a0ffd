// Protects the legal send windows for collection SMS: per-UF hours in the customer's zone, holidays closed, and a nextOpening that is the true first opening.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { UFS, type SmsCategory, type Uf } from "@/db/schema/constants";
import { brazilianNationalHolidays } from "./holidays";
import {
  BRAZIL_TIME_ZONES,
  SendWindowError,
  formatOpening,
  isWindowBound,
  wallClockAt,
  windowAt,
  zonedTimeToInstant,
  type SendWindowContext,
} from "./send-window";
import { rulesFor, type DayRule, type WeekRules } from "./send-window-rules";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const QUARTER = 15 * MINUTE;

const ctx = (uf: Uf, timeZone: string, category: SmsCategory = "cobranca"): SendWindowContext => ({ uf, timeZone, category });
const openAt = (iso: string, c: SendWindowContext) => windowAt(new Date(iso), c).open;
function nextOpeningOf(iso: string, c: SendWindowContext): string {
  const s = windowAt(new Date(iso), c);
  if (s.open) throw new Error(`expected ${iso} to be closed`);
  return s.nextOpening.toISOString();
}

// ---- An independent reading of the rules, straight from Intl, to check windowAt against. ----

const oracleFormatters = new Map<string, Intl.DateTimeFormat>();
function local(t: number, timeZone: string) {
  let f = oracleFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      weekday: "short",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    oracleFormatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(t).map((x) => [x.type, x.value]));
  return {
    date: `${p.year}-${p.month}-${p.day}`,
    weekday: p.weekday,
    seconds: Number(p.hour) * 3600 + Number(p.minute) * 60 + Number(p.second),
    /** The wall clock on a linear scale, to detect offset changes. */
    wall: Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)),
  };
}
const seconds = (hhmm: string) => Number(hhmm.slice(0, 2)) * 3600 + Number(hhmm.slice(3, 5)) * 60;

function oracleRange(t: number, timeZone: string, rules: WeekRules): DayRule {
  const l = local(t, timeZone);
  if (brazilianNationalHolidays(Number(l.date.slice(0, 4))).some((h) => h.date === l.date)) return null;
  return l.weekday === "Sun" ? rules.sunday : l.weekday === "Sat" ? rules.saturday : rules.weekday;
}
function oracleOpen(t: number, timeZone: string, rules: WeekRules): boolean {
  const range = oracleRange(t, timeZone, rules);
  const s = local(t, timeZone).seconds;
  return range !== null && s >= seconds(range.start) && s < seconds(range.end);
}

/**
 * The contract of windowAt at one instant. Sampling every 15 minutes is exhaustive for rules on a
 * 30-minute grid in zones whose offsets are multiples of 30 minutes: every open stretch contains its
 * start, which is a sample. Returns the wait, for callers that bound it.
 */
function checkContract(t: number, c: SendWindowContext, opts: { allowAtJump?: boolean } = {}): number {
  const rules = rulesFor(c.uf, c.rules);
  const s = windowAt(new Date(t), c);
  expect(s.open).toBe(oracleOpen(t, c.timeZone, rules));
  if (s.open) {
    const range = oracleRange(t, c.timeZone, rules);
    expect(range).not.toBeNull();
    return 0;
  }
  const next = s.nextOpening.getTime();
  expect(next).toBeGreaterThan(t);
  expect(windowAt(s.nextOpening, c).open).toBe(true);
  expect(oracleOpen(next - 1, c.timeZone, rules)).toBe(false);
  for (let u = Math.ceil((t + 1) / QUARTER) * QUARTER; u < next; u += QUARTER) {
    expect(oracleOpen(u, c.timeZone, rules)).toBe(false);
  }
  const range = oracleRange(next, c.timeZone, rules);
  const onStart = range !== null && local(next, c.timeZone).seconds === seconds(range.start);
  // With DST the window can also open at a clock change: past a start that fell in a gap, or set
  // back into a range that was over.
  const atJump = local(next, c.timeZone).wall - next !== local(next - 1000, c.timeZone).wall - (next - 1000);
  expect(onStart || (opts.allowAtJump === true && atJump)).toBe(true);
  expect(s.reason).toMatch(/^(Fora do horário permitido|Feriado nacional).* Agendada para \d\d\/\d\d às \d\d:\d\d\.$/);
  expect(s.reason).toContain(formatOpening(s.nextOpening, c.timeZone));
  return next - t;
}

// ---- Examples, one block per row of brazil-sms.md's table (Mon 23 … Sun 29 Nov 2026). ----

describe("windowAt — the table, row by row", () => {
  it.each([
    // SP: weekdays 08–20, Saturday 08–14, Sunday none
    ["SP", "America/Sao_Paulo", "2026-11-23T07:59:00-03:00", false],
    ["SP", "America/Sao_Paulo", "2026-11-23T07:59:59.999-03:00", false],
    ["SP", "America/Sao_Paulo", "2026-11-23T08:00:00-03:00", true],
    ["SP", "America/Sao_Paulo", "2026-11-23T19:59:59-03:00", true],
    ["SP", "America/Sao_Paulo", "2026-11-23T20:00:00-03:00", false],
    ["SP", "America/Sao_Paulo", "2026-11-28T07:59:00-03:00", false],
    ["SP", "America/Sao_Paulo", "2026-11-28T08:00:00-03:00", true],
    ["SP", "America/Sao_Paulo", "2026-11-28T13:59:59-03:00", true],
    ["SP", "America/Sao_Paulo", "2026-11-28T14:00:00-03:00", false],
    ["SP", "America/Sao_Paulo", "2026-11-29T12:00:00-03:00", false],
    // RJ: weekdays 09–19 only
    ["RJ", "America/Sao_Paulo", "2026-11-24T08:59:59-03:00", false],
    ["RJ", "America/Sao_Paulo", "2026-11-24T09:00:00-03:00", true],
    ["RJ", "America/Sao_Paulo", "2026-11-24T18:59:59-03:00", true],
    ["RJ", "America/Sao_Paulo", "2026-11-24T19:00:00-03:00", false],
    ["RJ", "America/Sao_Paulo", "2026-11-28T10:00:00-03:00", false],
    ["RJ", "America/Sao_Paulo", "2026-11-29T10:00:00-03:00", false],
    // ES: weekdays 08–19 only
    ["ES", "America/Sao_Paulo", "2026-11-25T07:59:00-03:00", false],
    ["ES", "America/Sao_Paulo", "2026-11-25T08:00:00-03:00", true],
    ["ES", "America/Sao_Paulo", "2026-11-25T18:59:59-03:00", true],
    ["ES", "America/Sao_Paulo", "2026-11-25T19:00:00-03:00", false],
    ["ES", "America/Sao_Paulo", "2026-11-28T10:00:00-03:00", false],
    // AM: weekdays until 19 (from 08:00, our choice), in Manaus time
    ["AM", "America/Manaus", "2026-11-26T07:59:59-04:00", false],
    ["AM", "America/Manaus", "2026-11-26T08:00:00-04:00", true],
    ["AM", "America/Manaus", "2026-11-26T18:59:59-04:00", true],
    ["AM", "America/Manaus", "2026-11-26T19:00:00-04:00", false],
    ["AM", "America/Manaus", "2026-11-28T10:00:00-04:00", false],
    // AL: weekdays 08–20, Saturday 08–14
    ["AL", "America/Maceio", "2026-11-27T07:59:59-03:00", false],
    ["AL", "America/Maceio", "2026-11-27T08:00:00-03:00", true],
    ["AL", "America/Maceio", "2026-11-27T19:59:59-03:00", true],
    ["AL", "America/Maceio", "2026-11-27T20:00:00-03:00", false],
    ["AL", "America/Maceio", "2026-11-28T13:59:59-03:00", true],
    ["AL", "America/Maceio", "2026-11-28T14:00:00-03:00", false],
    ["AL", "America/Maceio", "2026-11-29T10:00:00-03:00", false],
    // CE: weekdays 08–18; "—" on the weekend read as closed
    ["CE", "America/Fortaleza", "2026-11-23T07:59:59-03:00", false],
    ["CE", "America/Fortaleza", "2026-11-23T08:00:00-03:00", true],
    ["CE", "America/Fortaleza", "2026-11-23T17:59:59-03:00", true],
    ["CE", "America/Fortaleza", "2026-11-23T18:00:00-03:00", false],
    ["CE", "America/Fortaleza", "2026-11-28T09:00:00-03:00", false],
    ["CE", "America/Fortaleza", "2026-11-29T09:00:00-03:00", false],
    // Everyone else: the safe default, weekdays 08–18
    ["MG", "America/Sao_Paulo", "2026-11-23T07:59:59-03:00", false],
    ["MG", "America/Sao_Paulo", "2026-11-23T08:00:00-03:00", true],
    ["MG", "America/Sao_Paulo", "2026-11-23T17:59:59-03:00", true],
    ["MG", "America/Sao_Paulo", "2026-11-23T18:00:00-03:00", false],
    ["MG", "America/Sao_Paulo", "2026-11-28T10:00:00-03:00", false],
    ["AC", "America/Rio_Branco", "2026-11-23T08:00:00-05:00", true],
    ["AC", "America/Rio_Branco", "2026-11-23T18:00:00-05:00", false],
    ["PE", "America/Noronha", "2026-11-23T08:00:00-02:00", true],
    ["PE", "America/Noronha", "2026-11-23T07:59:59-02:00", false],
  ] as const)("%s (%s) at %s → open %s", (uf, tz, iso, open) => {
    expect(openAt(iso, ctx(uf, tz))).toBe(open);
  });

  it("reads the clock in the customer's zone, not the UF's capital", () => {
    // 08:30 in São Paulo is 07:30 in Manaus.
    expect(openAt("2026-11-23T07:30:00-04:00", ctx("SP", "America/Manaus"))).toBe(false);
    expect(openAt("2026-11-23T07:30:00-04:00", ctx("SP", "America/Sao_Paulo"))).toBe(true);
  });
});

describe("windowAt — next opening and reason", () => {
  it("says when and why, in pt-BR", () => {
    expect(windowAt(new Date("2025-11-24T20:00:00-03:00"), ctx("SP", "America/Sao_Paulo"))).toEqual({
      open: false,
      nextOpening: new Date("2025-11-25T08:00:00-03:00"),
      reason: "Fora do horário permitido para cobrança em SP (seg–sex 08h–20h, sáb 08h–14h). Agendada para 25/11 às 08:00.",
    });
  });

  it.each([
    ["SP Friday 20:00 → Saturday 08:00", "SP", "2026-11-27T20:00:00-03:00", "2026-11-28T08:00:00-03:00"],
    ["SP Saturday 14:00 → Monday 08:00", "SP", "2026-11-28T14:00:00-03:00", "2026-11-30T08:00:00-03:00"],
    ["SP Sunday → Monday 08:00", "SP", "2026-11-29T12:00:00-03:00", "2026-11-30T08:00:00-03:00"],
    ["SP Monday 07:59 → 08:00 the same day", "SP", "2026-11-23T07:59:00-03:00", "2026-11-23T08:00:00-03:00"],
    ["RJ Friday 19:00 → Monday 09:00", "RJ", "2026-11-27T19:00:00-03:00", "2026-11-30T09:00:00-03:00"],
    ["SP 31 Dec 21:00 → 2 Jan 08:00 (1 Jan is a holiday)", "SP", "2025-12-31T21:00:00-03:00", "2026-01-02T08:00:00-03:00"],
    ["RJ 31 Dec 2026 21:00 → Monday 4 Jan 09:00", "RJ", "2026-12-31T21:00:00-03:00", "2027-01-04T09:00:00-03:00"],
    ["SP Good Friday 2026 → Saturday 08:00", "SP", "2026-04-03T10:00:00-03:00", "2026-04-04T08:00:00-03:00"],
    ["RJ Thursday before Good Friday → Monday 09:00", "RJ", "2026-04-02T19:00:00-03:00", "2026-04-06T09:00:00-03:00"],
    ["SP Nov 20 2026 (Friday) → Saturday 08:00", "SP", "2026-11-20T10:00:00-03:00", "2026-11-21T08:00:00-03:00"],
    ["MG Christmas Eve 18:00 → Monday 28 Dec 08:00", "MG", "2026-12-24T18:00:00-03:00", "2026-12-28T08:00:00-03:00"],
  ] as const)("%s", (_label, uf, iso, expected) => {
    expect(nextOpeningOf(iso, ctx(uf, "America/Sao_Paulo"))).toBe(new Date(expected).toISOString());
  });

  it("closes on Good Friday and Nov 20 like a Sunday, naming the holiday", () => {
    const s = windowAt(new Date("2026-04-03T10:00:00-03:00"), ctx("SP", "America/Sao_Paulo"));
    expect(s).toMatchObject({
      open: false,
      reason:
        "Feriado nacional (Sexta-feira Santa, 03/04): envio de cobrança não permitido em SP (seg–sex 08h–20h, sáb 08h–14h). Agendada para 04/04 às 08:00.",
    });
    expect(openAt("2025-04-18T10:00:00-03:00", ctx("SP", "America/Sao_Paulo"))).toBe(false);
    expect(openAt("2025-11-20T10:00:00-03:00", ctx("SP", "America/Sao_Paulo"))).toBe(false);
  });

  it("stays open on days that are not national holidays", () => {
    expect(openAt("2023-11-20T10:00:00-03:00", ctx("SP", "America/Sao_Paulo"))).toBe(true); // before Lei 14.759/2023
    expect(openAt("2026-02-17T10:00:00-03:00", ctx("SP", "America/Sao_Paulo"))).toBe(true); // Carnival Tuesday
    expect(openAt("2026-12-24T10:00:00-03:00", ctx("SP", "America/Sao_Paulo"))).toBe(true);
  });

  it("takes the holiday from the customer's local date", () => {
    // 22:00 on 31 Dec in Rio Branco is already 1 Jan in UTC, but not a holiday there yet: just late.
    const s = windowAt(new Date("2025-12-31T22:00:00-05:00"), ctx("AC", "America/Rio_Branco"));
    expect(s).toMatchObject({ open: false, reason: expect.stringMatching(/^Fora do horário permitido/) });
    expect(s.open === false && s.nextOpening.toISOString()).toBe(new Date("2026-01-02T08:00:00-05:00").toISOString());
  });
});

describe("categories", () => {
  it("binds cobrança and marketing, and avisos unless marked operational", () => {
    expect(isWindowBound("cobranca")).toBe(true);
    expect(isWindowBound("marketing")).toBe(true);
    expect(isWindowBound("aviso")).toBe(true);
    expect(isWindowBound("aviso", { operationalNotice: true })).toBe(false);
    expect(isWindowBound("operacional")).toBe(false);
    expect(isWindowBound("cobranca", { operationalNotice: true })).toBe(true);
    expect(isWindowBound("marketing", { operationalNotice: true })).toBe(true);
  });

  it("applies to windowAt, with the category in the reason", () => {
    const sunday = new Date("2026-11-29T12:00:00-03:00");
    const base = ctx("SP", "America/Sao_Paulo");
    expect(windowAt(sunday, { ...base, category: "operacional" })).toEqual({ open: true });
    expect(windowAt(sunday, { ...base, category: "aviso", operationalNotice: true })).toEqual({ open: true });
    expect(windowAt(sunday, { ...base, category: "cobranca", operationalNotice: true }).open).toBe(false);
    expect(windowAt(sunday, { ...base, category: "aviso" })).toMatchObject({
      open: false,
      reason: expect.stringMatching(/^Fora do horário permitido para avisos em SP/),
    });
    expect(windowAt(sunday, { ...base, category: "marketing" })).toMatchObject({
      open: false,
      reason: expect.stringMatching(/^Fora do horário permitido para marketing em SP/),
    });
  });
});

describe("overrides and errors", () => {
  const sundayMorning: WeekRules = { weekday: { start: "09:00", end: "17:00" }, saturday: null, sunday: { start: "10:00", end: "12:00" } };

  it("uses the admin's rules for the UF they cover, and the defaults elsewhere", () => {
    const rules = { SP: sundayMorning };
    expect(windowAt(new Date("2026-11-29T11:00:00-03:00"), { ...ctx("SP", "America/Sao_Paulo"), rules }).open).toBe(true);
    expect(windowAt(new Date("2026-11-23T08:30:00-03:00"), { ...ctx("SP", "America/Sao_Paulo"), rules })).toMatchObject({
      open: false,
      nextOpening: new Date("2026-11-23T09:00:00-03:00"),
      reason: "Fora do horário permitido para cobrança em SP (seg–sex 09h–17h, dom 10h–12h). Agendada para 23/11 às 09:00.",
    });
    expect(windowAt(new Date("2026-11-29T11:00:00-03:00"), { ...ctx("RJ", "America/Sao_Paulo"), rules }).open).toBe(false);
  });

  it("keeps holidays closed even when the override opens that weekday", () => {
    const rules = { SP: sundayMorning };
    // 2026-11-15 (Proclamação da República) is a Sunday.
    expect(nextOpeningOf("2026-11-15T11:00:00-03:00", { ...ctx("SP", "America/Sao_Paulo"), rules })).toBe(
      new Date("2026-11-16T09:00:00-03:00").toISOString(),
    );
  });

  it("refuses rules closed every day instead of searching forever", () => {
    const rules = { SP: { weekday: null, saturday: null, sunday: null } };
    const run = () => windowAt(new Date("2026-11-23T10:00:00-03:00"), { ...ctx("SP", "America/Sao_Paulo"), rules });
    expect(run).toThrow(SendWindowError);
    expect(run).toThrow("Nenhum horário de envio definido para SP: todos os dias estão fechados.");
  });

  it("refuses malformed rules, zones and dates", () => {
    const rules = { SP: { weekday: { start: "20:00", end: "08:00" }, saturday: null, sunday: null } };
    expect(() => windowAt(new Date(), { ...ctx("SP", "America/Sao_Paulo"), rules })).toThrow(
      "Regras de horário inválidas para SP: O horário inicial deve ser anterior ao final.",
    );
    expect(() => windowAt(new Date(), ctx("SP", "America/Atlantis"))).toThrow("Fuso horário inválido: America/Atlantis");
    expect(() => windowAt(new Date(NaN), ctx("SP", "America/Sao_Paulo"))).toThrow(SendWindowError);
  });
});

describe("formatOpening", () => {
  it("shows day/month and time in the given zone", () => {
    const instant = new Date("2025-11-25T11:00:00Z");
    expect(formatOpening(instant, "America/Sao_Paulo")).toBe("25/11 às 08:00");
    expect(formatOpening(instant, "America/Manaus")).toBe("25/11 às 07:00");
    expect(formatOpening(instant, "America/Noronha")).toBe("25/11 às 09:00");
    expect(formatOpening(new Date("2026-01-02T03:05:00Z"), "America/Rio_Branco")).toBe("01/01 às 22:05");
  });
});

// ---- Local time ↔ instant, including zones and years with daylight saving. ----

const DST_ZONES = ["America/New_York", "Europe/London", "Australia/Lord_Howe", "America/Sao_Paulo"] as const;
const anyZone = fc.constantFrom(...BRAZIL_TIME_ZONES, ...DST_ZONES);
const anySecond = fc.integer({ min: Date.UTC(1990, 0, 1) / 1000, max: Date.UTC(2100, 0, 1) / 1000 });

describe("zonedTimeToInstant", () => {
  it.each([
    // São Paulo's last DST: clocks jumped 00:00 → 01:00 on 2018-11-04, and fell back 00:00 → 23:00 on 2019-02-17.
    ["gap start", "America/Sao_Paulo", [2018, 11, 4, 0, 0], "2018-11-04T03:00:00.000Z"],
    ["inside the gap", "America/Sao_Paulo", [2018, 11, 4, 0, 30], "2018-11-04T03:00:00.000Z"],
    ["overlap: the earlier", "America/Sao_Paulo", [2019, 2, 16, 23, 30], "2019-02-17T01:30:00.000Z"],
    ["after DST", "America/Sao_Paulo", [2019, 2, 17, 8, 0], "2019-02-17T11:00:00.000Z"],
    ["New York gap", "America/New_York", [2026, 3, 8, 2, 30], "2026-03-08T07:00:00.000Z"],
    ["New York overlap", "America/New_York", [2026, 11, 1, 1, 30], "2026-11-01T05:30:00.000Z"],
    ["Lord Howe half-hour gap", "Australia/Lord_Howe", [2026, 10, 4, 2, 15], "2026-10-03T15:30:00.000Z"],
    ["Noronha", "America/Noronha", [2026, 11, 23, 8, 0], "2026-11-23T10:00:00.000Z"],
  ] as const)("%s", (_label, tz, [year, month, day, hour, minute], iso) => {
    expect(zonedTimeToInstant({ year, month, day, hour, minute }, tz).toISOString()).toBe(iso);
  });

  it("round-trips instant → wall clock → instant (the earlier one in an overlap)", () => {
    fc.assert(
      fc.property(anyZone, anySecond, (tz, sec) => {
        const t = sec * 1000;
        const w = wallClockAt(t, tz);
        const back = zonedTimeToInstant(w, tz).getTime();
        expect(wallClockAt(back, tz)).toEqual(w);
        expect(back).toBeLessThanOrEqual(t);
        if (back !== t) expect(local(back, tz).wall - back).not.toBe(local(t, tz).wall - t);
        if ((BRAZIL_TIME_ZONES as readonly string[]).includes(tz) && t >= Date.UTC(2020, 0, 1)) expect(back).toBe(t);
      }),
      { numRuns: 2000 },
    );
  });

  it("round-trips wall clock → instant → wall clock, except inside a gap", () => {
    fc.assert(
      fc.property(anyZone, anySecond, (tz, sec) => {
        const w = wallClockAt(sec * 1000, tz);
        // Shift the wall time so it sometimes lands in a gap rather than always on a real reading.
        const wanted = { ...w, minute: (w.minute + 17) % 60 };
        const i = zonedTimeToInstant(wanted, tz).getTime();
        const got = wallClockAt(i, tz);
        const wantedMs = Date.UTC(wanted.year, wanted.month - 1, wanted.day, wanted.hour, wanted.minute, wanted.second);
        if (local(i, tz).wall === wantedMs) {
          expect({ ...got, weekday: 0 }).toEqual({ ...wanted, weekday: 0 });
        } else {
          // In a gap: the first instant after it, so the second before still reads earlier.
          expect(local(i - 1000, tz).wall).toBeLessThan(wantedMs);
          expect(local(i, tz).wall).toBeGreaterThan(wantedMs);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

// ---- Properties of windowAt. ----

const boundCategory = fc.constantFrom<SmsCategory>("cobranca", "marketing", "aviso");
const anyUf = fc.constantFrom(...UFS);
const in2026 = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) - 1 });
const anyInstant = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) });

describe("windowAt — properties in every Brazilian zone", () => {
  it.each(BRAZIL_TIME_ZONES)("%s: open exactly inside the rules; otherwise the first opening, under 10 days away", (tz) => {
    fc.assert(
      fc.property(anyUf, boundCategory, fc.oneof(in2026, anyInstant), (uf, category, t) => {
        const wait = checkContract(t, ctx(uf, tz, category));
        expect(wait).toBeLessThan(10 * DAY);
      }),
      { numRuns: 150 },
    );
  });

  it("lets operational messages through at any instant, in any zone and UF", () => {
    fc.assert(
      fc.property(anyUf, fc.constantFrom(...BRAZIL_TIME_ZONES), anyInstant, fc.boolean(), (uf, tz, t, asNotice) => {
        const c: SendWindowContext = asNotice
          ? { ...ctx(uf, tz, "aviso"), operationalNotice: true }
          : ctx(uf, tz, "operacional");
        expect(windowAt(new Date(t), c)).toEqual({ open: true });
      }),
    );
  });

  it("never waits 10 days with the built-in rules (hourly sweep of 2025–2026, the two kinds of week)", () => {
    let longest = 0;
    for (const uf of ["SP", "MG"] as const) {
      for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2027, 0, 1); t += HOUR) {
        const s = windowAt(new Date(t), ctx(uf, "America/Sao_Paulo"));
        if (!s.open) longest = Math.max(longest, s.nextOpening.getTime() - t);
      }
    }
    // Thursday 17 Apr 2025 18:00 → Tuesday 22 Apr 08:00: Good Friday, the weekend, then Tiradentes on Monday.
    expect(longest).toBe(4 * DAY + 14 * HOUR);
  });
});

describe("windowAt — properties with custom rules under daylight saving", () => {
  // Starts at and around midnight and 01:00–02:30 hit São Paulo's old DST and New York's.
  const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
  const range = fc
    .tuple(fc.constantFrom(0, 30, 60, 90, 120, 150, 480, 1320, 1380, 1410), fc.integer({ min: 1, max: 48 }))
    .map(([start, halfHours]) => ({ start: hhmm(start), end: hhmm(Math.min(1440, start + 30 * halfHours)) }));
  const dayRule = fc.option(range, { nil: null });
  const weekRules = fc
    .record({ weekday: dayRule, saturday: dayRule, sunday: dayRule })
    .filter((w) => w.weekday !== null || w.saturday !== null || w.sunday !== null);
  const zoneAndInstant = fc.oneof(
    fc.tuple(fc.constant("America/Sao_Paulo"), fc.integer({ min: Date.UTC(2016, 0, 1), max: Date.UTC(2019, 11, 31) })),
    fc.tuple(fc.constantFrom("America/New_York", "Europe/London", "Australia/Lord_Howe"), fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 11, 31) })),
    // Near the transitions, where mistakes live.
    fc.tuple(fc.constant("America/Sao_Paulo"), fc.integer({ min: -3 * DAY, max: 3 * DAY }).map((d) => Date.UTC(2018, 10, 4, 3) + d)),
    fc.tuple(fc.constant("America/Sao_Paulo"), fc.integer({ min: -3 * DAY, max: 3 * DAY }).map((d) => Date.UTC(2019, 1, 17, 2) + d)),
    fc.tuple(fc.constant("America/New_York"), fc.integer({ min: -3 * DAY, max: 3 * DAY }).map((d) => Date.UTC(2026, 2, 8, 7) + d)),
    fc.tuple(fc.constant("America/New_York"), fc.integer({ min: -3 * DAY, max: 3 * DAY }).map((d) => Date.UTC(2026, 10, 1, 6) + d)),
  );

  it("keeps the contract: open exactly inside the rules, nextOpening the first opening", () => {
    fc.assert(
      fc.property(weekRules, zoneAndInstant, (rules, [tz, t]) => {
        checkContract(t, { uf: "SP", timeZone: tz, category: "cobranca", rules: { SP: rules } }, { allowAtJump: true });
      }),
      { numRuns: 400 },
    );
  });

  it("opens at the clock jump when the start falls in a gap, and again when the clock is set back into a range", () => {
    const withRules = (rules: WeekRules): SendWindowContext => ({ uf: "SP", timeZone: "America/Sao_Paulo", category: "cobranca", rules: { SP: rules } });
    // Sunday 2018-11-04's 00:00 never happened: at 03:00Z the clock jumped from 23:59:59 (Saturday) to 01:00.
    const c = withRules({ weekday: null, saturday: null, sunday: { start: "00:00", end: "06:00" } });
    expect(nextOpeningOf("2018-11-04T01:00:00Z", c)).toBe("2018-11-04T03:00:00.000Z");
    expect(formatOpening(new Date("2018-11-04T03:00:00Z"), "America/Sao_Paulo")).toBe("04/11 às 01:00");
    // Saturday 2019-02-16: 23:30–24:00 happened twice (at -02, then at -03).
    const o = withRules({ weekday: null, saturday: { start: "23:30", end: "24:00" }, sunday: null });
    expect(windowAt(new Date("2019-02-17T01:45:00Z"), o).open).toBe(true);
    expect(windowAt(new Date("2019-02-17T02:10:00Z"), o).open).toBe(false);
    expect(nextOpeningOf("2019-02-17T02:10:00Z", o)).toBe("2019-02-17T02:30:00.000Z");
    // Closed at 23:59 (-02) after a range ending 23:30; the clock goes back to 23:00 (-03), inside it again.
    const back = withRules({ weekday: null, saturday: { start: "02:00", end: "23:30" }, sunday: null });
    expect(nextOpeningOf("2019-02-17T01:59:59.999Z", back)).toBe("2019-02-17T02:00:00.000Z");
  });
});
