/**
 * Keeps each provider account under its messages-per-second limit within this process.
 *
 * Two rules, per account, applied in the order sends ask for a turn:
 * - spacing: turns follow an ideal schedule 1/rate apart, stretched by SAFETY (2%) so that timer
 *   and network jitter cannot push a provider-side one-second window over the limit;
 * - sliding window: whatever the timers did, a send never starts less than one second (plus
 *   WINDOW_MARGIN_MS) after the send `rate` turns before it — so no second ever holds more
 *   than `rate` starts, even after the event loop was blocked and several timers fired at once.
 * (Across several app servers, the batch function's concurrency of one run per account keeps a
 * single process sending for an account.)
 */
const SAFETY = 0.02;
const WINDOW_MARGIN_MS = 20;

type Lane = { next: number; starts: number[]; tail: Promise<void> };
const lanes = new Map<number, Lane>();

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function paceSend(accountId: number, perSecond: number, now: () => number = performance.now.bind(performance)): Promise<void> {
  const rate = Math.max(1, Math.floor(perSecond));
  const lane = lanes.get(accountId) ?? { next: 0, starts: [], tail: Promise.resolve() };
  lanes.set(accountId, lane);
  const turn = lane.tail.then(async () => {
    const interval = (1000 / rate) * (1 + SAFETY);
    const t = now();
    const slot = Math.max(t, lane.next);
    lane.next = slot + interval;
    let wait = slot - t;
    if (lane.starts.length >= rate) wait = Math.max(wait, lane.starts[lane.starts.length - rate]! + 1000 + WINDOW_MARGIN_MS - t);
    if (wait > 0) await sleep(wait);
    lane.starts.push(now());
    if (lane.starts.length > rate * 2) lane.starts.splice(0, lane.starts.length - rate);
  });
  lane.tail = turn;
  return turn;
}

/** For tests: forget every account's schedule. */
export function resetPacer(): void {
  lanes.clear();
}
