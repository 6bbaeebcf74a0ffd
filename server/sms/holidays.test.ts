// Protects the national holiday calendar that closes the send window: fixed dates, Nov 20 from 2024, Good Friday from Easter.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { brazilianNationalHolidays, easterSunday, nationalHolidayOn } from "./holidays";

describe("easterSunday", () => {
  it.each([
    [1818, 3, 22], // earliest possible date
    [1943, 4, 25], // latest possible date
    [2019, 4, 21],
    [2024, 3, 31],
    [2025, 4, 20],
    [2026, 4, 5],
    [2027, 3, 28],
    [2038, 4, 25],
  ])("%i → %i/%i", (year, month, day) => {
    expect(easterSunday(year)).toEqual({ month, day });
  });

  it("is always a Sunday between 22 March and 25 April", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 9999 }), (year) => {
        const { month, day } = easterSunday(year);
        expect(new Date(Date.UTC(year, month - 1, day)).getUTCDay()).toBe(0);
        expect(month * 100 + day).toBeGreaterThanOrEqual(322);
        expect(month * 100 + day).toBeLessThanOrEqual(425);
      }),
    );
  });
});

describe("brazilianNationalHolidays", () => {
  it.each([
    [2025, "2025-04-18"],
    [2026, "2026-04-03"],
    [2027, "2027-03-26"],
  ])("Good Friday %i is %s", (year, date) => {
    expect(brazilianNationalHolidays(year)).toContainEqual({ date, name: "Sexta-feira Santa" });
  });

  it("lists the 2026 calendar", () => {
    expect(brazilianNationalHolidays(2026).map((h) => h.date)).toEqual([
      "2026-01-01",
      "2026-04-03",
      "2026-04-21",
      "2026-05-01",
      "2026-09-07",
      "2026-10-12",
      "2026-11-02",
      "2026-11-15",
      "2026-11-20",
      "2026-12-25",
    ]);
  });

  it("has Nov 20 only from 2024 (Lei 14.759/2023)", () => {
    expect(nationalHolidayOn(2023, 11, 20)).toBeNull();
    expect(nationalHolidayOn(2024, 11, 20)).toBe("Dia Nacional de Zumbi e da Consciência Negra");
  });

  it("does not count Carnival, Ash Wednesday or Corpus Christi (pontos facultativos)", () => {
    expect(nationalHolidayOn(2026, 2, 16)).toBeNull();
    expect(nationalHolidayOn(2026, 2, 17)).toBeNull();
    expect(nationalHolidayOn(2026, 2, 18)).toBeNull();
    expect(nationalHolidayOn(2026, 6, 4)).toBeNull();
  });

  it("names the holiday of a date", () => {
    expect(nationalHolidayOn(2026, 1, 1)).toBe("Confraternização Universal");
    expect(nationalHolidayOn(2026, 12, 25)).toBe("Natal");
    expect(nationalHolidayOn(2026, 12, 24)).toBeNull();
  });

  it("refuses years the Gregorian algorithm does not cover", () => {
    expect(() => brazilianNationalHolidays(1582)).toThrow(RangeError);
    expect(() => brazilianNationalHolidays(2026.5)).toThrow(RangeError);
  });

  it("merges Good Friday into Tiradentes when both fall on 21 April", () => {
    expect(nationalHolidayOn(2000, 4, 21)).toBe("Tiradentes e Sexta-feira Santa");
    expect(brazilianNationalHolidays(2079).filter((h) => h.date === "2079-04-21")).toEqual([
      { date: "2079-04-21", name: "Tiradentes e Sexta-feira Santa" },
    ]);
  });

  it("is sorted, unique, has Good Friday on a Friday, and one entry per holiday", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 9999 }), (year) => {
        const list = brazilianNationalHolidays(year);
        const dates = list.map((h) => h.date);
        expect(dates).toEqual([...new Set(dates)].sort());
        const goodFriday = list.find((h) => h.name.endsWith("Sexta-feira Santa"));
        expect(new Date(`${goodFriday?.date}T12:00:00Z`).getUTCDay()).toBe(5);
        const merged = goodFriday?.date.endsWith("-04-21") ? 1 : 0;
        expect(list).toHaveLength((year >= 2024 ? 10 : 9) - merged);
      }),
      { numRuns: 500 },
    );
  });
});
