/**
 * Whether the app can reach its server. `navigator.onLine` alone cannot say: it stays true on a
 * phone with signal bars and no data, and Chromium up to 150 reports true (with no events) in a page
 * loaded while offline. So a request that fails for lack of network also means offline, any answer
 * from the server (whatever its status) means online, and while offline a tiny request asks the
 * server again, sooner when the user comes back to the app or the browser says the network returned.
 */

/** Waits between checks while offline (then the last one, repeated): quick at first, then calm. */
export const PROBE_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 10_000] as const;
/** User activity re-checks at once, but not more often than this. */
export const WAKE_MIN_INTERVAL_MS = 1_500;
const PROBE_TIMEOUT_MS = 8_000;
/** better-auth's health endpoint: tiny, no session needed, never cached by the service worker (/api/*). */
export const PROBE_URL = "/api/auth/ok";

export type ConnectionDeps = {
  /** false only when the browser is sure there is no network. */
  browserOnline: () => boolean;
  /** Resolves true when the server answered (any status). */
  probe: () => Promise<boolean>;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (id: unknown) => void;
  now: () => number;
};

export type Connection = {
  isOnline: () => boolean;
  /** Called on every change of `isOnline()`. */
  subscribe: (listener: () => void) => () => void;
  /** Called on every answer from the server (also when already online). */
  onServerAnswer: (listener: () => void) => () => void;
  reportAnswer: () => void;
  reportNetworkFailure: () => void;
  browserWentOffline: () => void;
  browserWentOnline: () => void;
  /** The user is back (focus, tap, key): if offline, check now. */
  wake: () => void;
  /** Asks the server now (e.g. when the app starts). */
  check: () => Promise<void>;
};

export function createConnection(deps: ConnectionDeps): Connection {
  let online = deps.browserOnline();
  let attempt = 0;
  let timer: unknown = null;
  let probing: Promise<void> | null = null;
  let lastCheck = Number.NEGATIVE_INFINITY;
  const listeners = new Set<() => void>();
  const answerListeners = new Set<() => void>();

  const set = (next: boolean) => {
    if (next === online) return;
    online = next;
    for (const l of [...listeners]) l();
  };
  const stopTimer = () => {
    if (timer !== null) deps.clearTimer(timer);
    timer = null;
  };
  // One pending check at a time: many queries failing together must not push it further away.
  const schedule = () => {
    if (online || timer !== null || !deps.browserOnline()) return;
    const delay = PROBE_DELAYS_MS[Math.min(attempt, PROBE_DELAYS_MS.length - 1)]!;
    attempt++;
    timer = deps.setTimer(() => {
      timer = null;
      void check();
    }, delay);
  };

  function reportAnswer() {
    attempt = 0;
    stopTimer();
    set(true);
    for (const l of [...answerListeners]) l();
  }

  function reportNetworkFailure() {
    set(false);
    schedule();
  }

  function check(): Promise<void> {
    stopTimer();
    lastCheck = deps.now();
    // The browser knows there is no network: its "online" event will say when it returns.
    if (!deps.browserOnline()) {
      set(false);
      return Promise.resolve();
    }
    probing ??= deps
      .probe()
      .catch(() => false)
      .then((answered) => {
        probing = null;
        if (answered) reportAnswer();
        else reportNetworkFailure();
      });
    return probing;
  }

  return {
    isOnline: () => online,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onServerAnswer(listener) {
      answerListeners.add(listener);
      return () => answerListeners.delete(listener);
    },
    reportAnswer,
    reportNetworkFailure,
    browserWentOffline() {
      stopTimer();
      set(false);
    },
    browserWentOnline() {
      attempt = 0;
      void check();
    },
    wake() {
      if (online || deps.now() - lastCheck < WAKE_MIN_INTERVAL_MS) return;
      attempt = 0;
      void check();
    },
    check,
  };
}

/** A fetch failure for lack of network (not an HTTP status, not a cancelled request). */
export function isNetworkFailure(error: unknown, signal?: AbortSignal | null): boolean {
  // A request the app cancelled (unmounted screen, superseded search) says nothing about the network.
  if (signal?.aborted) return false;
  return error instanceof TypeError;
}

/** `fetch` that tells the connection about every answer and every network failure. */
export function trackedFetch(conn: Connection, base: typeof fetch = (...args) => fetch(...args)): typeof fetch {
  return async (input, init) => {
    try {
      const res = await base(input, init);
      conn.reportAnswer();
      return res;
    } catch (error) {
      const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
      if (isNetworkFailure(error, signal)) conn.reportNetworkFailure();
      throw error;
    }
  };
}

function timeoutSignal(ms: number): AbortSignal | undefined {
  return typeof AbortSignal !== "undefined" && "timeout" in AbortSignal ? AbortSignal.timeout(ms) : undefined;
}

async function probeServer(): Promise<boolean> {
  try {
    await fetch(PROBE_URL, { cache: "no-store", credentials: "omit", signal: timeoutSignal(PROBE_TIMEOUT_MS) });
    return true;
  } catch {
    return false;
  }
}

// Outside a browser (server render, unit tests): online unless navigator says otherwise.
const detached: Connection = {
  isOnline: () => typeof navigator === "undefined" || navigator.onLine !== false,
  subscribe: () => () => {},
  onServerAnswer: () => () => {},
  reportAnswer: () => {},
  reportNetworkFailure: () => {},
  browserWentOffline: () => {},
  browserWentOnline: () => {},
  wake: () => {},
  check: async () => {},
};

let browserConnection: Connection | undefined;

/** The app's one connection state (one per tab). */
export function connection(): Connection {
  if (typeof window === "undefined" || typeof window.addEventListener !== "function") return detached;
  if (browserConnection) return browserConnection;
  const conn = createConnection({
    browserOnline: () => navigator.onLine !== false,
    probe: probeServer,
    setTimer: (fn, ms) => window.setTimeout(fn, ms),
    clearTimer: (id) => window.clearTimeout(id as number),
    now: () => Date.now(),
  });
  window.addEventListener("online", conn.browserWentOnline);
  window.addEventListener("offline", conn.browserWentOffline);
  window.addEventListener("focus", conn.wake);
  window.addEventListener("pointerdown", conn.wake, { passive: true });
  window.addEventListener("keydown", conn.wake);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") conn.wake();
  });
  browserConnection = conn;
  return conn;
}
