"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { Card, CardTitle } from "../ui/card";
import { cn } from "../ui/cn";
import { NewUserForm } from "./new-user-form";
import { USER_COLUMNS, UserRow } from "./user-row";
import { LoadError, LoadingBlock } from "@/app/_components/ui/query-states";

const FEEDBACK_MS = 8000;

/**
 * Success messages float above the bottom bar, so they are seen wherever on the page the change was
 * made; the live region is always in the DOM so screen readers announce each new message.
 */
function Feedback({ message, onDismiss }: { message: string; onDismiss: () => void }) {
  const t = useTranslations("users");
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(onDismiss, FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [message, onDismiss]);
  return (
    <div
      role="status"
      aria-live="polite"
      className="pointer-events-none fixed inset-x-4 bottom-[calc(4.5rem+env(safe-area-inset-bottom))] z-40 flex justify-center md:inset-x-auto md:right-8 md:bottom-8"
    >
      {message ? (
        <p className="pointer-events-auto flex max-w-md items-center gap-2 rounded-lg bg-emerald-800 py-1 pr-1 pl-4 text-sm font-medium text-white shadow-lg">
          <span className="py-2">{message}</span>
          <button
            type="button"
            onClick={onDismiss}
            className="flex size-11 shrink-0 items-center justify-center rounded-md hover:bg-emerald-700"
          >
            <span aria-hidden="true" className="text-xl leading-none">×</span>
            <span className="sr-only">{t("dismiss")}</span>
          </button>
        </p>
      ) : null}
    </div>
  );
}

export function UsersManager({ currentUserId }: { currentUserId: string }) {
  const t = useTranslations("users");
  const trpc = useTRPC();
  const users = useQuery(trpc.user.list.queryOptions());
  const [feedback, setFeedback] = useState("");
  const dismiss = useCallback(() => setFeedback(""), []);

  return (
    <div className="flex flex-col gap-4">
      <Feedback message={feedback} onDismiss={dismiss} />
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
                <UserRow key={u.id} user={u} isSelf={u.id === currentUserId} onFeedback={setFeedback} />
              ))}
            </ul>
          </>
        )}
      </Card>
      <NewUserForm onCreated={(name) => setFeedback(t("feedback.created", { name }))} />
    </div>
  );
}
