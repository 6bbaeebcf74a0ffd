"use client";

import { Button } from "./button";
import { cn } from "./cn";
import { Spinner } from "./spinner";

/** A list or card still loading its first data. */
export function LoadingBlock({ label }: { label: string }) {
  return (
    <div className="flex justify-center py-10">
      <Spinner label={label} className="size-6 text-brand-600" />
    </div>
  );
}

/**
 * A query that failed: the server's own (pt-BR) message when it sent one, else `fallback` (e.g. no
 * connection), and a retry button.
 */
export function LoadError({
  error,
  fallback,
  retryLabel,
  onRetry,
  className,
}: {
  error: { data?: unknown; message: string } | null;
  fallback: string;
  retryLabel: string;
  onRetry: () => void;
  className?: string;
}) {
  return (
    <div role="alert" className={cn("flex flex-col items-start gap-3 rounded-xl bg-red-50 p-4 text-red-900 ring-1 ring-red-200", className)}>
      <p>{error?.data ? error.message : fallback}</p>
      <Button variant="secondary" onClick={onRetry}>
        {retryLabel}
      </Button>
    </div>
  );
}

type PagedQuery = {
  isFetchNextPageError: boolean;
  error: { data?: unknown; message: string } | null;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
};

/** "Carregar mais" under a keyset-paged list, with the error of the last page if it failed. */
export function LoadMore({ query, labels }: { query: PagedQuery; labels: { failed: string; loading: string; more: string } }) {
  return (
    <>
      {query.isFetchNextPageError ? (
        <p role="alert" className="text-sm font-medium text-red-800">
          {query.error?.data ? query.error.message : labels.failed}
        </p>
      ) : null}
      {query.hasNextPage ? (
        <Button
          variant="secondary"
          className="w-full md:mx-auto md:w-auto md:min-w-60"
          onClick={() => query.fetchNextPage()}
          disabled={query.isFetchingNextPage}
        >
          {query.isFetchingNextPage ? labels.loading : labels.more}
        </Button>
      ) : null}
    </>
  );
}
