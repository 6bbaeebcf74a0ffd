// Protects the failed-login throttle: locks after the limit per e-mail+IP, per e-mail from any IP
// and per IP; windows expire; success clears the e-mail+IP counter.
import { describe, expect, it } from "vitest";
import { createTestDb } from "@/test/db";
import { LOGIN_THROTTLE, clearLoginFailures, lockMessage, loginLockRemaining, recordLoginFailure } from "./login-throttle";

const db = createTestDb();
const T0 = Date.UTC(2026, 10, 24, 12, 0, 0);

describe("login throttle", () => {
  it("locks an e-mail+IP at the limit, for the lock period", async () => {
    for (let i = 0; i < LOGIN_THROTTLE.maxPerAccount - 1; i++) await recordLoginFailure(db, "a@x.test", "1.1.1.1", T0);
    expect(await loginLockRemaining(db, "a@x.test", "1.1.1.1", T0)).toBe(0);
    await recordLoginFailure(db, "A@X.test ", "1.1.1.1", T0);
    expect(await loginLockRemaining(db, "a@x.test", "1.1.1.1", T0 + 1000)).toBe(LOGIN_THROTTLE.lockMs - 1000);
    expect(await loginLockRemaining(db, "a@x.test", "2.2.2.2", T0)).toBe(0);
    expect(await loginLockRemaining(db, "a@x.test", "1.1.1.1", T0 + LOGIN_THROTTLE.lockMs)).toBe(0);
  });

  it("starts a new window after the old one expires", async () => {
    for (let i = 0; i < LOGIN_THROTTLE.maxPerAccount - 1; i++) await recordLoginFailure(db, "b@x.test", "1.1.1.2", T0);
    await recordLoginFailure(db, "b@x.test", "1.1.1.2", T0 + LOGIN_THROTTLE.windowMs + 1);
    expect(await loginLockRemaining(db, "b@x.test", "1.1.1.2", T0 + LOGIN_THROTTLE.windowMs + 2)).toBe(0);
  });

  it("locks an e-mail attacked from many IPs, and an IP spraying many e-mails", async () => {
    for (let i = 0; i < LOGIN_THROTTLE.maxPerEmail; i++) await recordLoginFailure(db, "c@x.test", `9.9.9.${i}`, T0);
    expect(await loginLockRemaining(db, "c@x.test", "8.8.8.8", T0)).toBeGreaterThan(0);
    for (let i = 0; i < LOGIN_THROTTLE.maxPerIp; i++) await recordLoginFailure(db, `u${i}@x.test`, "7.7.7.7", T0);
    expect(await loginLockRemaining(db, "someone@x.test", "7.7.7.7", T0)).toBeGreaterThan(0);
  });

  it("a success clears the e-mail+IP counter", async () => {
    for (let i = 0; i < LOGIN_THROTTLE.maxPerAccount - 1; i++) await recordLoginFailure(db, "d@x.test", "1.1.1.4", T0);
    await clearLoginFailures(db, "d@x.test", "1.1.1.4");
    await recordLoginFailure(db, "d@x.test", "1.1.1.4", T0);
    expect(await loginLockRemaining(db, "d@x.test", "1.1.1.4", T0)).toBe(0);
  });

  it("says how long to wait, in Portuguese", () => {
    expect(lockMessage(60_000)).toBe("Muitas tentativas de acesso sem sucesso. Tente novamente em 1 minuto.");
    expect(lockMessage(14 * 60_000 + 1)).toBe("Muitas tentativas de acesso sem sucesso. Tente novamente em 15 minutos.");
  });
});
