// The device side of the PWA specs: the service worker, its page cache and the outbox in IndexedDB.
import type { Page } from "@playwright/test";
import { expect } from "../fixtures";

// Offline, the browser logs each request that cannot leave (Next's link prefetches of pages never
// opened): expected in the offline specs, so only those network failures are let through; anything
// else still fails (`test.use({ consoleNoise: OFFLINE_CONSOLE_NOISE })`).
export const OFFLINE_CONSOLE_NOISE = /^Failed to load resource: net::ERR_(FAILED|INTERNET_DISCONNECTED)$/;

export async function controlledByServiceWorker(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });
}

/** Waits until the worker saved the page for offline use. */
export async function pageSaved(page: Page, path: string) {
  await expect.poll(() => page.evaluate((p) => caches.open("pages").then((c) => c.match(p).then((r) => r?.status ?? 0)), path), { timeout: 15_000 }).toBe(200);
}

/** Stores an outbox item the way the app does (IndexedDB "painel-sms", store "outbox"). */
export async function storeOutboxItem(page: Page, item: Record<string, unknown>) {
  await page.evaluate(
    (value) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open("painel-sms");
        open.onsuccess = () => {
          const tx = open.result.transaction("outbox", "readwrite");
          tx.objectStore("outbox").put(value);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
    item,
  );
}
