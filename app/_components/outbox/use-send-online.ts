"use client";

import { useCallback } from "react";
import { useTRPCClient } from "@/app/_trpc/client";
import type { SendOnline } from "@/app/_lib/outbox/types";

/** The outbox's way to the server: the `sms.sendIndividual` mutation, without the query cache. */
export function useSendOnline(): SendOnline {
  const client = useTRPCClient();
  return useCallback((input) => client.sms.sendIndividual.mutate(input), [client]);
}
