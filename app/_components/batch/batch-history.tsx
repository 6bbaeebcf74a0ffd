"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import type { BatchWithProgressOutput } from "@/server/services/batches/schemas";
import { BackLink } from "../ui/back-link";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { EmptyState } from "../ui/empty-state";
import { Spinner } from "../ui/spinner";
import { BatchRecipientRow } from "./batch-recipient-row";
import { batchCounts, BatchStatusBadge, isLive, pollEvery, ProgressBar, useHeldLines } from "./batch-status";
import { ScheduledBatchEditor } from "./scheduled-batch-editor";
import { LoadError, LoadingBlock, LoadMore } from "@/app/_components/ui/query-states";

const POLL_MS = 1500;

/** One batch: totals, live progress, the controls its status allows, and its recipients. */
export function BatchHistory({ id }: { id: number }) {
  const t = useTranslations("smsBatch");
  const trpc = useTRPC();
  const batch = useQuery(
    trpc.batch.get.queryOptions({ batchId: id }, { refetchInterval: (q) => (q.state.data ? pollEvery(q.state.data.status, q.state.data.progress, POLL_MS) : false) }),
  );
  const live = batch.data ? isLive(batch.data.status, batch.data.progress) : false;
  const queryClient = useQueryClient();
  const wasLive = useRef(false);
  useEffect(() => {
    // The last poll of the header may see the final state before the list does: fetch it once more.
    if (wasLive.current && !live) void queryClient.invalidateQueries({ queryKey: trpc.batch.recipients.infiniteQueryKey({ batchId: id }) });
    wasLive.current = live;
  }, [live, id, queryClient, trpc]);

  return (
    <div className="flex flex-col gap-4">
      <BackLink href="/sms/lote">{t("history.back")}</BackLink>
      {batch.isPending ? (
        <LoadingBlock label={t("history.loading")} />
      ) : batch.isError ? (
        <LoadError error={batch.error} fallback={t("history.loadFailed")} retryLabel={t("retry")} onRetry={() => batch.refetch()} />
      ) : (
        <BatchHeader b={batch.data} />
      )}
      {/* Fetched alongside the header, not after it. */}
      {batch.isError ? null : <Recipients id={id} live={live} />}
    </div>
  );
}

