"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { SearchIcon } from "../icons";
import { EmptyState } from "../ui/empty-state";
import { Input } from "../ui/input";
import { Spinner } from "../ui/spinner";
import { LAST_SEARCH_KEY } from "./back-to-customers";
import { CustomerList } from "./customer-list";
import { LoadError, LoadMore, LoadingBlock } from "@/app/_components/ui/query-states";
import { type CustomerView, FIELD_SEARCH_MIN_CHARS } from "@/server/services/customers/schemas";

const DEBOUNCE_MS = 300;

/** Keeps the query in the address (?q=) without a server round trip, so back and refresh keep it. */
function useQueryInUrl(q: string) {
  useEffect(() => {
    const url = new URL(window.location.href);
    if (q) url.searchParams.set("q", q);
    else url.searchParams.delete("q");
    if (url.href !== window.location.href) window.history.replaceState(window.history.state, "", url);
    if (q) sessionStorage.setItem(LAST_SEARCH_KEY, q);
    else sessionStorage.removeItem(LAST_SEARCH_KEY);
  }, [q]);
}

/** The field view (technicians) searches only with a term, and sees one page of results. */
export function CustomerSearch({ view = "office" }: { view?: CustomerView }) {
  const t = useTranslations("customers");
  const trpc = useTRPC();
  const initial = useSearchParams().get("q") ?? "";
  const [text, setText] = useState(initial);
  const [q, setQ] = useState(initial.trim());
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useQueryInUrl(q);
  useEffect(() => () => clearTimeout(timer.current), []);

  function onChange(value: string) {
    setText(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setQ(value.trim()), DEBOUNCE_MS);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    clearTimeout(timer.current);
    setQ(text.trim());
  }

  const needsTerm = view === "field" && q.length < FIELD_SEARCH_MIN_CHARS;
  const query = useInfiniteQuery(
    trpc.customer.search.infiniteQueryOptions(
      { q },
      // The previous results stay on screen while the next query loads, instead of flashing empty.
      { getNextPageParam: (last) => last.nextCursor, placeholderData: keepPreviousData, enabled: !needsTerm },
    ),
  );
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const searching = query.isFetching && !query.isFetchingNextPage;

  return (
    <div className="flex flex-col gap-4">
      <search>
        <form onSubmit={onSubmit} className="flex flex-col gap-1.5">
          <label htmlFor="customer-search" className="text-sm font-medium text-slate-800">
            {t("searchLabel")}
          </label>
          <div className="relative">
            <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-5 -translate-y-1/2 text-slate-500" />
            <Input
              id="customer-search"
              type="search"
              name="q"
              value={text}
              onChange={(e) => onChange(e.target.value)}
              placeholder={view === "field" ? t("searchPlaceholderField") : t("searchPlaceholder")}
              autoComplete="off"
              autoCorrect="off"
              spellCheck={false}
              enterKeyHint="search"
              maxLength={100}
              className="pl-10"
            />
          </div>
        </form>
      </search>

      <div aria-live="polite" className="flex min-h-6 items-center text-sm text-slate-600">
        {needsTerm ? null : searching && query.data ? (
          <Spinner label={t("searching")} className="size-4 text-brand-600" />
        ) : query.data && items.length > 0 ? (
          <span>{t("shownCount", { count: items.length })}</span>
        ) : null}
      </div>

      {needsTerm ? (
        <EmptyState icon={<SearchIcon />} title={t("typeToSearch")}>
          <p>{t("typeToSearchHint")}</p>
        </EmptyState>
      ) : query.isPending ? (
        <LoadingBlock label={t("searching")} />
      ) : query.isError && !query.data ? (
        <LoadError error={query.error} fallback={t("loadFailedList")} retryLabel={t("retry")} onRetry={() => query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState icon={<SearchIcon />} title={q ? t("noResults", { q }) : t("noCustomers")}>
          {q ? <p>{t("noResultsHint")}</p> : null}
        </EmptyState>
      ) : (
        <>
          <CustomerList items={items} dimmed={searching} />
          <LoadMore query={query} labels={{ failed: t("loadFailedList"), loading: t("loadingMore"), more: t("loadMore") }} />
        </>
      )}
    </div>
  );
}
