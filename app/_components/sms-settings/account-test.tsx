"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { SMS_STATUSES } from "@/db/schema/constants";
import { type AccountOutput, DEFAULT_TEST_TEXT } from "@/server/services/sms-accounts/schemas";
import { SmsStatusBadge } from "../sms/sms-status-badge";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { Input } from "../ui/input";
import { formError } from "@/app/_trpc/form-error";

const asStatus = (s: string) => SMS_STATUSES.find((x) => x === s) ?? null;

/** "Testar": a real SMS through this account, with the provider's answer shown here. */
export function AccountTest({ account, onClose }: { account: AccountOutput; onClose: () => void }) {
  const t = useTranslations("smsSettings");
  const trpc = useTRPC();
  const [phone, setPhone] = useState("");
  const [text, setText] = useState(DEFAULT_TEST_TEXT);
  const test = useMutation(trpc.smsAccount.test.mutationOptions());
  const fieldErrors = test.error?.data?.fieldErrors ?? {};
  const general = formError(test.error, t("actionFailed"));
  const result = test.data;
  const resultStatus = result ? asStatus(result.status) : null;

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    // A new key per click: each "Enviar teste" is a new test message.
    test.mutate({ id: account.id, phone, text, idempotencyKey: crypto.randomUUID() });
  }

  return (
    <div role="group" aria-label={t("test.title", { name: account.name })} className="col-span-full flex flex-col gap-3 rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200">
      <p className="text-sm text-slate-700">{t("test.hint")}</p>
      <form onSubmit={onSubmit} noValidate className="grid grid-cols-1 items-start gap-3 md:grid-cols-[14rem_minmax(0,1fr)_auto]">
        <Field label={t("test.phone")} hint={t("test.phoneHint")} error={fieldErrors.phone}>
          {(props) => <Input {...props} value={phone} onChange={(e) => setPhone(e.target.value)} inputMode="tel" autoComplete="off" />}
        </Field>
        <Field label={t("test.text")} error={fieldErrors.text}>
          {(props) => <Input {...props} value={text} onChange={(e) => setText(e.target.value)} maxLength={160} autoComplete="off" />}
        </Field>
        <div className="flex gap-2 md:mt-7">
          <Button type="submit" disabled={test.isPending}>
            {test.isPending ? t("test.sending") : t("test.submit")}
          </Button>
          <Button variant="ghost" onClick={onClose}>
            {t("test.close")}
          </Button>
        </div>
      </form>
      <div aria-live="polite">
        {general ? (
          <p role="alert" className="text-sm font-medium text-red-800">
            {general}
          </p>
        ) : null}
        {result ? (
          <div className="flex flex-col gap-1 text-sm">
            <p className={result.errorMessage ? "font-medium text-red-800" : "font-medium text-emerald-800"}>
              {result.errorMessage ? t("test.refused", { phone: result.phone, error: result.errorMessage }) : t("test.accepted", { phone: result.phone })}
            </p>
            {resultStatus ? <SmsStatusBadge status={resultStatus} /> : <p>{t("test.status", { status: result.status })}</p>}
            {result.providerMessageId ? <p className="text-slate-700 break-all">{t("test.providerId", { id: result.providerMessageId })}</p> : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}
