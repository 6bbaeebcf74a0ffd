/**
 * Keeps each provider account under its messages-per-second limit within this process: every send
 * reserves the next free slot of its account and waits for it. (Across several app servers the
 * Inngest throttle keyed by account does the same job.)
 */
const nextSlot = new Map<number, number>();

export async function paceSend(accountId: number, perSecond: number, now: () => number = Date.now): Promise<void> {
  const interval = 1000 / Math.max(1, perSecond);
  const t = now();
  const slot = Math.max(t, nextSlot.get(accountId) ?? 0);
  nextSlot.set(accountId, slot + interval);
  const wait = slot - t;
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
}

/** For tests: forget reserved slots. */
export function resetPacer(): void {
  nextSlot.clear();
}
