// The app's connection state: a request that fails for lack of network means offline even when the
// browser says online ("signal but no data"), any answer means online again, and while offline the
// server is asked again on a schedule and whenever the user or the browser gives a reason.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createConnection, isNetworkFailure, PROBE_DELAYS_MS, trackedFetch, WAKE_MIN_INTERVAL_MS } from "./connection";

function setup(opts: { browserOnline?: boolean } = {}) {
  const state = { browserOnline: opts.browserOnline ?? true, serverReachable: true, probes: 0 };
  const conn = createConnection({
    browserOnline: () => state.browserOnline,
    probe: async () => {
      state.probes++;
      return state.serverReachable;
    },
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
    now: () => Date.now(),
  });
  const changes: boolean[] = [];
  conn.subscribe(() => changes.push(conn.isOnline()));
  return { conn, state, changes };
}

const failedFetch = () => Promise.reject(new TypeError("Failed to fetch"));
const answered = (status: number) => () => Promise.resolve(new Response("{}", { status }));

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("connection state", () => {
  it("goes offline when a request fails for lack of network while the browser says online", async () => {
    const { conn, changes } = setup();
    expect(conn.isOnline()).toBe(true);
    await expect(trackedFetch(conn, failedFetch)("/api/trpc/x")).rejects.toThrow(TypeError);
    expect(conn.isOnline()).toBe(false);
    expect(changes).toEqual([false]);
  });

  it("comes back with any answer from the server, whatever its HTTP status", async () => {
    const { conn, changes } = setup();
    await trackedFetch(conn, failedFetch)("/a").catch(() => {});
    const res = await trackedFetch(conn, answered(500))("/a");
    expect(res.status).toBe(500);
    expect(conn.isOnline()).toBe(true);
    expect(changes).toEqual([false, true]);
  });

  it("an HTTP error status is not a lack of network", async () => {
    const { conn } = setup();
    await trackedFetch(conn, answered(503))("/a");
    await trackedFetch(conn, answered(401))("/a");
    expect(conn.isOnline()).toBe(true);
  });

  it("a request the app cancelled says nothing about the network", async () => {
    const { conn } = setup();
    const ctrl = new AbortController();
    ctrl.abort();
    const aborting = () => Promise.reject(new DOMException("The operation was aborted.", "AbortError"));
    await expect(trackedFetch(conn, aborting)("/a", { signal: ctrl.signal })).rejects.toThrow();
    expect(conn.isOnline()).toBe(true);
    expect(isNetworkFailure(new TypeError("Failed to fetch"), ctrl.signal)).toBe(false);
    expect(isNetworkFailure(new Error("boom"))).toBe(false);
    expect(isNetworkFailure(new TypeError("Failed to fetch"))).toBe(true);
  });

  it("starts offline when the browser knows there is no network", () => {
    const { conn } = setup({ browserOnline: false });
    expect(conn.isOnline()).toBe(false);
  });

  it("while offline, asks the server again, sooner first, and is online once it answers", async () => {
    const { conn, state } = setup();
    state.serverReachable = false;
    conn.reportNetworkFailure();
    // Many failures at once schedule one check, not many.
    conn.reportNetworkFailure();
    conn.reportNetworkFailure();
    await vi.advanceTimersByTimeAsync(PROBE_DELAYS_MS[0]);
    expect(state.probes).toBe(1);
    await vi.advanceTimersByTimeAsync(PROBE_DELAYS_MS[1]);
    expect(state.probes).toBe(2);
    expect(conn.isOnline()).toBe(false);
    state.serverReachable = true;
    await vi.advanceTimersByTimeAsync(PROBE_DELAYS_MS[2]);
    expect(state.probes).toBe(3);
    expect(conn.isOnline()).toBe(true);
    // Online: no more checks.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(state.probes).toBe(3);
  });

  it("never waits longer than the last delay between checks", async () => {
    const { conn, state } = setup();
    state.serverReachable = false;
    conn.reportNetworkFailure();
    const total = PROBE_DELAYS_MS.reduce((a, b) => a + b, 0);
    await vi.advanceTimersByTimeAsync(total);
    expect(state.probes).toBe(PROBE_DELAYS_MS.length);
    await vi.advanceTimersByTimeAsync(PROBE_DELAYS_MS.at(-1)! * 3);
    expect(state.probes).toBe(PROBE_DELAYS_MS.length + 3);
  });

  it("the browser's online event checks at once; its offline event stops the checks", async () => {
    const { conn, state } = setup();
    state.serverReachable = false;
    conn.reportNetworkFailure();
    state.browserOnline = false;
    conn.browserWentOffline();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(state.probes).toBe(0);
    state.browserOnline = true;
    state.serverReachable = true;
    conn.browserWentOnline();
    await vi.advanceTimersByTimeAsync(0);
    expect(state.probes).toBe(1);
    expect(conn.isOnline()).toBe(true);
  });

  it("the browser's online event is not trusted blindly: no answer, still offline", async () => {
    const { conn, state } = setup({ browserOnline: false });
    state.browserOnline = true;
    state.serverReachable = false;
    conn.browserWentOnline();
    await vi.advanceTimersByTimeAsync(0);
    expect(conn.isOnline()).toBe(false);
    state.serverReachable = true;
    await vi.advanceTimersByTimeAsync(PROBE_DELAYS_MS[0]);
    expect(conn.isOnline()).toBe(true);
  });

  it("user activity while offline checks at once, at most every so often", async () => {
    const { conn, state } = setup();
    state.serverReachable = false;
    conn.reportNetworkFailure();
    conn.wake();
    await vi.advanceTimersByTimeAsync(0);
    expect(state.probes).toBe(1);
    conn.wake();
    await vi.advanceTimersByTimeAsync(0);
    expect(state.probes).toBe(1);
    await vi.advanceTimersByTimeAsync(WAKE_MIN_INTERVAL_MS);
    conn.wake();
    await vi.advanceTimersByTimeAsync(0);
    expect(state.probes).toBeGreaterThanOrEqual(2);
  });

  it("tells its listeners about every answer, also when already online", async () => {
    const { conn } = setup();
    let answers = 0;
    conn.onServerAnswer(() => answers++);
    await trackedFetch(conn, answered(200))("/a");
    await trackedFetch(conn, answered(200))("/a");
    expect(answers).toBe(2);
  });
});
