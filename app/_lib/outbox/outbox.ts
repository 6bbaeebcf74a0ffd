/**
 * The offline outbox of individual SMS: items live in IndexedDB (they survive closing the app),
 * are sent one by one with their own idempotency key, and every tab hears about changes.
 */
import { connection } from "@/app/_lib/pwa/connection";
import { idb, OUTBOX_STORE } from "@/app/_lib/pwa/idb";
import type { SendIndividualInput } from "@/server/services/sms/schemas";
import { classifySendError, errorMessage } from "./errors";
import type { OutboxItem, SendOnline } from "./types";

const CHANNEL = "painel-sms-outbox";
const LOCK = "painel-sms-outbox-flush";
/** Sent items stay listed this long (so the user sees they left), then disappear. */
export const SENT_KEPT_MS = 24 * 60 * 60 * 1000;

type Listener = () => void;
const listeners = new Set<Listener>();
let channel: BroadcastChannel | null = null;

function getChannel(): BroadcastChannel | null {
  if (channel || typeof BroadcastChannel === "undefined") return channel;
  channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = () => listeners.forEach((l) => l());
  return channel;
}

function changed() {
  listeners.forEach((l) => l());
  getChannel()?.postMessage("changed");
}

/** Called on every change of the outbox, in this tab or another one. */
export function subscribeOutbox(listener: Listener): () => void {
  getChannel();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The user's items, oldest first; sent items older than a day are pruned. */
export async function listOutbox(userId: string, now = Date.now()): Promise<OutboxItem[]> {
  const items = await idb.allByIndex<OutboxItem>(OUTBOX_STORE, "userId", userId);
  const expired = items.filter((i) => i.status === "sent" && now - i.updatedAt > SENT_KEPT_MS);
  for (const i of expired) await idb.delete(OUTBOX_STORE, i.id);
  return items.filter((i) => !expired.includes(i)).sort((a, b) => a.createdAt - b.createdAt);
}

export function getOutboxItem(id: string): Promise<OutboxItem | undefined> {
  return idb.get<OutboxItem>(OUTBOX_STORE, id);
}

/** Keeps an already validated input for later; the same idempotency key is never added twice. */
export async function enqueue(
  userId: string,
  input: SendIndividualInput,
  display: OutboxItem["display"],
  now = Date.now(),
): Promise<OutboxItem> {
  const item: OutboxItem = { id: input.idempotencyKey, userId, input, display, status: "pending", createdAt: now, updatedAt: now, attempts: 0 };
  const stored = await idb.update<OutboxItem>(OUTBOX_STORE, item.id, (current) => current ?? item);
  changed();
  return stored ?? item;
}

async function patch(id: string, change: (i: OutboxItem) => OutboxItem | undefined): Promise<OutboxItem | undefined> {
  const next = await idb.update<OutboxItem>(OUTBOX_STORE, id, (i) => (i ? change(i) : undefined));
  changed();
  return next;
}

/**
 * Cancels a message that has not left yet (pending or failed). Returns false if it is being sent or
 * was sent: checked in the same transaction as the delete, so a flush claiming it meanwhile wins.
 */
export async function cancelOutboxItem(id: string): Promise<boolean> {
  const deleted = await idb.deleteIf<OutboxItem>(OUTBOX_STORE, id, (i) => i.status === "pending" || i.status === "failed");
  if (deleted) changed();
  return deleted;
}

/** Hides a sent message from the list. */
export async function dismissOutboxItem(id: string): Promise<void> {
  if (await idb.deleteIf<OutboxItem>(OUTBOX_STORE, id, (i) => i.status === "sent")) changed();
}

/** Puts a failed message back in line (same idempotency key). */
export async function retryOutboxItem(id: string): Promise<void> {
  await patch(id, (i) => (i.status === "failed" ? { ...i, status: "pending", error: undefined, updatedAt: Date.now() } : i));
}

export type FlushResult = {
  sent: number;
  failed: number;
  waiting: number;
  skipped?: "locked" | "offline";
  /** Why messages are still waiting: no connection, or the server asked to wait (rate limit, busy). */
  stoppedBy?: "offline" | "retry_later";
};

async function flushUnlocked(userId: string, sendOnline: SendOnline): Promise<FlushResult> {
  const result: FlushResult = { sent: 0, failed: 0, waiting: 0 };
  // "sending" left over means a tab closed mid-request: the same key makes resending safe.
  const due = (await listOutbox(userId)).filter((i) => i.status === "pending" || i.status === "sending");
  for (let n = 0; n < due.length; n++) {
    const item = due[n]!;
    const claimed = await patch(item.id, (i) =>
      i.status === "pending" || i.status === "sending" ? { ...i, status: "sending", attempts: i.attempts + 1, updatedAt: Date.now() } : undefined,
    );
    if (claimed?.status !== "sending") continue;
    try {
      const out = await sendOnline(claimed.input);
      await patch(item.id, (i) => ({
        ...i,
        status: "sent",
        error: undefined,
        updatedAt: Date.now(),
        outcome: { id: out.id, status: out.status, phone: out.phone, segments: out.segments },
      }));
      result.sent++;
    } catch (error) {
      const kind = classifySendError(error);
      if (kind === "refused") {
        await patch(item.id, (i) => ({ ...i, status: "failed", error: errorMessage(error), updatedAt: Date.now() }));
        result.failed++;
        continue;
      }
      // No connection or the server asks to wait: everything left stays pending for the next flush.
      await patch(item.id, (i) => ({ ...i, status: "pending", updatedAt: Date.now() }));
      result.waiting = due.length - n;
      result.stoppedBy = kind;
      return result;
    }
  }
  return result;
}

let inTab: Promise<FlushResult> | null = null;

/**
 * Sends the user's pending messages, one flush at a time: one per tab, and across tabs through the
 * Web Locks API where the browser has it (a tab that finds the lock taken leaves it to the holder).
 */
export function flushOutbox(userId: string, sendOnline: SendOnline): Promise<FlushResult> {
  if (!connection().isOnline()) return Promise.resolve({ sent: 0, failed: 0, waiting: 0, skipped: "offline" });
  if (inTab) return inTab;
  const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
  const run: Promise<FlushResult> = locks
    ? new Promise<FlushResult>((resolve, reject) => {
        // The lock is held until the callback's promise settles, i.e. for the whole flush.
        locks
          .request(LOCK, { ifAvailable: true }, async (lock) => {
            resolve(lock ? await flushUnlocked(userId, sendOnline) : { sent: 0, failed: 0, waiting: 0, skipped: "locked" });
          })
          .catch(reject);
      })
    : flushUnlocked(userId, sendOnline);
  inTab = run.finally(() => {
    inTab = null;
  });
  return inTab;
}
