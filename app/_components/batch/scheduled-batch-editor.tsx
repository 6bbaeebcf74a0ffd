"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import type { BatchWithProgressOutput } from "@/server/services/batches/schemas";
import { inputsFromSendAt, SEND_AT_MESSAGES, sendAtFromInputs, sendAtProblem } from "@/server/services/batches/send-at";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { Input } from "../ui/input";
import { MessageEditor } from "../sms/composer/message-editor";
import { SendAtFields } from "./send-at-fields";

/** A scheduled batch's time, motivo and message, editable until the queue drain releases it. */
export function ScheduledBatchEditor({ b, onDone, onClose }: { b: BatchWithProgressOutput; onDone: () => unknown; onClose: () => void }) {
  const t = useTranslations("smsBatch.history.edit");
  const trpc = useTRPC();
  const [when, setWhen] = useState(() => (b.scheduledAt ? inputsFromSendAt(b.scheduledAt) : { date: "", time: "" }));
  const [motivo, setMotivo] = useState(b.motivo);
  const [message, setMessage] = useState(b.template);
  const [timeError, setTimeError] = useState<string | null>(null);
  // Counted as the wizard counts it: the parts this batch allows, the account's "Enviar sem acentos".
  const settings = useQuery(trpc.sms.settings.queryOptions());
  const rules = { maxParts: b.maxParts ?? settings.data?.maxParts ?? 1, stripAccents: settings.data?.stripAccents ?? true };
  const save = useMutation(trpc.batch.reschedule.mutationOptions({ onSuccess: () => onDone() }));
  const fields = save.error?.data?.fieldErrors ?? {};

  function submit(e: FormEvent) {
    e.preventDefault();
    const sendAt = sendAtFromInputs(when.date, when.time);
    const problem = sendAt ? sendAtProblem(sendAt) : SEND_AT_MESSAGES.invalid;
    setTimeError(problem);
    if (sendAt && !problem) save.mutate({ batchId: b.id, sendAt, motivo, message });
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t("label")} className="flex flex-col gap-4 rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200">
      <SendAtFields value={when} onChange={(v) => { setWhen(v); setTimeError(null); }} error={timeError ?? fields.sendAt} />
      <Field label={t("motivo")} error={fields.motivo}>
        {(p) => <Input {...p} value={motivo} maxLength={100} autoComplete="off" onChange={(e) => setMotivo(e.target.value)} />}
      </Field>
      <MessageEditor kind="batch" value={message} onChange={setMessage} onTemplate={(m) => !motivo.trim() && setMotivo(m)} error={fields.message} rules={rules} context={null} />
      {save.isError && !fields.sendAt && !fields.motivo && !fields.message ? (
        <p role="alert" className="text-sm font-medium text-red-800">
          {save.error.data ? save.error.message : t("failed")}
        </p>
      ) : null}
      <div className="grid grid-cols-2 gap-2 sm:flex">
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? t("saving") : t("save")}
        </Button>
        <Button variant="secondary" onClick={onClose} disabled={save.isPending}>
          {t("close")}
        </Button>
      </div>
    </form>
  );
}
