"use client";

import { onlineManager, QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useState } from "react";
import superjson from "superjson";
import { connection, trackedFetch } from "@/app/_lib/pwa/connection";
import { TRPC_MAX_BATCH_SIZE } from "@/server/api/batch-size";
import type { AppRouter } from "@/server/api/root";
import { makeQueryClient } from "./query-client";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

let browserQueryClient: QueryClient | undefined;
function getQueryClient() {
  if (typeof window === "undefined") return makeQueryClient();
  if (!browserQueryClient) {
    // Queries pause (and show saved data) while the server cannot be reached, and resume when it
    // can: TanStack follows the app's connection state, not only the browser's online events.
    const conn = connection();
    onlineManager.setEventListener((setOnline) => {
      setOnline(conn.isOnline());
      return conn.subscribe(() => setOnline(conn.isOnline()));
    });
    browserQueryClient = makeQueryClient();
  }
  return browserQueryClient;
}

export function TRPCReactProvider({ children }: { children: React.ReactNode }) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      // Every answer and every network failure of the API updates the connection state. Batches are
      // split at the size the server accepts (an outbox flush may send many calls at once).
      links: [httpBatchLink({ url: "/api/trpc", transformer: superjson, maxItems: TRPC_MAX_BATCH_SIZE, fetch: trackedFetch(connection()) })],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
