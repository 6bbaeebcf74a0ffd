// Protects provider pacing: sends of one account never exceed its messages-per-second limit, and
// accounts do not slow each other down.
import { afterEach, describe, expect, it } from "vitest";
import { paceSend, resetPacer } from "./pacer";

afterEach(() => resetPacer());

describe("paceSend", () => {
  it("spaces sends of one account by 1/rate and leaves other accounts alone", async () => {
    const t0 = performance.now();
    const stamps: number[] = [];
    await Promise.all(Array.from({ length: 6 }, () => paceSend(1, 50).then(() => stamps.push(performance.now() - t0))));
    stamps.sort((a, b) => a - b);
    // 6 sends at 50/s: the last one cannot start before 5 intervals of 20 ms.
    expect(stamps[5]!).toBeGreaterThanOrEqual(95);
    const other = performance.now();
    await paceSend(2, 50);
    expect(performance.now() - other).toBeLessThan(60);
  });
});

describe("paceSend sliding window", () => {
  it("never lets more than `rate` sends start within one second, even when asked all at once", async () => {
    const t0 = performance.now();
    const stamps: number[] = [];
    // 25 sends at 10/s: the 11th and 21st must wait for the window of their predecessors.
    await Promise.all(Array.from({ length: 25 }, () => paceSend(3, 10).then(() => stamps.push(performance.now() - t0))));
    stamps.sort((a, b) => a - b);
    for (let i = 10; i < stamps.length; i++) expect(stamps[i]! - stamps[i - 10]!).toBeGreaterThanOrEqual(1000);
    // And no slower than the rate with its 2% safety allows (plus timer slack).
    expect(stamps[24]!).toBeLessThan(2 * 1020 + 4 * 102 + 250);
  });
});
