"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import type { SmsOrigin } from "@/db/schema/constants";
import { PENDING_STATUSES, type PendingStatus } from "@/server/services/queue/pending-statuses";
import { STATUS_LABELS } from "@/server/sms/status";
import { ClockIcon } from "../icons";
import { OriginSelect } from "../sms/origin-select";
import { Button, buttonClasses } from "../ui/button";
import { Card, CardTitle } from "../ui/card";
import { cn } from "../ui/cn";
import { EmptyState } from "../ui/empty-state";
import { Field } from "../ui/field";
import { Select } from "../ui/select";
import { type Feedback, FeedbackToast } from "../ui/feedback-toast";
import { QUEUE_COLUMNS, QueueRow } from "./queue-row";
import { LoadError, LoadingBlock } from "@/app/_components/ui/query-states";

/** While the tab is open the queue refreshes itself; faster for a while after an action. */
const REFRESH_MS = 15_000;
const FAST_REFRESH_MS = 2_000;
const FAST_WINDOW_MS = 30_000;

const asStatus = (v: string) => PENDING_STATUSES.find((s) => s === v) ?? null;

export function QueueManager({ isAdmin }: { isAdmin: boolean }) {
  const t = useTranslations("smsQueue");
  // The origins' words are the history's (one list for every screen).
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<PendingStatus | null>(null);
  const [origin, setOrigin] = useState<SmsOrigin | null>(null);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  // A fresh action (a cancel, a drain request): follow its effect closely for a while.
  const [fast, setFast] = useState(0);
  const dismiss = useCallback(() => setFeedback(null), []);
  useEffect(() => {
    if (fast === 0) return;
    const timer = setTimeout(() => setFast(0), FAST_WINDOW_MS);
    return () => clearTimeout(timer);
  }, [fast]);
  const refetchInterval = fast ? FAST_REFRESH_MS : REFRESH_MS;

  // Both start at once (one batched request): no waterfall on first load.
  const summary = useQuery({ ...trpc.queue.status.queryOptions(), refetchInterval });
  const list = useInfiniteQuery({
    ...trpc.queue.list.infiniteQueryOptions({ status, origin }, { getNextPageParam: (last) => last.nextCursor }),
    refetchInterval,
  });

  const refresh = () => {
    setFast((n) => n + 1);
    void queryClient.invalidateQueries({ queryKey: trpc.queue.list.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.queue.status.queryKey() });
  };
  const onFeedback = (f: Feedback) => {
    setFeedback(f);
    refresh();
  };
  const drain = useMutation(
    trpc.queue.drainNow.mutationOptions({
      onSuccess: () => onFeedback({ message: t("drain.requested"), tone: "success" }),
      onError: (e) => setFeedback({ message: e.data ? e.message : t("drain.failed"), tone: "error" }),
    }),
  );

  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = status !== null || origin !== null;

  return (
    <div className="flex flex-col gap-4">
      <FeedbackToast feedback={feedback} onDismiss={dismiss} dismissLabel={t("feedback.dismiss")} />

      <Card aria-labelledby="queue-summary" className="flex flex-col gap-3 md:flex-row md:items-center md:justify-between">
        <div aria-live="polite">
          {summary.data ? (
            <>
              <p id="queue-summary" className="text-lg font-semibold text-slate-900">
                {t("summary.pending", { count: summary.data.pending })}
              </p>
              <p className="flex items-center gap-1.5 text-sm text-slate-700">
                <ClockIcon className="size-4 text-slate-500" />
                {t("summary.nextDrain", { time: format.dateTime(summary.data.nextDrainAt, { hour: "2-digit", minute: "2-digit" }) })}
                <span className="sr-only md:not-sr-only">· {t("summary.every")}</span>
              </p>
            </>
          ) : (
            <p id="queue-summary" className="text-slate-600">
              {summary.isError ? t("loadFailed") : t("summary.loading")}
            </p>
          )}
        </div>
        {isAdmin ? (
          <Button onClick={() => drain.mutate()} disabled={drain.isPending} className="w-full md:w-auto">
            {drain.isPending ? t("drain.pending") : t("drain.button")}
          </Button>
        ) : null}
      </Card>

      <div role="group" aria-label={t("filters.label")} className="grid grid-cols-2 items-end gap-3 md:flex md:gap-4">
        <Field label={t("filters.status")} className="md:w-52">
          {(props) => (
            <Select {...props} value={status ?? ""} onChange={(e) => setStatus(asStatus(e.target.value))}>
              <option value="">{t("filters.all")}</option>
              {PENDING_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label={t("filters.origin")} className="md:w-56">
          {(props) => <OriginSelect control={props} value={origin} onChange={setOrigin} anyLabel={t("filters.all")} />}
        </Field>
      </div>

      <Card flush aria-labelledby="queue-list-title" className="max-md:border-0 max-md:bg-transparent max-md:shadow-none">
        <CardTitle id="queue-list-title" className="pb-3 md:px-5 md:pt-4">
          {t("listTitle")}
        </CardTitle>
        {list.isPending ? (
          <LoadingBlock label={t("loading")} />
        ) : list.isError ? (
          <LoadError error={list.error} fallback={t("loadFailed")} retryLabel={t("retry")} onRetry={() => list.refetch()} className="m-4" />
        ) : items.length === 0 ? (
          filtered ? (
            <EmptyState
              icon={<ClockIcon />}
              title={t("empty.filteredTitle")}
              className="md:m-4"
              action={
                <Button
                  variant="secondary"
                  onClick={() => {
                    setStatus(null);
                    setOrigin(null);
                  }}
                >
                  {t("filters.clear")}
                </Button>
              }
            >
              <p>{t("empty.filteredText")}</p>
            </EmptyState>
          ) : (
            <EmptyState
              icon={<ClockIcon />}
              title={t("empty.title")}
              className="md:m-4"
              action={
                <Link href="/sms/individual" className={buttonClasses({ variant: "secondary" })}>
                  {t("empty.action")}
                </Link>
              }
            >
              <p>{t("empty.text")}</p>
            </EmptyState>
          )
        ) : (
          <>
            <div
              aria-hidden="true"
              className={cn("hidden gap-x-4 border-y border-slate-200 px-4 py-2.5 text-xs font-semibold tracking-wide text-slate-600 uppercase md:grid", QUEUE_COLUMNS)}
            >
              <span>{t("columns.customer")}</span>
              <span>{t("columns.origin")}</span>
              <span>{t("columns.status")}</span>
              <span>{t("columns.attempts")}</span>
              <span>{t("columns.lastError")}</span>
              <span className="text-right">{t("columns.actions")}</span>
            </div>
            <ul aria-label={t("listLabel")} className="flex flex-col gap-3 md:gap-0 md:divide-y md:divide-slate-200">
              {items.map((item) => (
                <QueueRow key={item.id} item={item} onFeedback={onFeedback} />
              ))}
            </ul>
            {list.hasNextPage ? (
              <div className="flex justify-center p-4">
                <Button variant="secondary" onClick={() => list.fetchNextPage()} disabled={list.isFetchingNextPage}>
                  {list.isFetchingNextPage ? t("loadingMore") : t("loadMore")}
                </Button>
              </div>
            ) : null}
          </>
        )}
      </Card>
    </div>
  );
}
