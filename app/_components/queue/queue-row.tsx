"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import type { QueueItem } from "@/server/services/queue/schemas";
import { MessageLink } from "../sms/message-link";
import { MessageNote } from "../sms/message-note";
import { SmsStatusBadge } from "../sms/sms-status-badge";
import { Button } from "../ui/button";
import { cn } from "../ui/cn";
import type { Feedback } from "../ui/feedback-toast";
import { PhoneNumber } from "../ui/phone-number";
import { ReschedulePanel } from "./reschedule-panel";
import { useWhen } from "./use-when";

export const QUEUE_COLUMNS = "md:grid-cols-[minmax(0,1.2fr)_minmax(0,1fr)_10rem_6.5rem_minmax(0,1.2fr)_14rem]";

type Panel = "none" | "cancel" | "resolve" | "reschedule";

function useStatusDetail() {
  const t = useTranslations("smsQueue.detail");
  const when = useWhen();
  return (item: QueueItem) => {
    const next = item.nextAttemptAt;
    switch (item.status) {
      case "scheduled":
        return next ? t("opensAt", { when: when(next) }) : t("dueNow");
      case "queued":
        return next && next.getTime() > Date.now() ? t("retryAt", { when: when(next) }) : t("dueNow");
      case "sending":
        return t("sending");
      case "in_doubt":
        return t("inDoubt");
    }
  };
}

