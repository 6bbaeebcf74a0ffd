"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useTRPC } from "@/app/_trpc/client";
import type { ListBatchesOutput } from "@/server/services/batches/schemas";
import { LayersIcon } from "../icons";
import { buttonClasses } from "../ui/button";
import { cn } from "../ui/cn";
import { EmptyState } from "../ui/empty-state";
import { LoadError, LoadingBlock, LoadMore } from "../ui/query-states";
import { batchCounts, batchPhase, BatchStatusBadge, isLive, ProgressBar, useHeldLines } from "./batch-status";

type Item = ListBatchesOutput["items"][number];

// One column template for the desktop header and rows, so they line up.
const COLUMNS = "md:grid-cols-[8.5rem_minmax(0,1fr)_minmax(0,1.3fr)_minmax(0,2fr)_7rem_10rem_7rem]";

/** "SMS em Lote": the batches, newest first; a row opens the batch's history. */
export function BatchList() {
  const t = useTranslations("smsBatch");
  const trpc = useTRPC();
  const query = useInfiniteQuery(
    trpc.batch.list.infiniteQueryOptions(
      {},
      {
        getNextPageParam: (last) => last.nextCursor,
        refetchInterval: (q) => (q.state.data?.pages.some((p) => p.items.some((b) => isLive(b.status, b.progress))) ? 3000 : false),
      },
    ),
  );
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const newBatch = (
    <Link href="/sms/lote/novo" className={buttonClasses({ className: "w-full sm:w-auto" })}>
      {t("list.new")}
    </Link>
  );

  if (query.isPending) {
    return <LoadingBlock label={t("list.loading")} />;
  }
  if (query.isError && !query.data) {
    return <LoadError error={query.error} fallback={t("list.loadFailed")} retryLabel={t("retry")} onRetry={() => query.refetch()} />;
  }
  if (items.length === 0) {
    return (
      <EmptyState icon={<LayersIcon />} title={t("list.emptyTitle")} action={newBatch}>
        <p>{t("list.emptyText")}</p>
      </EmptyState>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <h2 className="text-lg font-semibold text-slate-900">{t("list.title")}</h2>
        {newBatch}
      </div>
      <div className="md:rounded-xl md:border md:border-slate-200 md:bg-white">
        <div
          aria-hidden="true"
          className={cn("hidden gap-x-4 border-b border-slate-200 px-4 py-2.5 text-xs font-semibold tracking-wide text-slate-600 uppercase md:grid", COLUMNS)}
        >
          <span>{t("columns.date")}</span>
          <span>{t("columns.operator")}</span>
          <span>{t("columns.motivo")}</span>
          <span>{t("columns.filters")}</span>
          <span className="text-right">{t("columns.recipients")}</span>
          <span>{t("columns.counts")}</span>
          <span>{t("columns.status")}</span>
        </div>
        <ul aria-label={t("list.label")} className="flex flex-col gap-3 md:gap-0">
          {items.map((b) => (
            <BatchRow key={b.id} b={b} />
          ))}
        </ul>
      </div>
      <LoadMore query={query} labels={{ failed: t("list.loadFailed"), loading: t("loadingMore"), more: t("loadMore") }} />
    </div>
  );
}

function BatchRow({ b }: { b: Item }) {
  const t = useTranslations("smsBatch");
  const format = useFormatter();
  const c = batchCounts(b.progress);
  const running = b.status === "queued" || batchPhase(b.status, b.progress) === "running";
  const held = useHeldLines()(b);
  return (
    <li
      className={cn(
        "relative grid grid-cols-[minmax(0,1fr)_auto] items-start gap-x-3 gap-y-2 rounded-xl border border-slate-200 bg-white p-4 shadow-sm",
        "focus-within:ring-3 focus-within:ring-brand-200 hover:border-brand-200 hover:bg-brand-50/40",
        "md:items-center md:gap-x-4 md:rounded-none md:border-x-0 md:border-t-0 md:border-b md:px-4 md:py-3 md:shadow-none md:last:border-b-0",
        COLUMNS,
      )}
    >
      <span className="text-sm text-slate-700 tabular-nums md:order-1">
        <span className="sr-only">{t("columns.date")}: </span>
        {format.dateTime(b.createdAt, { dateStyle: "short", timeStyle: "short" })}
      </span>
      <span className="justify-self-end md:order-7 md:justify-self-start">
        <BatchStatusBadge status={b.status} progress={b.progress} />
      </span>
      {/* The motivo is the link; its ::after stretches over the whole row so the row is the tap target. */}
      <Link
        href={`/sms/lote/${b.id}`}
        className="col-span-2 min-w-0 font-semibold break-words text-brand-800 after:absolute after:inset-0 after:rounded-xl hover:underline md:order-3 md:col-span-1 md:after:rounded-none"
      >
        {b.motivo}
      </Link>
      <span className="col-span-2 min-w-0 text-sm text-slate-700 md:order-2 md:col-span-1">
        <span className="text-slate-600 md:sr-only">{t("columns.operator")}: </span>
        {b.createdBy.name}
      </span>
      <span className="col-span-2 min-w-0 text-sm break-words text-slate-700 md:order-4 md:col-span-1">
        <span className="sr-only">{t("columns.filters")}: </span>
        {b.filterSummary}
      </span>
      <span className="text-sm text-slate-700 tabular-nums md:order-5 md:text-right">
        <span className="md:sr-only">{t("list.recipients", { count: b.recipients })}</span>
        <span aria-hidden="true" className="hidden md:inline">{b.recipients}</span>
      </span>
      <span className="col-span-2 text-sm text-slate-700 tabular-nums md:order-6 md:col-span-1">
        {t("list.counts", { sent: c.sent, delivered: c.delivered, failed: c.failed })}
      </span>
      {held.length > 0 ? (
        <span className="col-span-2 text-sm font-medium break-words text-amber-900 md:order-8 md:col-span-full">{held.join(" · ")}</span>
      ) : null}
      {running ? (
        <span className="col-span-2 md:order-8 md:col-span-full">
          <ProgressBar percent={b.progress.percent} label={t("list.progress", { motivo: b.motivo })} />
        </span>
      ) : null}
    </li>
  );
}
