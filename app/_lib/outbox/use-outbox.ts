"use client";

import { useCallback, useEffect, useState } from "react";
import { idbAvailable } from "@/app/_lib/pwa/idb";
import { cancelOutboxItem, dismissOutboxItem, listOutbox, retryOutboxItem, subscribeOutbox } from "./outbox";
import type { OutboxItem } from "./types";

/** The user's outbox, kept current across tabs; `null` until IndexedDB answered. */
export function useOutbox(userId: string) {
  const [items, setItems] = useState<OutboxItem[] | null>(null);

  useEffect(() => {
    if (!idbAvailable()) return;
    let active = true;
    const load = () => {
      listOutbox(userId)
        .then((list) => {
          if (active) setItems(list);
        })
        .catch(() => {
          if (active) setItems([]);
        });
    };
    load();
    const off = subscribeOutbox(load);
    return () => {
      active = false;
      off();
    };
  }, [userId]);

  return {
    items,
    cancel: useCallback((id: string) => cancelOutboxItem(id), []),
    retry: useCallback((id: string) => retryOutboxItem(id), []),
    dismiss: useCallback((id: string) => dismissOutboxItem(id), []),
  };
}
