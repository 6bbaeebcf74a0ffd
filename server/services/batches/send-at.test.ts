// Protects the time typed for "Agendar": dd/mm/aaaa and HH:mm in São Paulo time whatever the
// browser's language, refusing hours, minutes and days that do not exist instead of rolling them over.
import { describe, expect, it } from "vitest";
import { formatPanelTime, inputsFromSendAt, maskTime, sendAtFromInputs } from "./send-at";

describe("send-at", () => {
  it("masks the digits typed as HH:mm", () => {
    expect(maskTime("9")).toBe("9");
    expect(maskTime("093")).toBe("09:3");
    expect(maskTime("0930")).toBe("09:30");
    expect(maskTime("09:30")).toBe("09:30");
    expect(maskTime("9h30min")).toBe("93:0");
    expect(maskTime("123456")).toBe("12:34");
  });

  it("reads a date and time in São Paulo time", () => {
    const at = sendAtFromInputs("2027-03-08", "08:05")!;
    expect(at.toISOString()).toBe("2027-03-08T11:05:00.000Z");
    expect(inputsFromSendAt(at)).toEqual({ date: "2027-03-08", time: "08:05" });
    expect(formatPanelTime(at, { now: new Date("2027-01-01T12:00:00Z") })).toBe("seg 08/03 08:05");
  });

  it("refuses times and days that do not exist instead of rolling them over", () => {
    expect(sendAtFromInputs("2027-03-08", "24:00")).toBeNull();
    expect(sendAtFromInputs("2027-03-08", "08:60")).toBeNull();
    expect(sendAtFromInputs("2027-02-31", "08:00")).toBeNull();
    expect(sendAtFromInputs("2027-03-08", "8:00")).toBeNull();
    expect(sendAtFromInputs("", "08:00")).toBeNull();
  });
});
