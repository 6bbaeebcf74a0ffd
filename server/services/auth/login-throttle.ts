import { eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { loginFailure } from "@/db/schema";

/** Failed sign-ins allowed per window before the key is locked, and for how long. */
export const LOGIN_THROTTLE = {
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  maxPerAccount: 5, // same e-mail from the same IP
  maxPerEmail: 20, // same e-mail from any IP (the client can forge its forwarded IP)
  maxPerIp: 30, // any e-mail from one IP (password spraying)
} as const;

export function throttleKeys(email: string, ip: string) {
  const e = email.trim().toLowerCase();
  return { account: `acct:${e}|${ip}`, email: `email:${e}`, ip: `ip:${ip}` };
}

/** Milliseconds until sign-in is allowed again, or 0 when it is allowed now. */
export async function loginLockRemaining(db: Db, email: string, ip: string, now = Date.now()): Promise<number> {
  const k = throttleKeys(email, ip);
  const rows = await db.select().from(loginFailure).where(inArray(loginFailure.key, [k.account, k.email, k.ip]));
  let remaining = 0;
  for (const r of rows) {
    const until = r.lockedUntil?.getTime() ?? 0;
    if (until > now) remaining = Math.max(remaining, until - now);
  }
  return remaining;
}

export async function recordLoginFailure(db: Db, email: string, ip: string, now = Date.now()): Promise<void> {
  const k = throttleKeys(email, ip);
  for (const [key, max] of [
    [k.account, LOGIN_THROTTLE.maxPerAccount],
    [k.email, LOGIN_THROTTLE.maxPerEmail],
    [k.ip, LOGIN_THROTTLE.maxPerIp],
  ] as const) {
    const [row] = await db.select().from(loginFailure).where(eq(loginFailure.key, key));
    const fresh = !row || now - row.windowStartedAt.getTime() > LOGIN_THROTTLE.windowMs;
    const count = fresh ? 1 : row.count + 1;
    const windowStartedAt = new Date(fresh ? now : row.windowStartedAt.getTime());
    const lockedUntil = count >= max ? new Date(now + LOGIN_THROTTLE.lockMs) : null;
    await db
      .insert(loginFailure)
      .values({ key, count, windowStartedAt, lockedUntil })
      .onConflictDoUpdate({ target: loginFailure.key, set: { count, windowStartedAt, lockedUntil } });
  }
}

/** A successful sign-in clears the e-mail+IP counter (not the others: spraying stays visible). */
export async function clearLoginFailures(db: Db, email: string, ip: string): Promise<void> {
  await db.delete(loginFailure).where(eq(loginFailure.key, throttleKeys(email, ip).account));
}

export function lockMessage(remainingMs: number): string {
  const minutes = Math.max(1, Math.ceil(remainingMs / 60_000));
  return `Muitas tentativas de acesso sem sucesso. Tente novamente em ${minutes} ${minutes === 1 ? "minuto" : "minutos"}.`;
}
