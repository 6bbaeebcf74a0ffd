"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import type { QueueItem } from "@/server/services/queue/schemas";
import { formatPanelTime, inputsFromSendAt, SEND_AT_MESSAGES, sendAtFromInputs, sendAtProblem } from "@/server/services/batches/send-at";
import { SendAtFields, type SendAtValue } from "../batch/send-at-fields";
import { Button } from "../ui/button";

type Props = {
  item: QueueItem;
  name: string;
  onDone: (message: string) => void;
  onFailed: (e: { message: string; data?: { fieldErrors?: Record<string, string> | null } | null }) => void;
  onClose: () => void;
};

/** "Alterar horário" of an individual SMS scheduled with "Agendar", until the queue drain takes it. */
export function ReschedulePanel({ item, name, onDone, onFailed, onClose }: Props) {
  const t = useTranslations("smsQueue.reschedule");
  const trpc = useTRPC();
  const [when, setWhen] = useState<SendAtValue>(() => (item.nextAttemptAt ? inputsFromSendAt(item.nextAttemptAt) : { date: "", time: "" }));
  const [error, setError] = useState<string | null>(null);
  const save = useMutation(trpc.queue.reschedule.mutationOptions({ onSuccess: (r) => onDone(t("done", { name, when: formatPanelTime(r.nextAttemptAt!, { at: true }) })) }));
  const serverError = save.error?.data?.fieldErrors?.sendAt;

  function submit(e: FormEvent) {
    e.preventDefault();
    const sendAt = sendAtFromInputs(when.date, when.time);
    const problem = sendAt ? sendAtProblem(sendAt) : SEND_AT_MESSAGES.invalid;
    setError(problem);
    if (sendAt && !problem)
      save.mutate({ id: item.id, sendAt }, { onError: (err) => (err.data?.fieldErrors?.sendAt ? undefined : onFailed(err)) });
  }

  return (
    <form
      noValidate
      onSubmit={submit}
      aria-label={t("label", { name })}
      className="col-span-2 flex flex-col gap-3 rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200 md:order-7 md:col-span-6"
    >
      <SendAtFields
        value={when}
        onChange={(v) => {
          setWhen(v);
          setError(null);
        }}
        error={error ?? serverError}
      />
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={save.isPending}>
          {save.isPending ? t("saving") : t("save")}
        </Button>
        <Button variant="ghost" size="sm" onClick={onClose}>
          {t("back")}
        </Button>
      </div>
    </form>
  );
}
