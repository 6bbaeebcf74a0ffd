"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { Card, CardTitle } from "../ui/card";
import { cn } from "../ui/cn";
import { type Feedback, FeedbackToast } from "../ui/feedback-toast";
import { NewUserForm } from "./new-user-form";
import { USER_COLUMNS, UserRow } from "./user-row";
import { LoadError, LoadingBlock } from "@/app/_components/ui/query-states";

export function UsersManager({ currentUserId }: { currentUserId: string }) {
  const t = useTranslations("users");
  const trpc = useTRPC();
  const users = useQuery(trpc.user.list.queryOptions());
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const dismiss = useCallback(() => setFeedback(null), []);
  const succeeded = useCallback((message: string) => setFeedback({ message, tone: "success" }), []);

  return (
    <div className="flex flex-col gap-4">
      <FeedbackToast feedback={feedback} onDismiss={dismiss} dismissLabel={t("dismiss")} />
      <Card flush aria-labelledby="users-list-title" className="max-md:border-0 max-md:bg-transparent max-md:shadow-none">
        <CardTitle id="users-list-title" className="pb-3 md:px-5 md:pt-4">
          {t("listTitle")}
        </CardTitle>
        {users.isPending ? (
          <LoadingBlock label={t("loading")} />
        ) : users.isError ? (
          <LoadError error={users.error} fallback={t("loadFailed")} retryLabel={t("retry")} onRetry={() => users.refetch()} className="m-4" />
        ) : users.data.length === 0 ? (
          <p className="px-4 pb-4 text-slate-600">{t("empty")}</p>
        ) : (
          <>
            <div
              aria-hidden="true"
              className={cn("hidden gap-x-4 border-y border-slate-200 px-4 py-2.5 text-xs font-semibold tracking-wide text-slate-600 uppercase md:grid", USER_COLUMNS)}
            >
              <span>{t("name")}</span>
              <span>{t("email")}</span>
              <span>{t("role")}</span>
              <span>{t("status")}</span>
              <span className="sr-only">{t("actions")}</span>
            </div>
            <ul aria-label={t("listLabel")} className="flex flex-col gap-3 md:gap-0 md:divide-y md:divide-slate-200 md:px-0 md:pb-0">
              {users.data.map((u) => (
                <UserRow key={u.id} user={u} isSelf={u.id === currentUserId} onFeedback={succeeded} />
              ))}
            </ul>
          </>
        )}
      </Card>
      <NewUserForm onCreated={(name) => succeeded(t("feedback.created", { name }))} />
    </div>
  );
}
