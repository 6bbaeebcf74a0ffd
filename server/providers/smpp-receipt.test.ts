import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type DeliveryReceipt,
  formatDeliveryReceipt,
  messageStateStat,
  parseDeliveryReceipt,
  parseReceiptDate,
  receiptErrorCode,
  receiptStatus,
} from "./smpp-receipt";

describe("parseDeliveryReceipt", () => {
  it("reads the SMPP 3.4 Appendix B fields, dates in Brasília time by default", () => {
    const r = parseDeliveryReceipt("id:0A1B2C3D sub:001 dlvrd:001 submit date:2503101432 done date:2503101433 stat:DELIVRD err:000 text:Sua fatura vence");
    expect(r).toEqual({
      id: "0A1B2C3D",
      sub: "001",
      dlvrd: "001",
      submitDate: new Date("2025-03-10T17:32:00Z"),
      doneDate: new Date("2025-03-10T17:33:00Z"),
      stat: "DELIVRD",
      err: "000",
      text: "Sua fatura vence",
    });
  });

  it("takes the zone of the SMSC from the options", () => {
    const r = parseDeliveryReceipt("id:1 done date:2503101433 stat:DELIVRD", { utcOffsetMinutes: 0 });
    expect(r?.doneDate).toEqual(new Date("2025-03-10T14:33:00Z"));
  });

  it("accepts seconds, underscores in the keys, any case, and ignores look-alikes inside text", () => {
    const r = parseDeliveryReceipt("Id:abc_9 SUB:001 DLVRD:000 Submit_Date:250310143205 Done_Date:250310143259 Stat:undeliv Err:034 Text:stat:DELIVRD id:forged");
    expect(r).toMatchObject({ id: "abc_9", stat: "UNDELIV", err: "034", text: "stat:DELIVRD id:forged" });
    expect(r?.doneDate).toEqual(new Date("2025-03-10T17:32:59Z"));
  });

  it("keeps a receipt without dates or text, and drops an impossible date", () => {
    expect(parseDeliveryReceipt("id:77 stat:EXPIRED err:0")).toEqual({ id: "77", stat: "EXPIRED", err: "0" });
    expect(parseDeliveryReceipt("id:77 done date:2502301200 stat:DELIVRD")?.doneDate).toBeUndefined();
    expect(parseReceiptDate("2513011200")).toBeUndefined();
    expect(parseReceiptDate("25031012")).toBeUndefined();
  });

  it("is null for a text that is not a receipt", () => {
    expect(parseDeliveryReceipt("PARE")).toBeNull();
    expect(parseDeliveryReceipt("id:123 sub:001")).toBeNull();
    expect(parseDeliveryReceipt("stat:DELIVRD")).toBeNull();
    expect(parseDeliveryReceipt("")).toBeNull();
  });

  it("round-trips any generated receipt", () => {
    const minute = fc.integer({ min: Date.UTC(2000, 0, 1, 6) / 60_000, max: Date.UTC(2099, 11, 31, 18) / 60_000 }).map((m) => new Date(m * 60_000));
    const receipt: fc.Arbitrary<DeliveryReceipt> = fc.record({
      id: fc.stringMatching(/^[0-9A-Za-z_\-.]{1,64}$/),
      sub: fc.integer({ min: 0, max: 999 }).map((n) => String(n).padStart(3, "0")),
      dlvrd: fc.integer({ min: 0, max: 999 }).map((n) => String(n).padStart(3, "0")),
      submitDate: minute,
      doneDate: minute,
      stat: fc.constantFrom("DELIVRD", "EXPIRED", "DELETED", "UNDELIV", "ACCEPTD", "UNKNOWN", "REJECTD", "ENROUTE"),
      err: fc.integer({ min: 0, max: 999 }).map((n) => String(n).padStart(3, "0")),
      text: fc.string({ maxLength: 20 }),
    });
    const offset = fc.constantFrom(-300, -240, -180, -120, 0, 60);
    fc.assert(
      fc.property(receipt, offset, (r, utcOffsetMinutes) => {
        expect(parseDeliveryReceipt(formatDeliveryReceipt(r, { utcOffsetMinutes }), { utcOffsetMinutes })).toEqual(r);
      }),
    );
  });
});

describe("receipt status mapping (providers.md)", () => {
  it.each([
    ["DELIVRD", "delivered"],
    ["UNDELIV", "undelivered"],
    ["EXPIRED", "undelivered"],
    ["DELETED", "undelivered"],
    ["REJECTD", "failed"],
    ["ACCEPTD", "sent"],
    ["ENROUTE", "sent"],
    ["UNKNOWN", "sent"],
    ["delivered", "delivered"],
  ] as const)("%s → %s", (stat, status) => {
    expect(receiptStatus(stat)).toBe(status);
  });

  it("has no status for a word it does not know", () => {
    expect(receiptStatus("BOGUS")).toBeNull();
  });

  it("reads the message_state TLV as the same words", () => {
    expect(messageStateStat(2)).toBe("DELIVRD");
    expect(messageStateStat(5)).toBe("UNDELIV");
    expect(messageStateStat(8)).toBe("REJECTD");
    expect(messageStateStat(undefined)).toBeUndefined();
    expect(messageStateStat(42)).toBeUndefined();
  });

  it("reports err only when it is an error", () => {
    expect(receiptErrorCode("000")).toBeUndefined();
    expect(receiptErrorCode(undefined)).toBeUndefined();
    expect(receiptErrorCode("0B1")).toBe("0B1");
  });
});
