// Protects the failed-login throttle: a few free failures per e-mail+IP, then waits that double;
// e-mail-wide and IP-wide counters for unknown devices; a known device judged only on its own
// failures, so nobody else's failures (issue 12 §4) lock it.
import { describe, expect, it } from "vitest";
import { createTestDb } from "@/test/db";
import { LOGIN_THROTTLE, clearLoginFailures, lockMessage, loginLockRemaining, recordLoginFailure, waitAfter } from "./login-throttle";

const db = createTestDb();
const T0 = Date.UTC(2026, 10, 24, 12, 0, 0);
const from = (email: string, ip: string | null, device: string | null = null) => ({ email, ip, device });

async function fail(times: number, attempt: ReturnType<typeof from>, at = T0) {
  for (let i = 0; i < times; i++) await recordLoginFailure(db, attempt, at);
}

describe("login throttle", () => {
  it("lets the first failures through, then waits 30 s, doubling up to 15 minutes", async () => {
    await fail(LOGIN_THROTTLE.freePerAccount - 1, from("a@x.test", "1.1.1.1"));
    expect(await loginLockRemaining(db, from("a@x.test", "1.1.1.1"), T0)).toBe(0);
    await recordLoginFailure(db, from("A@X.test ", "1.1.1.1"), T0);
    expect(await loginLockRemaining(db, from("a@x.test", "1.1.1.1"), T0 + 1000)).toBe(29_000);
    expect(await loginLockRemaining(db, from("a@x.test", "2.2.2.2"), T0)).toBe(0);
    expect(await loginLockRemaining(db, from("a@x.test", "1.1.1.1"), T0 + 30_000)).toBe(0);
    expect([5, 6, 7, 8, 9, 10, 30].map((n) => waitAfter(n, 5))).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 900_000, 900_000]);
  });

  it("starts a new window after the old one expires", async () => {
    await fail(LOGIN_THROTTLE.freePerAccount - 1, from("b@x.test", "1.1.1.2"));
    await recordLoginFailure(db, from("b@x.test", "1.1.1.2"), T0 + LOGIN_THROTTLE.windowMs + 1);
    expect(await loginLockRemaining(db, from("b@x.test", "1.1.1.2"), T0 + LOGIN_THROTTLE.windowMs + 2)).toBe(0);
  });

  it("locks an e-mail attacked from many IPs and an IP spraying many e-mails, for unknown devices only", async () => {
    for (let i = 0; i < LOGIN_THROTTLE.freePerEmail; i++) await recordLoginFailure(db, from("c@x.test", `9.9.9.${i}`), T0);
    expect(await loginLockRemaining(db, from("c@x.test", "8.8.8.8"), T0)).toBeGreaterThan(0);
    expect(await loginLockRemaining(db, from("c@x.test", "8.8.8.8", "owner-phone"), T0)).toBe(0);
    for (let i = 0; i < LOGIN_THROTTLE.freePerIp; i++) await recordLoginFailure(db, from(`u${i}@x.test`, "7.7.7.7"), T0);
    expect(await loginLockRemaining(db, from("someone@x.test", "7.7.7.7"), T0)).toBeGreaterThan(0);
    expect(await loginLockRemaining(db, from("someone@x.test", "7.7.7.7", "their-laptop"), T0)).toBe(0);
  });

  it("a known device counts only its own failures, and is locked by them", async () => {
    await fail(LOGIN_THROTTLE.freePerAccount, from("d@x.test", "5.5.5.5"));
    expect(await loginLockRemaining(db, from("d@x.test", "5.5.5.5", "phone-1"), T0)).toBe(0);
    await fail(LOGIN_THROTTLE.freePerAccount, from("d@x.test", "5.5.5.5", "phone-1"));
    expect(await loginLockRemaining(db, from("d@x.test", "5.5.5.5", "phone-1"), T0)).toBe(30_000);
    expect(await loginLockRemaining(db, from("d@x.test", "5.5.5.5", "phone-2"), T0)).toBe(0);
  });

  it("without a known client IP, no IP-wide counter: it would lock everyone at once", async () => {
    for (let i = 0; i < LOGIN_THROTTLE.freePerIp + 5; i++) await recordLoginFailure(db, from(`v${i}@x.test`, null), T0);
    expect(await loginLockRemaining(db, from("fresh@x.test", null), T0)).toBe(0);
  });

  it("a success clears the e-mail+IP counter", async () => {
    await fail(LOGIN_THROTTLE.freePerAccount - 1, from("e@x.test", "1.1.1.4"));
    await clearLoginFailures(db, from("e@x.test", "1.1.1.4"));
    await recordLoginFailure(db, from("e@x.test", "1.1.1.4"), T0);
    expect(await loginLockRemaining(db, from("e@x.test", "1.1.1.4"), T0)).toBe(0);
  });

  it("says how long to wait, in Portuguese", () => {
    expect(lockMessage(30_000)).toBe("Muitas tentativas de acesso sem sucesso. Tente novamente em 30 segundos.");
    expect(lockMessage(60_000)).toBe("Muitas tentativas de acesso sem sucesso. Tente novamente em 1 minuto.");
    expect(lockMessage(14 * 60_000 + 1)).toBe("Muitas tentativas de acesso sem sucesso. Tente novamente em 15 minutos.");
  });
});
