"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { MessageIcon } from "../icons";
import { type Feedback, FeedbackToast } from "../ui/feedback-toast";
import { Button } from "../ui/button";
import { Card, CardTitle } from "../ui/card";
import { EmptyState } from "../ui/empty-state";
import { AccountForm } from "./account-form";
import { AccountRow } from "./account-row";
import { LimitsCard } from "./limits-card";
import { SendWindowsCard } from "./send-windows-card";
import { LoadError, LoadingBlock } from "@/app/_components/ui/query-states";

type Editing = { mode: "none" } | { mode: "new" } | { mode: "edit"; id: number };

/** "Configuração de SMS" (admin): accounts, limits and send windows; every query starts at once. */
export function SmsSettingsManager() {
  const t = useTranslations("smsSettings");
  const trpc = useTRPC();
  const accounts = useQuery(trpc.smsAccount.list.queryOptions());
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [editing, setEditing] = useState<Editing>({ mode: "none" });
  const dismiss = useCallback(() => setFeedback(null), []);
  const done = (message: string) => {
    setEditing({ mode: "none" });
    setFeedback({ message, tone: "success" });
  };
  const editingAccount = editing.mode === "edit" ? accounts.data?.find((a) => a.id === editing.id) : undefined;

  return (
    <div className="flex flex-col gap-4 md:gap-6">
      <FeedbackToast feedback={feedback} onDismiss={dismiss} dismissLabel={t("dismiss")} />
      <Card flush aria-labelledby="accounts-title" className="max-md:border-0 max-md:bg-transparent max-md:shadow-none">
        <div className="flex flex-wrap items-center justify-between gap-3 pb-3 md:px-5 md:pt-4">
          <CardTitle id="accounts-title">{t("accounts.title")}</CardTitle>
          {editing.mode === "none" ? (
            <Button onClick={() => setEditing({ mode: "new" })}>{t("accounts.new")}</Button>
          ) : null}
        </div>
        {accounts.isPending ? (
          <LoadingBlock label={t("accounts.loading")} />
        ) : accounts.isError ? (
          <LoadError error={accounts.error} fallback={t("loadFailed")} retryLabel={t("retry")} onRetry={() => accounts.refetch()} className="m-4" />
        ) : accounts.data.length === 0 ? (
          <EmptyState icon={<MessageIcon />} title={t("accounts.emptyTitle")} className="md:m-4">
            <p>{t("accounts.emptyText")}</p>
          </EmptyState>
        ) : (
          <ul aria-label={t("accounts.listLabel")} className="flex flex-col gap-3 md:gap-0 md:divide-y md:divide-slate-200 md:border-t md:border-slate-200">
            {accounts.data.map((a) => (
              <AccountRow key={a.id} account={a} onEdit={() => setEditing({ mode: "edit", id: a.id })} onFeedback={setFeedback} />
            ))}
          </ul>
        )}
      </Card>

      {editing.mode === "new" ? <AccountForm onDone={done} onCancel={() => setEditing({ mode: "none" })} /> : null}
      {editingAccount ? <AccountForm key={editingAccount.id} account={editingAccount} onDone={done} onCancel={() => setEditing({ mode: "none" })} /> : null}

      <LimitsCard onFeedback={setFeedback} />
      <SendWindowsCard onFeedback={setFeedback} />
    </div>
  );
}
