"use client";

import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import type { PreviewBatchOutput, PreviewRecipientOutput } from "@/server/services/batches/schemas";
import { Button } from "../../ui/button";
import { Card } from "../../ui/card";
import { cn } from "../../ui/cn";
import { LoadError, LoadingBlock } from "../../ui/query-states";
import { Spinner } from "../../ui/spinner";
import { VirtualList } from "../../ui/virtual-list";
import { type Draft, draftInput } from "./draft";
import { blockedByLength, OverLimitNotice } from "./over-limit";

// Fixed height of a recipient row: name, phone and parts, two lines of message.
const ROW = 120;

type Props = {
  draft: Draft;
  /** "Permitir até N SMS" / "Deixar de fora" (the preview is asked again with them). */
  onChange: (patch: Partial<Draft>) => void;
  deselected: ReadonlySet<number>;
  onDeselectedChange: (next: Set<number>) => void;
  onBack: () => void;
  onNext: () => void;
};

/** Step 2 ("Avançar"): totals, exclusions with reasons, and the recipients to tick or untick. */
export function PreviewStep({ draft, onChange, deselected, onDeselectedChange, onBack, onNext }: Props) {
  const t = useTranslations("smsBatch.wizard.preview");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // The list is fetched without deselection (ticks are local), so the counts are those of the filter.
  const input = draftInput(draft);
  // The previous figures stay on screen while a choice (more parts, leave out) is counted again.
  const preview = useQuery(trpc.batch.preview.queryOptions(input, { placeholderData: keepPreviousData }));
  const [loadingAllIds, setLoadingAllIds] = useState(false);
  const [idsError, setIdsError] = useState<string | null>(null);

  if (preview.isPending) {
    return <LoadingBlock label={t("loading")} />;
  }
  if (preview.isError) {
    return <LoadError error={preview.error} fallback={t("loadFailed")} retryLabel={t("back")} onRetry={onBack} />;
  }
  const p = preview.data;
  const selectedCustomers = Math.max(0, p.customersFound - deselected.size);

  async function selectNone() {
    setLoadingAllIds(true);
    setIdsError(null);
    try {
      const { ids } = await queryClient.fetchQuery(trpc.batch.previewCustomerIds.queryOptions(input));
      onDeselectedChange(new Set(ids));
    } catch (err) {
      setIdsError(err instanceof Error ? err.message : t("loadFailed"));
    } finally {
      setLoadingAllIds(false);
    }
  }

  return (
    <div className="flex flex-col gap-4">
      <Totals p={p} />
      <OverLimitNotice estimate={p.estimate} draft={draft} onChange={onChange} />
      <Card flush className="flex flex-col">
        <div className="flex flex-col gap-3 border-b border-slate-200 p-4 sm:flex-row sm:items-center sm:justify-between">
          <div>
            <h3 className="font-semibold text-slate-900">{t("recipientsTitle")}</h3>
            <p aria-live="polite" className="text-sm text-slate-600">
              {t("selected", { selected: selectedCustomers, total: p.customersFound })}
            </p>
          </div>
          <div className="grid grid-cols-2 gap-2">
            <Button variant="secondary" size="sm" onClick={() => onDeselectedChange(new Set())} disabled={deselected.size === 0}>
              {t("selectAll")}
            </Button>
            <Button variant="secondary" size="sm" onClick={selectNone} disabled={loadingAllIds || selectedCustomers === 0}>
              {t("selectNone")}
            </Button>
          </div>
        </div>
        {idsError ? (
          <p role="alert" className="px-4 pt-3 text-sm font-medium text-red-800">
            {idsError}
          </p>
        ) : null}
        {p.recipients.length === 0 ? (
          <p className="p-4 text-sm text-slate-700">{t("noRecipients")}</p>
        ) : (
          <RecipientList draft={draft} first={p} deselected={deselected} onDeselectedChange={onDeselectedChange} />
        )}
      </Card>
      <div className="grid grid-cols-2 gap-2 md:flex">
        <Button variant="secondary" onClick={onBack}>
          {t("back")}
        </Button>
        <Button
          onClick={onNext}
          disabled={preview.isPlaceholderData || p.phonesToSend === 0 || selectedCustomers === 0 || blockedByLength(p.estimate, draft)}
          className="md:min-w-48"
        >
          {t("next")}
        </Button>
      </div>
    </div>
  );
}

