"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import type { Feedback } from "../ui/feedback-toast";
import { Button } from "../ui/button";
import { Card, CardTitle } from "../ui/card";
import { Field } from "../ui/field";
import { FormAlert } from "../ui/form-alert";
import { Input } from "../ui/input";
import { Spinner } from "../ui/spinner";
import { formError } from "@/app/_trpc/form-error";

type Limits = { maxParts: number; individualPerMinute: number };

function LimitsForm({ initial, onFeedback }: { initial: Limits; onFeedback: (f: Feedback) => void }) {
  const t = useTranslations("smsSettings");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [maxParts, setMaxParts] = useState(String(initial.maxParts));
  const [perMinute, setPerMinute] = useState(String(initial.individualPerMinute));
  const [local, setLocal] = useState<Record<string, string>>({});
  const save = useMutation(
    trpc.sms.setSettings.mutationOptions({
      onSuccess: () => {
        onFeedback({ message: t("limits.saved"), tone: "success" });
        return queryClient.invalidateQueries({ queryKey: trpc.sms.settings.queryKey() });
      },
    }),
  );
  const errors: Record<string, string> = { ...(save.error?.data?.fieldErrors ?? {}), ...local };
  const general = formError(save.error, t("actionFailed"));

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const values = { maxParts: Number(maxParts.trim()), individualPerMinute: Number(perMinute.trim()) };
    const bad = Object.fromEntries(
      Object.entries({ maxParts, individualPerMinute: perMinute })
        .filter(([, v]) => v.trim() === "" || !Number.isFinite(Number(v.trim())))
        .map(([k]) => [k, t("form.invalidNumber")]),
    );
    setLocal(bad);
    if (Object.keys(bad).length === 0) save.mutate(values);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid grid-cols-1 items-start gap-4 md:grid-cols-[1fr_1fr_auto]">
      {general ? (
        <FormAlert className="md:col-span-3">
          {general}
        </FormAlert>
      ) : null}
      <Field label={t("limits.maxParts")} hint={t("limits.maxPartsHint")} error={errors.maxParts}>
        {(props) => <Input {...props} value={maxParts} onChange={(e) => setMaxParts(e.target.value)} inputMode="numeric" autoComplete="off" />}
      </Field>
      <Field label={t("limits.individualPerMinute")} error={errors.individualPerMinute}>
        {(props) => <Input {...props} value={perMinute} onChange={(e) => setPerMinute(e.target.value)} inputMode="numeric" autoComplete="off" />}
      </Field>
      <Button type="submit" disabled={save.isPending} className="md:mt-7">
        {save.isPending ? t("form.submitting") : t("limits.submit")}
      </Button>
    </form>
  );
}

/** Max parts and SMS per minute per user (sms.setSettings). */
export function LimitsCard({ onFeedback }: { onFeedback: (f: Feedback) => void }) {
  const t = useTranslations("smsSettings");
  const trpc = useTRPC();
  const settings = useQuery(trpc.sms.settings.queryOptions());
  return (
    <Card aria-labelledby="sms-limits-title">
      <CardTitle id="sms-limits-title">{t("limits.title")}</CardTitle>
      <p className="mt-1 mb-4 text-sm text-slate-600">{t("limits.hint")}</p>
      {settings.isPending ? (
        <Spinner label={t("loading")} className="text-brand-600" />
      ) : settings.isError ? (
        <p role="alert" className="text-red-800">
          {t("loadFailed")}
        </p>
      ) : (
        <LimitsForm initial={settings.data} onFeedback={onFeedback} />
      )}
    </Card>
  );
}
