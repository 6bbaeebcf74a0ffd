"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { idbAvailable } from "@/app/_lib/pwa/idb";
import { flushOutbox, listOutbox } from "@/app/_lib/outbox/outbox";
import { useTRPC } from "@/app/_trpc/client";
import { useSendOnline } from "./use-send-online";

// While messages wait for a busy server (rate limit), try again this often.
const RETRY_MS = 30_000;

/**
 * Sends what the outbox holds: when the app starts, when the connection returns, and now and then
 * while something is still pending. Renders nothing.
 */
export function OutboxSync({ userId }: { userId: string }) {
  const sendOnline = useSendOnline();
  const queryClient = useQueryClient();
  const trpc = useTRPC();

  useEffect(() => {
    if (!idbAvailable()) return;
    let stopped = false;
    const flush = () => {
      flushOutbox(userId, sendOnline)
        .then((r) => {
          // New messages in the ledger: the history lists must show them.
          if (!stopped && r.sent > 0) {
            void queryClient.invalidateQueries({ queryKey: trpc.sms.pathKey() });
            // The history (SMS Individual, customer's page) lists `message.list`.
            void queryClient.invalidateQueries(trpc.message.list.pathFilter());
          }
        })
        .catch(() => {});
    };
    flush();
    window.addEventListener("online", flush);
    const timer = setInterval(() => {
      listOutbox(userId)
        .then((items) => {
          if (items.some((i) => i.status === "pending")) flush();
        })
        .catch(() => {});
    }, RETRY_MS);
    return () => {
      stopped = true;
      window.removeEventListener("online", flush);
      clearInterval(timer);
    };
  }, [userId, sendOnline, queryClient, trpc]);

  return null;
}
