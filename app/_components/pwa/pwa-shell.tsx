"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { connection } from "@/app/_lib/pwa/connection";
import { idbAvailable } from "@/app/_lib/pwa/idb";
import { OutboxSync } from "../outbox/outbox-sync";
import { NetworkStatus } from "./network-status";
import { persistQueries } from "./persisted-queries";
import { ServiceWorker } from "./service-worker";

/** The offline side of the signed-in shell: worker and updates, connection state, saved data, outbox. */
export function PwaShell({ userId }: { userId: string }) {
  const queryClient = useQueryClient();
  // A page opened from the device's copy may have no network at all while the browser says online.
  useEffect(() => {
    void connection().check();
  }, []);
  useEffect(() => {
    if (!idbAvailable()) return;
    return persistQueries(queryClient, userId);
  }, [queryClient, userId]);

  return (
    <>
      <ServiceWorker />
      <NetworkStatus />
      <OutboxSync userId={userId} />
    </>
  );
}
