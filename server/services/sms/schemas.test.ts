// Protects the individual send's input rules that the server applies before anything is written.
import { describe, expect, it } from "vitest";
import { zodFieldErrors } from "@/server/services/zod-field-errors";
import { sendIndividualInput } from "./schemas";

const ok = {
  customerId: 7,
  motivo: "Visita técnica",
  ddd: "35",
  number: "99123-4567",
  message: "Olá, chego às 14h.",
  confirmed: true as const,
  idempotencyKey: "00000000-0000-4000-8000-000000000000",
};

describe("sendIndividualInput", () => {
  it("accepts a message with text", () => {
    expect(sendIndividualInput.safeParse(ok).success).toBe(true);
    // Spaces around the text are the operator's: kept, not refused.
    expect(sendIndividualInput.safeParse({ ...ok, message: "  Oi  " }).success).toBe(true);
  });

  it.each([
    ["spaces", "   "],
    ["a tab and line breaks", " \t\n\r\n "],
    ["non-breaking spaces", "\u00a0\u00a0"],
  ])("refuses a message of only %s, on the message field, in Portuguese", (_label, message) => {
    const parsed = sendIndividualInput.safeParse({ ...ok, message });
    expect(parsed.success).toBe(false);
    expect(zodFieldErrors(parsed.error)).toEqual({ message: "Escreva a mensagem." });
  });
});
