"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTRPC, useTRPCClient } from "@/app/_trpc/client";
import { BATCH_MODE_LABELS } from "@/server/services/batches/constants";
import { Button } from "../../ui/button";
import { Card } from "../../ui/card";
import { FormAlert } from "../../ui/form-alert";
import { LoadError, LoadingBlock } from "../../ui/query-states";
import { Spinner } from "../../ui/spinner";
import { type Draft, draftInput, type FieldErrors, toFieldErrors } from "./draft";
import { blockedByLength, OverLimitNotice } from "./over-limit";

type Props = {
  draft: Draft;
  valueName: string;
  deselected: ReadonlySet<number>;
  idempotencyKey: string;
  onBack: () => void;
  onFieldErrors: (errors: FieldErrors) => void;
};

/** Step 3 ("Enviar"): the totals of what will go out, then the batch starts and its history opens. */
export function ConfirmStep({ draft, valueName, deselected, idempotencyKey, onBack, onFieldErrors }: Props) {
  const t = useTranslations("smsBatch.wizard.confirm");
  const tw = useTranslations("smsBatch.wizard");
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const input = draftInput(draft, [...deselected]);
  const client = useTRPCClient();
  // Posted (not a GET): the unticked customers may be thousands of ids.
  const totals = useQuery({
    queryKey: [...trpc.batch.preview.queryKey(), "totals", input],
    queryFn: () => client.batch.previewTotals.mutate(input),
  });
  const create = useMutation(
    trpc.batch.create.mutationOptions({
      onSuccess: async (out) => {
        await queryClient.invalidateQueries({ queryKey: trpc.batch.list.infiniteQueryKey() });
        router.push(`/sms/lote/${out.batch.id}`);
      },
      onError: (err) => {
        const fields = toFieldErrors(err.data?.fieldErrors);
        if (Object.keys(fields).length > 0) onFieldErrors(fields);
      },
    }),
  );

  if (totals.isPending) {
    return <LoadingBlock label={t("loading")} />;
  }
  if (totals.isError) {
    return <LoadError error={totals.error} fallback={t("loadFailed")} retryLabel={t("back")} onRetry={onBack} />;
  }
  const p = totals.data;
  const selected = p.customersFound - p.deselectedCustomers;
  const sent = create.isPending || create.isSuccess;

  return (
    <div className="flex flex-col gap-4">
      <Card className="flex flex-col gap-4">
        <p className="text-base text-slate-900">{t("question", { phones: p.phonesToSend, customers: selected })}</p>
        <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">
          <dt className="font-medium text-slate-600">{t("filter")}</dt>
          <dd className="text-slate-900">
            {BATCH_MODE_LABELS[draft.mode]}: {valueName}
          </dd>
          <dt className="font-medium text-slate-600">{t("motivo")}</dt>
          <dd className="break-words text-slate-900">{draft.motivo}</dd>
          <dt className="font-medium text-slate-600">{t("customers")}</dt>
          <dd className="text-slate-900 tabular-nums">{t("customersValue", { selected, deselected: p.deselectedCustomers })}</dd>
          <dt className="font-medium text-slate-600">{t("phones")}</dt>
          <dd className="text-slate-900 tabular-nums">{p.phonesToSend}</dd>
          <dt className="font-medium text-slate-600">{t("parts")}</dt>
          <dd className="text-slate-900 tabular-nums">{p.estimate.totalParts}</dd>
          <dt className="font-medium text-slate-600">{t("category")}</dt>
          <dd className="text-slate-900">{tw(`categories.${draft.category}`)}</dd>
          <dt className="font-medium text-slate-600">{t("message")}</dt>
          <dd className="break-words whitespace-pre-wrap text-slate-900">{draft.message}</dd>
        </dl>
      </Card>
      <OverLimitNotice estimate={p.estimate} draft={draft} />
      {create.isError ? (
        <FormAlert>
          {create.error.data ? create.error.message : t("failed")}
        </FormAlert>
      ) : null}
      <div className="grid grid-cols-2 gap-2 md:flex">
        <Button variant="secondary" onClick={onBack} disabled={sent}>
          {t("back")}
        </Button>
        <Button
          onClick={() => create.mutate({ ...input, idempotencyKey })}
          disabled={sent || p.phonesToSend === 0 || blockedByLength(p.estimate, draft)}
          className="md:min-w-48"
        >
          {sent ? <Spinner className="size-4" /> : null}
          {sent ? t("sending") : t("send", { count: p.phonesToSend })}
        </Button>
      </div>
    </div>
  );
}
