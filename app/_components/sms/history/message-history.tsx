"use client";

import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type ReactNode, useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import type { SmsStatus } from "@/db/schema/constants";
import { filtersToSearchParams } from "@/server/services/messages/query-string";
import type { MessageFiltersInput, MessageRowOutput } from "@/server/services/messages/schemas";
import { SearchIcon } from "../../icons";
import { Button, buttonClasses } from "../../ui/button";
import { cn } from "../../ui/cn";
import { EmptyState } from "../../ui/empty-state";
import { Spinner } from "../../ui/spinner";
import { useDebounced } from "../../ui/use-debounced";
import { activeFilterCount, EMPTY_FILTERS, type HistoryFilters, MessageFilters } from "./message-filters";
import { MessageList } from "./message-list";
import { LoadError, LoadMore, LoadingBlock } from "@/app/_components/ui/query-states";

const PHONE_DEBOUNCE_MS = 300;
/** While a recent message on screen may still change (queued, sending, sent), the list refreshes itself. */
const PENDING: ReadonlySet<SmsStatus> = new Set<SmsStatus>(["queued", "sending", "sent"]);
const POLL_MS = 5000;
const POLL_WINDOW_MS = 10 * 60_000;

function awaitingReport(m: MessageRowOutput): boolean {
  return PENDING.has(m.status) && Date.now() - m.createdAt.getTime() < POLL_WINDOW_MS;
}

function toInput(f: HistoryFilters, phone: string, scope: "individual" | "all"): MessageFiltersInput {
  return {
    from: f.from || null,
    to: f.to || null,
    statuses: f.statuses.length > 0 ? f.statuses : null,
    customerId: f.customer?.id ?? null,
    operatorId: f.operatorId || null,
    origin: scope === "individual" ? "individual" : f.origin || null,
    phone: phone.trim() || null,
  };
}

/**
 * A grid of messages with its filters, newest first, "Carregar mais" by keyset. `scope` individual
 * is the SMS Individual tab; all is the history of every message (with origin and CSV export).
 */
export function MessageHistory({
  scope,
  canFilterOperator,
  empty,
}: {
  scope: "individual" | "all";
  canFilterOperator: boolean;
  /** What to show (and do) when nothing was ever sent; the filtered case is handled here. */
  empty: ReactNode;
}) {
  const t = useTranslations("smsHistory");
  const trpc = useTRPC();
  const [filters, setFilters] = useState<HistoryFilters>(EMPTY_FILTERS);
  const phone = useDebounced(filters.phone, PHONE_DEBOUNCE_MS);
  const periodError = filters.from && filters.to && filters.from > filters.to ? t("filters.periodError") : null;
  const input = toInput(filters, phone, scope);

  const operators = useQuery({ ...trpc.message.operators.queryOptions(), enabled: canFilterOperator });
  const query = useInfiniteQuery(
    trpc.message.list.infiniteQueryOptions(input, {
      getNextPageParam: (last) => last.nextCursor,
      placeholderData: keepPreviousData,
      enabled: !periodError,
      refetchInterval: (q) => (q.state.data?.pages.some((p) => p.items.some(awaitingReport)) ? POLL_MS : false),
    }),
  );
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = activeFilterCount(filters) > 0;
  const searching = query.isFetching && !query.isFetchingNextPage && query.isPlaceholderData;
  const exportHref = `/api/export/sms?${filtersToSearchParams(input).toString()}`;

  return (
    <div className="flex flex-col gap-4">
      <MessageFilters
        value={filters}
        onChange={setFilters}
        operators={canFilterOperator ? (operators.data ?? []) : null}
        showOrigin={scope === "all"}
        periodError={periodError}
      />

      <div className={cn("flex min-h-11 flex-wrap items-center justify-between gap-3", scope === "individual" && items.length === 0 && !searching && "hidden")}>
        <div aria-live="polite" className="text-sm text-slate-600">
          {searching ? <Spinner label={t("loading")} className="size-4 text-brand-600" /> : items.length > 0 ? t("shownCount", { count: items.length }) : null}
        </div>
        {scope === "all" ? (
          periodError ? (
            // Nothing to export until the period makes sense (the error is shown on "Até").
            <a aria-disabled="true" className={buttonClasses({ variant: "secondary", className: "cursor-not-allowed text-slate-500" })}>
              {t("export")}
            </a>
          ) : (
            <a href={exportHref} download className={buttonClasses({ variant: "secondary" })} title={t("exportHint")}>
              {t("export")}
            </a>
          )
        ) : null}
      </div>

      {query.isPending && !periodError ? (
        <LoadingBlock label={t("loading")} />
      ) : query.isError && !query.data ? (
        <LoadError error={query.error} fallback={t("loadFailed")} retryLabel={t("retry")} onRetry={() => query.refetch()} />
      ) : items.length === 0 ? (
        filtered ? (
          <EmptyState
            icon={<SearchIcon />}
            title={t("empty.filteredTitle")}
            action={
              <Button variant="secondary" onClick={() => setFilters(EMPTY_FILTERS)}>
                {t("filters.clear")}
              </Button>
            }
          >
            <p>{t("empty.filteredText")}</p>
          </EmptyState>
        ) : (
          empty
        )
      ) : (
        <>
          <MessageList items={items} showOrigin={scope === "all"} dimmed={searching} />
          <LoadMore query={query} labels={{ failed: t("loadFailed"), loading: t("loadingMore"), more: t("loadMore") }} />
        </>
      )}
    </div>
  );
}
