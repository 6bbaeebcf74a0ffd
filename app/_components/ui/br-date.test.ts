// Protects the dd/mm/aaaa date fields of the filters: the mask while typing and the calendar check.
import { describe, expect, it } from "vitest";
import { formatBrDate, maskBrDate, parseBrDate } from "./br-date";

describe("dd/mm/aaaa dates", () => {
  it("masks the digits as they are typed, ignoring anything else", () => {
    expect(maskBrDate("1")).toBe("1");
    expect(maskBrDate("160")).toBe("16/0");
    expect(maskBrDate("1603")).toBe("16/03");
    expect(maskBrDate("16032026")).toBe("16/03/2026");
    expect(maskBrDate("16/03/20261")).toBe("16/03/2026");
    expect(maskBrDate("16-03-2026")).toBe("16/03/2026");
    expect(maskBrDate("")).toBe("");
  });

  it("reads a whole calendar day only", () => {
    expect(parseBrDate("16/03/2026")).toBe("2026-03-16");
    expect(parseBrDate("29/02/2028")).toBe("2028-02-29");
    for (const bad of ["29/02/2026", "31/04/2026", "00/01/2026", "12/13/2026", "16/03/26", "16/03", "", "03/16/2026"]) expect(parseBrDate(bad)).toBeNull();
  });

  it("shows a stored day the Brazilian way", () => {
    expect(formatBrDate("2026-03-16")).toBe("16/03/2026");
    expect(formatBrDate("")).toBe("");
  });
});
