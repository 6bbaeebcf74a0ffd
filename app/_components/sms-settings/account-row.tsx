"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { kannelSmsServiceGroup } from "@/server/providers/kannel-mo";
import { PROVIDER_LABELS } from "@/server/providers/schemas";
import type { AccountOutput } from "@/server/services/sms-accounts/schemas";
import type { Feedback } from "../ui/feedback-toast";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { Input } from "../ui/input";
import { AccountTest } from "./account-test";
import { useFieldLabel } from "./use-field-label";

export function AccountRow({ account, onEdit, onFeedback }: { account: AccountOutput; onEdit: () => void; onFeedback: (f: Feedback) => void }) {
  const t = useTranslations("smsSettings");
  const label = useFieldLabel();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const webhookId = useId();
  const [testing, setTesting] = useState(false);
  const name = account.name;
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.smsAccount.list.queryKey() });
  const onError = (e: { message: string; data?: unknown }) => onFeedback({ message: e.data ? e.message : t("actionFailed"), tone: "error" });

  const setDefault = useMutation(
    trpc.smsAccount.setDefault.mutationOptions({ onSuccess: () => onFeedback({ message: t("accounts.feedback.defaultSet", { name }), tone: "success" }), onError, onSettled: refresh }),
  );
  const setActive = useMutation(
    trpc.smsAccount.setActive.mutationOptions({
      onSuccess: (a) => onFeedback({ message: a.active ? t("accounts.feedback.enabled", { name }) : t("accounts.feedback.disabled", { name }), tone: "success" }),
      onError,
      onSettled: refresh,
    }),
  );
  const busy = setDefault.isPending || setActive.isPending;
  const masked = Object.entries(account.credentialsMasked);

  async function copyWebhook() {
    try {
      await navigator.clipboard.writeText(account.webhookUrl);
      onFeedback({ message: t("accounts.copied"), tone: "success" });
    } catch {
      onFeedback({ message: t("accounts.copyFailed"), tone: "error" });
    }
  }

  return (
    <li className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm md:rounded-none md:border-0 md:px-5 md:shadow-none">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 className="text-base font-semibold break-words text-slate-900">{name}</h3>
          <p className="text-sm text-slate-700">{PROVIDER_LABELS[account.kind]}</p>
        </div>
        <div className="flex flex-wrap gap-1.5">
          {account.isDefault ? <Badge tone="info">{t("accounts.default")}</Badge> : null}
          <Badge tone={account.active ? "success" : "neutral"}>{account.active ? t("accounts.active") : t("accounts.inactive")}</Badge>
        </div>
      </div>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
        <div>
          <dt className="font-medium text-slate-600">{t("accounts.sender")}</dt>
          <dd className="text-slate-900">{account.sender ?? t("accounts.noSender")}</dd>
        </div>
        <div>
          <dt className="font-medium text-slate-600">{t("accounts.rate")}</dt>
          <dd className="text-slate-900">{t("accounts.ratePerSecond", { count: account.ratePerSecond })}</dd>
        </div>
        <div>
          <dt className="font-medium text-slate-600">{t("accounts.accents")}</dt>
          <dd className="text-slate-900">{account.stripAccents ? t("accounts.withoutAccents") : t("accounts.withAccents")}</dd>
        </div>
        <div>
          <dt className="font-medium text-slate-600">{t("accounts.credentials")}</dt>
          <dd className="text-slate-900">
            {masked.length === 0
              ? t("accounts.noCredentials")
              : masked.map(([k, v]) => (
                  <span key={k} className="mr-3 inline-block">
                    {label(k)}: <span className="font-mono">{v}</span>
                  </span>
                ))}
          </dd>
        </div>
      </dl>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={webhookId} className="text-sm font-medium text-slate-800">
          {t("accounts.webhook", { name })}
        </label>
        <div className="flex gap-2">
          <Input id={webhookId} readOnly value={account.webhookUrl} className="font-mono text-sm" onFocus={(e) => e.currentTarget.select()} aria-describedby={`${webhookId}-hint`} />
          <Button variant="secondary" onClick={copyWebhook}>
            {t("accounts.copy")}
          </Button>
        </div>
        <p id={`${webhookId}-hint`} className="text-xs text-slate-600">
          {t("accounts.webhookHint")}
        </p>
        {account.kind === "kannel" ? (
          <details className="rounded-lg border border-slate-200 p-3 text-sm">
            <summary className="flex min-h-11 cursor-pointer items-center font-medium text-slate-900">{t("accounts.kannelMoTitle")}</summary>
            <p className="mt-2 text-slate-700">{t("accounts.kannelMoHint")}</p>
            <pre className="mt-2 overflow-x-auto rounded bg-slate-50 p-2 font-mono text-xs text-slate-900">{kannelSmsServiceGroup(account.webhookUrl)}</pre>
          </details>
        ) : null}
      </div>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" size="sm" aria-expanded={testing} aria-label={t("accounts.testFor", { name })} disabled={!account.active} onClick={() => setTesting(!testing)}>
          {t("accounts.test")}
        </Button>
        <Button variant="secondary" size="sm" aria-label={t("accounts.editFor", { name })} onClick={onEdit}>
          {t("accounts.edit")}
        </Button>
        {!account.isDefault && account.active ? (
          <Button variant="secondary" size="sm" disabled={busy} aria-label={t("accounts.setDefaultFor", { name })} onClick={() => setDefault.mutate({ id: account.id })}>
            {t("accounts.setDefault")}
          </Button>
        ) : null}
        <Button
          variant={account.active ? "danger" : "secondary"}
          size="sm"
          disabled={busy}
          aria-label={account.active ? t("accounts.disableFor", { name }) : t("accounts.enableFor", { name })}
          onClick={() => setActive.mutate({ id: account.id, active: !account.active })}
        >
          {account.active ? t("accounts.disable") : t("accounts.enable")}
        </Button>
      </div>
      {testing ? <AccountTest account={account} onClose={() => setTesting(false)} /> : null}
    </li>
  );
}