function BatchHeader({ b }: { b: BatchWithProgressOutput }) {
  const t = useTranslations("smsBatch");
  const format = useFormatter();
  const c = batchCounts(b.progress);
  const held = useHeldLines()(b);
  const totals = [
    { key: "recipients", value: b.progress.total },
    { key: "sent", value: c.sent },
    { key: "delivered", value: c.delivered },
    { key: "failed", value: c.failed },
    { key: "waiting", value: c.waiting },
  ] as const;
  return (
    <Card className="flex flex-col gap-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 className="text-xl font-bold break-words text-slate-900">{b.motivo}</h2>
          <p className="text-sm text-slate-600">
            {t("history.createdBy", { name: b.createdBy.name, date: format.dateTime(b.createdAt, { dateStyle: "short", timeStyle: "short" }) })}
          </p>
        </div>
        <BatchStatusBadge status={b.status} progress={b.progress} />
      </div>
      {held.length > 0 ? (
        <ul aria-label={t("held.label")} className="flex flex-col gap-1 rounded-lg bg-amber-50 px-3 py-2 text-sm font-medium text-amber-950 ring-1 ring-amber-200">
          {held.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
      <p className="text-sm break-words text-slate-700">{b.filterSummary}</p>
      <div className="flex flex-col gap-1.5">
        <div className="flex justify-between text-sm font-medium text-slate-800">
          <span>{t("history.progress")}</span>
          <span className="tabular-nums">{b.progress.percent}%</span>
        </div>
        <ProgressBar percent={b.progress.percent} label={t("history.progress")} />
      </div>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        {totals.map((x) => (
          <div key={x.key} className="rounded-lg bg-slate-50 px-3 py-2">
            <dt className="text-xs font-medium text-slate-600">{t(`history.totals.${x.key}`)}</dt>
            <dd className="text-lg font-semibold text-slate-900 tabular-nums">{x.value}</dd>
          </div>
        ))}
      </dl>
      <Controls b={b} resendable={c.resendable} />
    </Card>
  );
}

function Controls({ b, resendable }: { b: BatchWithProgressOutput; resendable: number }) {
  const t = useTranslations("smsBatch");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.batch.get.queryKey({ batchId: b.id }) }),
      queryClient.invalidateQueries({ queryKey: trpc.batch.recipients.infiniteQueryKey({ batchId: b.id }) }),
      queryClient.invalidateQueries({ queryKey: trpc.batch.list.infiniteQueryKey() }),
    ]);
  const done = (message: string) => ({
    onSuccess: () => {
      setNotice(message);
      setConfirmCancel(false);
      return refresh();
    },
    onError: () => refresh(),
  });
  const pause = useMutation(trpc.batch.pause.mutationOptions(done(t("history.paused"))));
  const resume = useMutation(trpc.batch.resume.mutationOptions(done(t("history.resumed"))));
  const cancel = useMutation(trpc.batch.cancel.mutationOptions(done(t("history.cancelled"))));
  const resend = useMutation(trpc.batch.resendFailed.mutationOptions(done(t("history.resent"))));
  const busy = pause.isPending || resume.isPending || cancel.isPending || resend.isPending;
  const error = [pause, resume, cancel, resend].find((m) => m.isError)?.error;

  const canPause = b.status === "queued" || b.status === "running";
  const canResume = b.status === "paused";
  // Allowed as long as anything has not left: a running batch may only be waiting for its send windows.
  const canCancel = b.status === "scheduled" || b.status === "queued" || b.status === "running" || b.status === "paused";
  const scheduled = b.status === "scheduled";
  const canResend = (b.status === "done" || b.status === "paused") && resendable > 0;
  const act = (m: { reset: () => void; mutate: (i: { batchId: number }) => void }) => () => {
    [pause, resume, cancel, resend].forEach((x) => x.reset());
    setNotice(null);
    m.mutate({ batchId: b.id });
  };

  return (
    <div className="flex flex-col gap-3">
      <div className="grid grid-cols-2 gap-2 sm:flex sm:flex-wrap">
        {scheduled ? (
          <Button variant="secondary" className="col-span-2" aria-expanded={editing} onClick={() => setEditing((e) => !e)} disabled={busy}>
            {t("history.editSchedule")}
          </Button>
        ) : canResume ? (
          <Button onClick={act(resume)} disabled={busy}>
            {t("history.resume")}
          </Button>
        ) : (
          <Button variant="secondary" onClick={act(pause)} disabled={busy || !canPause}>
            {t("history.pause")}
          </Button>
        )}
        {scheduled ? null : (
          <Button variant="secondary" onClick={act(resend)} disabled={busy || !canResend}>
            {t("history.resend", { count: resendable })}
          </Button>
        )}
        {!confirmCancel ? (
          <Button variant="danger" className="col-span-2" onClick={() => setConfirmCancel(true)} disabled={busy || !canCancel}>
            {scheduled ? t("history.cancelSchedule") : t("history.cancel")}
          </Button>
        ) : null}
      </div>
      {editing && scheduled ? (
        <ScheduledBatchEditor
          b={b}
          onDone={() => {
            setEditing(false);
            setNotice(t("history.rescheduled"));
            return refresh();
          }}
          onClose={() => setEditing(false)}
        />
      ) : null}
      {confirmCancel ? (
        <div role="group" aria-label={t("history.cancelConfirmLabel")} className="flex flex-col gap-2 rounded-lg bg-red-50 p-3 ring-1 ring-red-200">
          <p className="text-sm font-medium text-red-900">
            {scheduled ? t("history.cancelScheduleQuestion") : t("history.cancelQuestion", { count: batchCounts(b.progress).waiting })}
          </p>
          <div className="grid grid-cols-2 gap-2 sm:flex">
            <Button variant="danger" onClick={act(cancel)} disabled={busy}>
              {t("history.cancelConfirm")}
            </Button>
            <Button variant="secondary" onClick={() => setConfirmCancel(false)} disabled={busy}>
              {t("history.cancelKeep")}
            </Button>
          </div>
        </div>
      ) : null}
      <div aria-live="polite">
        {error ? (
          <p role="alert" className="text-sm font-medium text-red-800">
            {error.data ? error.message : t("history.actionFailed")}
          </p>
        ) : notice ? (
          <p role="status" className="text-sm font-medium text-emerald-800">
            {notice}
          </p>
        ) : null}
      </div>
    </div>
  );
}

function Recipients({ id, live }: { id: number; live: boolean }) {
  const t = useTranslations("smsBatch");
  const trpc = useTRPC();
  const query = useInfiniteQuery(
    trpc.batch.recipients.infiniteQueryOptions({ batchId: id }, { getNextPageParam: (last) => last.nextCursor, refetchInterval: live ? POLL_MS : false }),
  );
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section aria-labelledby="batch-recipients" className="flex flex-col gap-3">
      <h2 id="batch-recipients" className="text-lg font-semibold text-slate-900">
        {t("history.recipients")}
      </h2>
      {query.isPending ? (
        <Spinner label={t("history.loading")} className="size-6 text-brand-600" />
      ) : query.isError && !query.data ? (
        <p role="alert" className="text-sm font-medium text-red-800">
          {query.error.data ? query.error.message : t("history.loadFailed")}
        </p>
      ) : items.length === 0 ? (
        <EmptyState title={t("history.noRecipients")} />
      ) : (
        <ul aria-label={t("history.recipients")} className="flex flex-col gap-2 md:gap-0 md:rounded-xl md:border md:border-slate-200 md:bg-white">
          {items.map((r) => (
            <BatchRecipientRow key={r.id} r={r} />
          ))}
        </ul>
      )}
      <LoadMore query={query} labels={{ failed: t("history.loadMoreFailed"), loading: t("loadingMore"), more: t("loadMore") }} />
    </section>
  );
}