function Totals({ p }: { p: PreviewBatchOutput }) {
  const t = useTranslations("smsBatch.wizard.preview");
  const reasons = [
    { key: "noMobile", n: p.exclusions.noMobile },
    { key: "invalidNumber", n: p.exclusions.invalidNumber },
    { key: "prefixNotAccepted", n: p.exclusions.prefixNotAccepted },
    { key: "duplicateInBatch", n: p.exclusions.duplicateInBatch },
    { key: "optedOut", n: p.exclusions.optedOut },
    ...(p.exclusions.overLimit > 0 ? [{ key: "overLimit", n: p.exclusions.overLimit } as const] : []),
  ] as const;
  return (
    <Card className="flex flex-col gap-4">
      <dl className="grid grid-cols-3 gap-2">
        <Total label={t("customersFound")} value={p.customersFound} />
        <Total label={t("phonesToSend")} value={p.phonesToSend} />
        <Total label={t("parts")} value={p.estimate.totalParts} />
      </dl>
      <div>
        <h3 className="text-sm font-semibold text-slate-900">{t("exclusionsTitle")}</h3>
        <ul aria-label={t("exclusionsTitle")} className="mt-1 divide-y divide-slate-100 text-sm">
          {reasons.map((r) => (
            <li key={r.key} className={cn("flex justify-between gap-3 py-1.5", r.n === 0 ? "text-slate-600" : "text-slate-900")}>
              <span>{t(`exclusions.${r.key}`)}</span>
              <span className="font-semibold tabular-nums">{r.n}</span>
            </li>
          ))}
        </ul>
      </div>
    </Card>
  );
}

function Total({ label, value }: { label: string; value: number }) {
  return (
    <div className="rounded-lg bg-slate-50 px-3 py-2">
      <dt className="text-xs font-medium text-slate-600">{label}</dt>
      <dd className="text-xl font-semibold text-slate-900 tabular-nums">{value}</dd>
    </div>
  );
}

function RecipientList({
  draft,
  first,
  deselected,
  onDeselectedChange,
}: {
  draft: Draft;
  first: PreviewBatchOutput;
  deselected: ReadonlySet<number>;
  onDeselectedChange: (next: Set<number>) => void;
}) {
  const t = useTranslations("smsBatch.wizard.preview");
  const trpc = useTRPC();
  const [wantMore, setWantMore] = useState(false);
  const more = useInfiniteQuery(
    trpc.batch.previewRecipients.infiniteQueryOptions(draftInput(draft), {
      enabled: wantMore && first.nextCursor !== null,
      initialCursor: first.nextCursor,
      getNextPageParam: (last) => last.nextCursor,
    }),
  );
  const rows: PreviewRecipientOutput[] = [...first.recipients, ...(more.data?.pages.flatMap((pg) => pg.recipients) ?? [])];
  const hasMore = first.nextCursor !== null && (!more.data || more.hasNextPage);
  const { fetchNextPage, isFetching } = more;
  const loadedOnce = more.data !== undefined;

  const onNearEnd = useCallback(() => {
    if (!hasMore || isFetching) return;
    if (!loadedOnce) setWantMore(true);
    else void fetchNextPage();
  }, [hasMore, isFetching, loadedOnce, fetchNextPage]);

  function toggle(customerId: number, on: boolean) {
    const next = new Set(deselected);
    if (on) next.delete(customerId);
    else next.add(customerId);
    onDeselectedChange(next);
  }

  return (
    <div>
      <VirtualList
        label={t("recipientsTitle")}
        count={rows.length}
        rowHeight={ROW}
        rowKey={(i) => `${rows[i]!.customerId}-${rows[i]!.phone}`}
        onNearEnd={onNearEnd}
        className="h-[26rem] max-h-[60vh]"
        renderRow={(i) => {
          const r = rows[i]!;
          const on = !deselected.has(r.customerId);
          return (
            <label className={cn("flex h-full cursor-pointer gap-3 border-b border-slate-100 px-4 py-2.5", !on && "bg-slate-50")}>
              <input
                type="checkbox"
                checked={on}
                onChange={(e) => toggle(r.customerId, e.target.checked)}
                aria-label={t("include", { name: r.customerName, phone: r.phone })}
                className="mt-0.5 size-6 shrink-0 accent-brand-600"
              />
              <span className={cn("flex min-w-0 flex-1 flex-col gap-0.5", !on && "opacity-60")}>
                <span className="truncate font-medium text-slate-900">
                  {r.customerName} <span className="font-normal text-slate-600">#{r.customerCode}</span>
                </span>
                <span className="text-sm text-slate-700 tabular-nums">
                  {r.phone} · {t("partsOf", { parts: r.parts, characters: r.characters })}
                </span>
                {r.limitMessage ? (
                  <span className="line-clamp-2 text-sm font-medium text-red-800">{r.limitMessage}</span>
                ) : (
                  <span className="line-clamp-2 text-sm text-slate-700">{r.body}</span>
                )}
              </span>
            </label>
          );
        }}
      />
      <div aria-live="polite" className="min-h-6 px-4 py-2 text-sm text-slate-600">
        {isFetching ? <Spinner label={t("loadingMore")} className="size-4 text-brand-600" /> : hasMore ? (
          t("shown", { shown: rows.length, total: first.phonesToSend })
        ) : (
          t("allShown", { count: rows.length })
        )}
      </div>
    </div>
  );
}
