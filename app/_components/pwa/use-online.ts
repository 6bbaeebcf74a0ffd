"use client";

import { useSyncExternalStore } from "react";
import { connection } from "@/app/_lib/pwa/connection";

const subscribe = (onChange: () => void) => connection().subscribe(onChange);
const getSnapshot = () => connection().isOnline();

/** Whether the server can be reached (see app/_lib/pwa/connection.ts); the server render assumes online. */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribe, getSnapshot, () => true);
}
