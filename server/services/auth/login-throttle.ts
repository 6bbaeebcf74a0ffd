/**
 * Failed sign-in throttle. Nobody can lock an owner out from outside: a device that signed in
 * before (a known-device cookie, server/auth/known-device.ts) is judged only by its own failures;
 * other devices by e-mail+IP, and, as a whole, by e-mail and by IP. Each counter lets a few
 * failures through, then answers with a wait that doubles with every further failure.
 */
import { eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { loginFailure } from "@/db/schema";

export const LOGIN_THROTTLE = {
  /** A counter is forgotten this long after its first failure. */
  windowMs: 60 * 60_000,
  firstWaitMs: 30_000,
  maxWaitMs: 15 * 60_000,
  freePerAccount: 5, // the same e-mail from one IP, or from one known device
  freePerEmail: 20, // the same e-mail from any unknown device
  freePerIp: 50, // any e-mail from one IP (password spraying)
} as const;

/** Who is trying: the e-mail typed, the client's IP (null when unknown) and the known device, if any. */
export type LoginAttempt = { email: string; ip: string | null; device: string | null };

type Counter = { key: string; free: number };

function counters(a: LoginAttempt): Counter[] {
  const e = a.email.trim().toLowerCase();
  if (a.device) return [{ key: `device:${e}|${a.device}`, free: LOGIN_THROTTLE.freePerAccount }];
  const ip = a.ip ?? "unknown";
  return [
    { key: `acct:${e}|${ip}`, free: LOGIN_THROTTLE.freePerAccount },
    { key: `email:${e}`, free: LOGIN_THROTTLE.freePerEmail },
    // Without a known client IP every request would share one counter: a lock for everyone.
    ...(a.ip ? [{ key: `ip:${a.ip}`, free: LOGIN_THROTTLE.freePerIp }] : []),
  ];
}

/** How long the failure number `count` makes the next attempt wait (0 while still free). */
export function waitAfter(count: number, free: number): number {
  if (count < free) return 0;
  return Math.min(LOGIN_THROTTLE.firstWaitMs * 2 ** (count - free), LOGIN_THROTTLE.maxWaitMs);
}

/** Milliseconds until sign-in is allowed again, or 0 when it is allowed now. */
export async function loginLockRemaining(db: Db, attempt: LoginAttempt, now = Date.now()): Promise<number> {
  const keys = counters(attempt).map((c) => c.key);
  const rows = await db.select().from(loginFailure).where(inArray(loginFailure.key, keys));
  let remaining = 0;
  for (const r of rows) {
    const until = r.lockedUntil?.getTime() ?? 0;
    if (until > now) remaining = Math.max(remaining, until - now);
  }
  return remaining;
}

export async function recordLoginFailure(db: Db, attempt: LoginAttempt, now = Date.now()): Promise<void> {
  for (const { key, free } of counters(attempt)) {
    const [row] = await db.select().from(loginFailure).where(eq(loginFailure.key, key));
    const fresh = !row || now - row.windowStartedAt.getTime() > LOGIN_THROTTLE.windowMs;
    const count = fresh ? 1 : row.count + 1;
    const windowStartedAt = new Date(fresh ? now : row.windowStartedAt.getTime());
    const wait = waitAfter(count, free);
    const lockedUntil = wait > 0 ? new Date(now + wait) : null;
    await db
      .insert(loginFailure)
      .values({ key, count, windowStartedAt, lockedUntil })
      .onConflictDoUpdate({ target: loginFailure.key, set: { count, windowStartedAt, lockedUntil } });
  }
}

/** A successful sign-in clears its own counter (e-mail+IP or the device), not the e-mail and IP ones. */
export async function clearLoginFailures(db: Db, attempt: LoginAttempt): Promise<void> {
  await db.delete(loginFailure).where(eq(loginFailure.key, counters(attempt)[0]!.key));
}

export function lockMessage(remainingMs: number): string {
  if (remainingMs < 60_000) {
    const seconds = Math.max(1, Math.ceil(remainingMs / 1000));
    return `Muitas tentativas de acesso sem sucesso. Tente novamente em ${seconds} ${seconds === 1 ? "segundo" : "segundos"}.`;
  }
  const minutes = Math.ceil(remainingMs / 60_000);
  return `Muitas tentativas de acesso sem sucesso. Tente novamente em ${minutes} ${minutes === 1 ? "minuto" : "minutos"}.`;
}
