// Protects the message life cycle: provider reports only move a message forward, and the first final status wins.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SMS_STATUSES, type SmsStatus } from "@/db/schema/constants";
import { applyReport, canTransition, isFinal, type ReportedSmsStatus, STATUS_LABELS, STATUS_TONES, statusRank } from "./status";

const REPORTS: readonly ReportedSmsStatus[] = ["sent", "delivered", "undelivered", "failed", "blocked"];
const status = fc.constantFrom(...SMS_STATUSES);
const report = fc.constantFrom(...REPORTS);

/** Folds reports into a status, as the webhook handler does (null = ignored). */
function applyAll(start: SmsStatus, reports: readonly ReportedSmsStatus[]): SmsStatus[] {
  const seen = [start];
  let current = start;
  for (const r of reports) {
    current = applyReport(current, r) ?? current;
    seen.push(current);
  }
  return seen;
}

describe("status machine — examples", () => {
  it("follows the main line", () => {
    expect(canTransition("queued", "sending")).toBe(true);
    expect(canTransition("sending", "sent")).toBe(true);
    expect(canTransition("sent", "delivered")).toBe(true);
    expect(canTransition("queued", "scheduled")).toBe(true);
    expect(canTransition("scheduled", "queued")).toBe(true);
    expect(canTransition("sending", "in_doubt")).toBe(true);
    expect(canTransition("in_doubt", "cancelled")).toBe(true);
  });

  it("never leaves a final status nor goes back from sent", () => {
    expect(canTransition("delivered", "sent")).toBe(false);
    expect(canTransition("cancelled", "queued")).toBe(false);
    expect(canTransition("sent", "sending")).toBe(false);
    expect(canTransition("sent", "queued")).toBe(false);
    expect(canTransition("sending", "cancelled")).toBe(false);
    expect(isFinal("sent")).toBe(false);
    expect(["delivered", "undelivered", "failed", "cancelled", "blocked"].every((s) => isFinal(s as SmsStatus))).toBe(true);
  });

  it("ignores late, repeated and contradicting reports once final", () => {
    expect(applyReport("delivered", "sent")).toBeNull();
    expect(applyReport("delivered", "delivered")).toBeNull();
    expect(applyReport("delivered", "undelivered")).toBeNull();
    expect(applyReport("undelivered", "delivered")).toBeNull();
    expect(applyReport("failed", "delivered")).toBeNull();
    expect(applyReport("sent", "sent")).toBeNull();
  });

  it("moves sending and in_doubt messages forward, since a report proves acceptance", () => {
    expect(applyReport("sending", "sent")).toBe("sent");
    expect(applyReport("sending", "delivered")).toBe("delivered");
    expect(applyReport("in_doubt", "sent")).toBe("sent");
    expect(applyReport("in_doubt", "undelivered")).toBe("undelivered");
    expect(applyReport("sending", "failed")).toBe("failed");
    expect(applyReport("sent", "blocked")).toBe("blocked");
  });

  it("never revives cancelled or blocked messages, nor moves one never handed to a provider", () => {
    for (const r of REPORTS) {
      expect(applyReport("queued", r)).toBeNull();
      expect(applyReport("scheduled", r)).toBeNull();
      expect(applyReport("cancelled", r)).toBeNull();
      expect(applyReport("blocked", r)).toBeNull();
    }
  });

  it("labels every status in Portuguese with a badge tone", () => {
    expect(STATUS_LABELS).toEqual({
      queued: "Na fila",
      scheduled: "Agendada",
      sending: "Enviando",
      sent: "Enviada",
      delivered: "Entregue",
      undelivered: "Não entregue",
      failed: "Falhou",
      cancelled: "Cancelada",
      blocked: "Bloqueada",
      in_doubt: "Em dúvida",
    });
    expect(Object.keys(STATUS_TONES).sort()).toEqual([...SMS_STATUSES].sort());
  });
});

describe("status machine — properties", () => {
  it("no sequence of reports moves a message backwards, and the first final status sticks", () => {
    fc.assert(
      fc.property(status, fc.array(report, { maxLength: 12 }), (start, reports) => {
        const seen = applyAll(start, reports);
        for (let i = 1; i < seen.length; i++) {
          const [prev, next] = [seen[i - 1]!, seen[i]!];
          expect(statusRank(next)).toBeGreaterThanOrEqual(statusRank(prev));
          if (isFinal(prev)) expect(next).toBe(prev);
          if (next !== prev) expect(canTransition(prev, next)).toBe(true);
        }
      }),
    );
  });

  it("applying the same report twice is the same as once (duplicate callbacks)", () => {
    fc.assert(
      fc.property(status, report, (start, r) => {
        const once = applyReport(start, r) ?? start;
        expect(applyReport(once, r) ?? once).toBe(once);
      }),
    );
  });

  it("a report on a message handed to the provider lands it on the reported status; any other is ignored", () => {
    fc.assert(
      fc.property(status, report, (start, r) => {
        const next = applyReport(start, r);
        if (isFinal(start) || start === "queued" || start === "scheduled") expect(next).toBeNull();
        else expect(next === null ? start : next).toBe(start === r ? start : r);
      }),
    );
  });
});