/** One pending message: a card on phones, a row of the grid on desktop, with its actions. */
export function QueueRow({ item, onFeedback }: { item: QueueItem; onFeedback: (f: Feedback) => void }) {
  const t = useTranslations("smsQueue");
  // The origins' words are the history's (one list for every screen).
  const tOrigins = useTranslations("smsHistory.origins");
  const trpc = useTRPC();
  const detail = useStatusDetail();
  const [panel, setPanel] = useState<Panel>("none");
  const [acceptDuplicate, setAcceptDuplicate] = useState(false);
  const checkboxId = useId();
  const name = item.customer?.name ?? item.phone;
  const done = (message: string) => {
    setPanel("none");
    onFeedback({ message, tone: "success" });
  };

  const cancel = useMutation(trpc.queue.cancel.mutationOptions({ onSuccess: () => done(t("feedback.cancelled", { name })) }));
  // Outside its send window the message goes at the opening: say when, never "next drain".
  const retry = useMutation(
    trpc.queue.retryNow.mutationOptions({
      onSuccess: (r) => done(r.windowClosed ? t("feedback.retryHeld", { name, reason: r.windowClosed }) : t("feedback.retried", { name })),
    }),
  );
  const resolve = useMutation(
    trpc.queue.resolveInDoubt.mutationOptions({
      onSuccess: (_r, vars) => done(vars.action === "markSent" ? t("feedback.markedSent", { name }) : t("feedback.sentAgain", { name })),
    }),
  );
  const busy = cancel.isPending || retry.isPending || resolve.isPending;
  const [mustAccept, setMustAccept] = useState(false);
  const duplicateError = mustAccept && !acceptDuplicate ? t("actions.confirmDuplicateRequired") : resolve.error?.data?.fieldErrors?.confirmDuplicate;
  // A refusal (e.g. the message moved on meanwhile) goes to the toast: the row itself may leave the list.
  const failed = (e: { message: string; data?: { fieldErrors?: Record<string, string> | null } | null }) => {
    if (e.data?.fieldErrors?.confirmDuplicate) return;
    setPanel("none");
    onFeedback({ message: e.data ? e.message : t("actions.failed"), tone: "error" });
  };
  const mayCancel = item.status === "queued" || item.status === "scheduled" || item.status === "in_doubt";
  const mayRetry = item.status === "queued" || item.status === "scheduled";

  return (
    <li
      className={cn(
        "grid grid-cols-[minmax(0,1fr)_auto] gap-x-3 gap-y-2 rounded-xl border border-slate-200 bg-white p-4 shadow-sm",
        "md:items-start md:gap-x-4 md:rounded-none md:border-0 md:px-4 md:py-3 md:shadow-none",
        QUEUE_COLUMNS,
        item.status === "in_doubt" && "border-amber-300 md:bg-amber-50/40",
      )}
    >
      <div className="min-w-0">
        <p className="font-semibold break-words text-slate-900">{item.customer?.name ?? t("noCustomer")}</p>
        <p className="text-sm text-slate-700 tabular-nums">
          <PhoneNumber>{item.phone}</PhoneNumber>
          {item.customer ? <span className="text-slate-600"> · {item.customer.code}</span> : null}
        </p>
        <MessageLink id={item.id} name={name} />
      </div>
      <div className="md:order-3">
        <SmsStatusBadge status={item.status} detail={detail(item)} />
      </div>
      <div className="col-span-2 min-w-0 md:order-2 md:col-span-1">
        <p className="text-sm font-medium text-slate-900">
          <span className="sr-only">{t("columns.origin")}: </span>
          {tOrigins(item.origin)}
          {item.batchId ? <span className="font-normal text-slate-600"> #{item.batchId}</span> : null}
        </p>
        <p className="text-sm break-words text-slate-700">{item.motivo}</p>
      </div>
      <p className="col-span-2 text-sm text-slate-700 md:order-4 md:col-span-1">{t("attempts", { count: item.attempts })}</p>
      {/* A deferral by the send window is information, not a failure. */}
      <div className={cn("col-span-2 min-w-0 md:order-5 md:col-span-1", !item.lastError && "max-md:hidden")}>
        <span className="sr-only">{t("columns.lastError")}: </span>
        {!item.lastError ? (
          <p className="text-sm text-slate-600">{t("noError")}</p>
        ) : (
          <MessageNote status={item.lastError.code === "send_window" ? "scheduled" : item.status}>{item.lastError.message}</MessageNote>
        )}
      </div>
      <div className="col-span-2 flex flex-wrap gap-2 md:order-6 md:col-span-1 md:justify-end">
        {mayRetry ? (
          <Button
            variant="secondary"
            size="sm"
            disabled={busy}
            aria-label={t("actions.retryNowFor", { name })}
            onClick={() => retry.mutate({ id: item.id, status: item.status }, { onError: failed })}
          >
            {t("actions.retryNow")}
          </Button>
        ) : null}
        {item.reschedulable ? (
          <Button
            variant="secondary"
            size="sm"
            disabled={busy}
            aria-expanded={panel === "reschedule"}
            aria-label={t("reschedule.openFor", { name })}
            onClick={() => setPanel(panel === "reschedule" ? "none" : "reschedule")}
          >
            {t("reschedule.open")}
          </Button>
        ) : null}
        {item.status === "in_doubt" ? (
          <Button variant="secondary" size="sm" disabled={busy} aria-expanded={panel === "resolve"} aria-label={t("actions.resolveFor", { name })} onClick={() => setPanel(panel === "resolve" ? "none" : "resolve")}>
            {t("actions.resolve")}
          </Button>
        ) : null}
        {mayCancel ? (
          <Button variant="danger" size="sm" disabled={busy} aria-expanded={panel === "cancel"} aria-label={t("actions.cancelFor", { name })} onClick={() => setPanel(panel === "cancel" ? "none" : "cancel")}>
            {t("actions.cancel")}
          </Button>
        ) : null}
      </div>

      {panel === "reschedule" ? <ReschedulePanel item={item} name={name} onDone={done} onFailed={failed} onClose={() => setPanel("none")} /> : null}

      {panel === "cancel" ? (
        <div role="group" aria-label={t("actions.cancelFor", { name })} className="col-span-2 flex flex-wrap items-center gap-3 rounded-lg bg-red-50 p-3 ring-1 ring-red-200 md:order-7 md:col-span-6">
          <p className="text-sm font-medium text-red-900">{t("actions.confirmCancel")}</p>
          <div className="flex gap-2">
            <Button variant="danger" size="sm" disabled={busy} onClick={() => cancel.mutate({ id: item.id, status: item.status }, { onError: failed })}>
              {cancel.isPending ? t("actions.busy") : t("actions.confirmCancelButton")}
            </Button>
            <Button variant="ghost" size="sm" onClick={() => setPanel("none")}>
              {t("actions.back")}
            </Button>
          </div>
        </div>
      ) : null}

      {panel === "resolve" ? (
        <div role="group" aria-label={t("actions.resolveFor", { name })} className="col-span-2 flex flex-col gap-3 rounded-lg bg-amber-50 p-3 ring-1 ring-amber-200 md:order-7 md:col-span-6">
          <p className="text-sm text-amber-950">{t("actions.resolveHint")}</p>
          <div className="flex flex-wrap items-start gap-3">
            <Button variant="secondary" size="sm" disabled={busy} onClick={() => resolve.mutate({ id: item.id, action: "markSent" }, { onError: failed })}>
              {t("actions.markSent")}
            </Button>
            <div className="flex flex-col gap-2">
              <label htmlFor={checkboxId} className="flex min-h-11 items-center gap-2 text-sm text-slate-900">
                <input
                  id={checkboxId}
                  type="checkbox"
                  className="size-5 accent-brand-600"
                  checked={acceptDuplicate}
                  aria-invalid={duplicateError ? true : undefined}
                  aria-describedby={duplicateError ? `${checkboxId}-error` : undefined}
                  onChange={(e) => setAcceptDuplicate(e.target.checked)}
                />
                {t("actions.confirmDuplicate")}
              </label>
              {duplicateError ? (
                <p id={`${checkboxId}-error`} className="text-sm font-medium text-red-700">
                  {duplicateError}
                </p>
              ) : null}
              <Button
                variant="primary"
                size="sm"
                disabled={busy}
                className="self-start"
                onClick={() => {
                  // The server refuses it too; asking here first saves a round trip.
                  setMustAccept(!acceptDuplicate);
                  if (acceptDuplicate) resolve.mutate({ id: item.id, action: "sendAgain", confirmDuplicate: true }, { onError: failed });
                }}
              >
                {t("actions.sendAgain")}
              </Button>
            </div>
          </div>
        </div>
      ) : null}
    </li>
  );
}
