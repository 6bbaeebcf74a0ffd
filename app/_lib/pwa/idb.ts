/**
 * The app's IndexedDB database ("painel-sms"), written against the plain IndexedDB API:
 * - `outbox`: individual SMS composed without a connection, keyed by their idempotency key;
 * - `kv`: small values, e.g. the saved query cache of each user (data shown offline).
 */
const DB_NAME = "painel-sms";
const DB_VERSION = 1;
export const OUTBOX_STORE = "outbox";
export const KV_STORE = "kv";

let opening: Promise<IDBDatabase> | null = null;

export function idbAvailable(): boolean {
  return typeof indexedDB !== "undefined";
}

function openDb(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, DB_VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(OUTBOX_STORE)) {
        db.createObjectStore(OUTBOX_STORE, { keyPath: "id" }).createIndex("userId", "userId");
      }
      if (!db.objectStoreNames.contains(KV_STORE)) db.createObjectStore(KV_STORE);
    };
    req.onsuccess = () => {
      const db = req.result;
      // Another tab upgrading the schema: let it, and reopen on the next call.
      db.onversionchange = () => {
        db.close();
        opening = null;
      };
      resolve(db);
    };
    req.onerror = () => {
      opening = null;
      reject(req.error);
    };
  });
  return opening;
}

function done<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Runs `work` in one transaction and resolves with its result once the transaction committed. */
async function tx<T>(store: string, mode: IDBTransactionMode, work: (s: IDBObjectStore) => Promise<T> | T): Promise<T> {
  const db = await openDb();
  const t = db.transaction(store, mode);
  const committed = new Promise<void>((resolve, reject) => {
    t.oncomplete = () => resolve();
    t.onerror = () => reject(t.error);
    t.onabort = () => reject(t.error ?? new Error("IndexedDB transaction aborted"));
  });
  const result = await work(t.objectStore(store));
  await committed;
  return result;
}

export const idb = {
  get: <T>(store: string, key: IDBValidKey) => tx(store, "readonly", (s) => done(s.get(key)) as Promise<T | undefined>),
  put: (store: string, value: unknown, key?: IDBValidKey) => tx(store, "readwrite", (s) => done(s.put(value, key)).then(() => undefined)),
  delete: (store: string, key: IDBValidKey) => tx(store, "readwrite", (s) => done(s.delete(key))),
  allByIndex: <T>(store: string, index: string, value: IDBValidKey) =>
    tx(store, "readonly", (s) => done(s.index(index).getAll(value)) as Promise<T[]>),
  /** Read-modify-write of one record inside a single transaction (no lost update between tabs). */
  update: <T>(store: string, key: IDBValidKey, change: (current: T | undefined) => T | undefined) =>
    tx(store, "readwrite", async (s) => {
      const next = change((await done(s.get(key))) as T | undefined);
      if (next !== undefined) await done(s.put(next));
      return next;
    }),
  /** Deletes one record if `test` accepts it, read and delete in a single transaction. */
  deleteIf: <T>(store: string, key: IDBValidKey, test: (current: T) => boolean) =>
    tx(store, "readwrite", async (s) => {
      const current = (await done(s.get(key))) as T | undefined;
      if (current === undefined || !test(current)) return false;
      await done(s.delete(key));
      return true;
    }),
};
