"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC, useTRPCClient } from "@/app/_trpc/client";
import { SEND_AT_MESSAGES, sendAtFromInputs, sendAtProblem } from "@/server/services/batches/send-at";
import { Button } from "../../ui/button";
import { Card } from "../../ui/card";
import { FormAlert } from "../../ui/form-alert";
import { LoadError, LoadingBlock } from "../../ui/query-states";
import { Spinner } from "../../ui/spinner";
import { SendAtFields, type SendAtValue } from "../send-at-fields";
import { type Draft, draftInput, type FieldErrors, toFieldErrors } from "./draft";
import { blockedByLength, OverLimitNotice } from "./over-limit";
import { WindowForecast } from "./window-forecast";

type Props = {
  draft: Draft;
  deselected: ReadonlySet<number>;
  idempotencyKey: string;
  onBack: () => void;
  onFieldErrors: (errors: FieldErrors) => void;
};

/**
 * Step 3 ("Enviar"): every filter, the totals, who is outside their send window and when they go —
 * all before the batch is sent now or scheduled ("Agendar"); then its history opens.
 */
export function ConfirmStep({ draft, deselected, idempotencyKey, onBack, onFieldErrors }: Props) {
  const t = useTranslations("smsBatch.wizard.confirm");
  const tw = useTranslations("smsBatch.wizard");
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const input = draftInput(draft, [...deselected]);
  const client = useTRPCClient();
  const [schedule, setSchedule] = useState(false);
  const [when, setWhen] = useState<SendAtValue>({ date: "", time: "" });
  const [timeError, setTimeError] = useState<string | null>(null);
  const sendAt = schedule ? sendAtFromInputs(when.date, when.time) : null;
  // Posted (not a GET): the unticked customers may be thousands of ids.
  const totals = useQuery({
    queryKey: [...trpc.batch.preview.queryKey(), "totals", input],
    queryFn: () => client.batch.previewTotals.mutate(input),
  });
  const forecast = useQuery({
    queryKey: [...trpc.batch.sendForecast.mutationKey(), input, sendAt?.getTime() ?? null],
    queryFn: () => client.batch.sendForecast.mutate({ ...input, sendAt }),
    placeholderData: (previous) => previous,
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

  if (totals.isPending || forecast.isPending) {
    return <LoadingBlock label={t("loading")} />;
  }
  if (totals.isError || forecast.isError) {
    return <LoadError error={(totals.error ?? forecast.error)!} fallback={t("loadFailed")} retryLabel={t("back")} onRetry={onBack} />;
  }
  const p = totals.data;
  const selected = p.customersFound - p.deselectedCustomers;
  const sent = create.isPending || create.isSuccess;
  const serverTimeError = (create.error?.data?.fieldErrors as Record<string, string> | null | undefined)?.sendAt;

  function submit() {
    if (schedule) {
      const problem = sendAt ? sendAtProblem(sendAt) : SEND_AT_MESSAGES.invalid;
      setTimeError(problem);
      if (problem) return;
    }
    create.mutate({ ...input, idempotencyKey, sendAt });
  }

  return (
    <div className="flex flex-col gap-4">
      <Card className="flex flex-col gap-4">
        <p className="text-base text-slate-900">{t(schedule ? "questionScheduled" : "question", { phones: p.phonesToSend, customers: selected })}</p>
        <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">
          {forecast.data.filters.map((f) => (
            <div key={f.label} className="contents">
              <dt className="font-medium text-slate-600">{f.label}</dt>
              <dd className="break-words text-slate-900">{f.value}</dd>
            </div>
          ))}
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
        <fieldset className="flex flex-col gap-3" disabled={sent}>
          <legend className="mb-2 text-sm font-semibold text-slate-900">{t("whenTitle")}</legend>
          <div className="flex flex-wrap gap-x-6 gap-y-1">
            {([false, true] as const).map((later) => (
              <label key={String(later)} className="flex min-h-11 cursor-pointer items-center gap-2 text-slate-900">
                <input
                  type="radio"
                  name="send-when"
                  className="size-5 accent-brand-600"
                  checked={schedule === later}
                  onChange={() => {
                    setSchedule(later);
                    setTimeError(null);
                  }}
                />
                {later ? t("later") : t("now")}
              </label>
            ))}
          </div>
          {schedule ? (
            <SendAtFields
              value={when}
              onChange={(v) => {
                setWhen(v);
                setTimeError(null);
              }}
              error={timeError ?? serverTimeError}
            />
          ) : null}
        </fieldset>
        <WindowForecast forecast={forecast.data} scheduled={forecast.data.at.getTime() === sendAt?.getTime()} />
      </Card>
      <OverLimitNotice estimate={p.estimate} draft={draft} />
      {create.isError && !serverTimeError ? <FormAlert>{create.error.data ? create.error.message : t("failed")}</FormAlert> : null}
      <div className="grid grid-cols-2 gap-2 md:flex">
        <Button variant="secondary" onClick={onBack} disabled={sent}>
          {t("back")}
        </Button>
        <Button onClick={submit} disabled={sent || p.phonesToSend === 0 || blockedByLength(p.estimate, draft)} className="md:min-w-48">
          {sent ? <Spinner className="size-4" /> : null}
          {sent ? t(schedule ? "scheduling" : "sending") : t(schedule ? "schedule" : "send", { count: p.phonesToSend })}
        </Button>
      </div>
    </div>
  );
}
