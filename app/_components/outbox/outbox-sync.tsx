"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { createFlushScheduler } from "@/app/_lib/outbox/flush-scheduler";
import { flushOutbox, listOutbox, subscribeOutbox } from "@/app/_lib/outbox/outbox";
import { connection } from "@/app/_lib/pwa/connection";
import { idbAvailable } from "@/app/_lib/pwa/idb";
import { useTRPC } from "@/app/_trpc/client";
import { useSendOnline } from "./use-send-online";

// While the server asks to wait (rate limit, busy), try again after this long.
const RETRY_MS = 30_000;

/**
 * Sends what the outbox holds: when the app starts, the moment the connection is back, and after
 * any answer from the server while something waits (see flush-scheduler.ts). Renders nothing.
 */
export function OutboxSync({ userId }: { userId: string }) {
  const sendOnline = useSendOnline();
  const queryClient = useQueryClient();
  const trpc = useTRPC();

  useEffect(() => {
    if (!idbAvailable()) return;
    const conn = connection();
    let pending = false;
    const refreshPending = () => {
      listOutbox(userId)
        .then((items) => {
          pending = items.some((i) => i.status === "pending" || i.status === "sending");
        })
        .catch(() => {});
    };
    const scheduler = createFlushScheduler({
      flush: () => flushOutbox(userId, sendOnline),
      hasPending: () => pending,
      onFlushed: (r) => {
        // New messages in the ledger: the history lists must show them.
        if (r.sent > 0) {
          void queryClient.invalidateQueries({ queryKey: trpc.sms.pathKey() });
          // The history (SMS Individual, customer's page) lists `message.list`.
          void queryClient.invalidateQueries(trpc.message.list.pathFilter());
        }
      },
      retryMs: RETRY_MS,
      setTimer: (fn, ms) => window.setTimeout(fn, ms),
      clearTimer: (id) => window.clearTimeout(id as number),
      now: () => Date.now(),
    });
    refreshPending();
    const offOutbox = subscribeOutbox(refreshPending);
    let wasOnline = conn.isOnline();
    const offConnection = conn.subscribe(() => {
      const online = conn.isOnline();
      if (online && !wasOnline) void scheduler.trigger("online");
      wasOnline = online;
    });
    const offAnswer = conn.onServerAnswer(() => void scheduler.trigger("answer"));
    void scheduler.trigger("start");
    return () => {
      scheduler.stop();
      offOutbox();
      offConnection();
      offAnswer();
    };
  }, [userId, sendOnline, queryClient, trpc]);

  return null;
}
