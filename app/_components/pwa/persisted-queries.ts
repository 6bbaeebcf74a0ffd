/**
 * The last data seen, kept on the device per user: successful query results are saved to
 * IndexedDB (debounced) and put back into the query cache when the app starts, so a screen
 * opened offline shows what it showed last time. Cleared on sign-out.
 */
import { dehydrate, hydrate, type DehydratedState, type QueryClient } from "@tanstack/react-query";
import { idb, idbAvailable, KV_STORE } from "@/app/_lib/pwa/idb";

const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
const MAX_QUERIES = 100;
const SAVE_DELAY_MS = 1000;
// Bumped when the shape of saved data changes, so an old copy is never read as a new one.
const FORMAT = 1;

type Saved = { format: number; savedAt: number; state: DehydratedState };

const keyFor = (userId: string) => `queries:${userId}`;

type SavedQuery = DehydratedState["queries"][number];

async function loadSaved(userId: string, now = Date.now()): Promise<SavedQuery[]> {
  if (!idbAvailable()) return [];
  const saved = await idb.get<Saved>(KV_STORE, keyFor(userId));
  if (!saved || saved.format !== FORMAT || now - saved.savedAt > MAX_AGE_MS) return [];
  return saved.state.queries;
}

/** Saves the successful queries, and the saved ones not put back yet (screens not opened this time). */
async function saveQueries(client: QueryClient, userId: string, notRestored: Iterable<SavedQuery> = []): Promise<void> {
  if (!idbAvailable()) return;
  const recent = new Set(
    client
      .getQueryCache()
      .getAll()
      .filter((q) => q.state.status === "success")
      .sort((a, b) => b.state.dataUpdatedAt - a.state.dataUpdatedAt)
      .slice(0, MAX_QUERIES),
  );
  const state = dehydrate(client, { shouldDehydrateQuery: (q) => recent.has(q) });
  const present = new Set(state.queries.map((q) => q.queryHash));
  const kept = [...notRestored].filter((q) => !present.has(q.queryHash));
  if (kept.length > 0) {
    state.queries = [...state.queries, ...kept].sort((a, b) => b.state.dataUpdatedAt - a.state.dataUpdatedAt).slice(0, MAX_QUERIES);
  }
  await idb.put(KV_STORE, { format: FORMAT, savedAt: Date.now(), state } satisfies Saved, keyFor(userId));
}

// The saved queries not put back yet, per client: the offline customer search reads them too.
const waitingByClient = new WeakMap<QueryClient, Map<string, SavedQuery>>();

/**
 * The data of every query whose key passes `test`, from this session and from what the device
 * saved (screens not opened yet): what the app can still show without a connection.
 */
export function savedQueryData(client: QueryClient, test: (queryKey: readonly unknown[]) => boolean): unknown[] {
  const found = new Map<string, unknown>();
  for (const q of client.getQueryCache().getAll()) {
    if (q.state.data !== undefined && test(q.queryKey)) found.set(q.queryHash, q.state.data);
  }
  const deserialize = client.getDefaultOptions().hydrate?.deserializeData ?? ((d: unknown) => d);
  for (const [hash, q] of waitingByClient.get(client) ?? []) {
    if (found.has(hash) || q.state.data === undefined || !test(q.queryKey)) continue;
    try {
      found.set(hash, deserialize(q.state.data));
    } catch {
      // An unreadable copy is skipped, as when restoring.
    }
  }
  return [...found.values()];
}

/**
 * Restores, then saves after every successful fetch. Returns the unsubscribe function.
 *
 * A saved query is put back only once a component observes it: a component still hydrating
 * (a page streamed inside a Suspense boundary) must render what the server rendered, and a query
 * filled in under it would make React's hydration fail. Observers subscribe after their component
 * hydrated, so the data arrives as an ordinary update.
 */
export function persistQueries(client: QueryClient, userId: string): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let dirty = false;
  const waiting = new Map<string, SavedQuery>();
  waitingByClient.set(client, waiting);
  const putBack = (hashes: string[]) => {
    const queries = hashes.flatMap((h) => {
      const q = waiting.get(h);
      waiting.delete(h);
      return q ? [q] : [];
    });
    // hydrate keeps whatever is newer: data fetched since the app started wins.
    if (queries.length > 0 && !stopped) hydrate(client, { mutations: [], queries });
  };
  const restored = loadSaved(userId)
    .then((queries) => {
      if (stopped) return;
      for (const q of queries) waiting.set(q.queryHash, q);
      putBack(
        client
          .getQueryCache()
          .getAll()
          .filter((q) => q.getObserversCount() > 0)
          .map((q) => q.queryHash),
      );
    })
    .catch(() => {});
  const save = () => {
    clearTimeout(timer);
    if (stopped || !dirty) return;
    dirty = false;
    void restored.then(() => saveQueries(client, userId, waiting.values())).catch(() => {});
  };
  const unsubscribe = client.getQueryCache().subscribe((event) => {
    if (event.type === "observerAdded" && waiting.has(event.query.queryHash)) {
      const hash = event.query.queryHash;
      // Out of the cache's notification.
      queueMicrotask(() => putBack([hash]));
      return;
    }
    if (event.type !== "updated" || event.action.type !== "success") return;
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  });
  // The app may be closed right after: save what is pending when it goes to the background.
  const onHide = () => {
    if (document.visibilityState === "hidden") save();
  };
  document.addEventListener("visibilitychange", onHide);
  return () => {
    stopped = true;
    clearTimeout(timer);
    unsubscribe();
    if (waitingByClient.get(client) === waiting) waitingByClient.delete(client);
    document.removeEventListener("visibilitychange", onHide);
  };
}

/** Sign-out: the next person on this phone must not see this user's saved data or pages. */
export async function clearOfflineData(userId: string): Promise<void> {
  const tasks: Promise<unknown>[] = [];
  if (idbAvailable()) tasks.push(idb.delete(KV_STORE, keyFor(userId)));
  if (typeof caches !== "undefined") tasks.push(caches.delete("pages"), caches.delete("pages-rsc"));
  await Promise.allSettled(tasks);
}
