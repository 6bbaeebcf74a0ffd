// Test helpers shared by the adapter tests.
import { expect } from "vitest";
import type { SendOutcome, SendRequest } from "../types";

// A loopback answer took over 200 ms on a shared 2-core machine under load (a "timeout" where the
// fake had answered at once): the deadline leaves room for that, the hang stays well past it.
export const TEST_TIMEOUT_MS = 1500;
/** Longer than TEST_TIMEOUT_MS: the fake answers only after the adapter gave up. */
export const HANG_MS = 4000;

export function sendRequest(overrides: Partial<SendRequest> = {}): SendRequest {
  return {
    messageId: "msg_01JABCDEF",
    to: "+5535991234567",
    text: "Olá! Sua fatura vence amanhã.",
    encoding: "UCS2",
    segments: 1,
    statusCallbackUrl: "https://painel.example.com.br/api/webhooks/sms/7/s3cr3t?ref=msg_01JABCDEF",
    ...overrides,
  };
}

/** Asserts no credential value leaks into what the ledger stores and shows. */
export function expectNoSecrets(outcome: SendOutcome, secrets: string[]): void {
  const text = JSON.stringify(outcome);
  for (const secret of secrets) expect(text).not.toContain(secret);
}
