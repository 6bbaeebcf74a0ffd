"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { MessageRowOutput } from "@/server/services/messages/schemas";
import { cn } from "../../ui/cn";
import { PhoneNumber } from "../../ui/phone-number";
import { MessageLink } from "../message-link";
import { MessageNote } from "../message-note";
import { SmsStatusBadge } from "../sms-status-badge";

// One column template for the desktop header and rows, so they line up; the origin column is optional.
const COLUMNS = "xl:grid-cols-[5.5rem_minmax(0,1.3fr)_8rem_minmax(0,1.7fr)_minmax(0,1fr)_7.5rem_4rem]";
const COLUMNS_WITH_ORIGIN = "xl:grid-cols-[5.5rem_minmax(0,1.3fr)_8rem_minmax(0,1.7fr)_minmax(0,1fr)_6rem_7.5rem_4rem]";

/** When the message reached its last known state: delivery or failure time, else the provider's acceptance. */
function deliveryInstant(m: MessageRowOutput): Date | null {
  if (m.finalAt && m.status !== "cancelled") return m.finalAt;
  return m.status === "sent" ? m.sentAt : null;
}

/** Cards on phones (two per row on tablets); on wide screens the same markup lines up as table rows under a header. */
export function MessageList({ items, showOrigin, dimmed }: { items: MessageRowOutput[]; showOrigin: boolean; dimmed: boolean }) {
  const t = useTranslations("smsHistory");
  const format = useFormatter();
  const columns = showOrigin ? COLUMNS_WITH_ORIGIN : COLUMNS;
  const sameDay = (a: Date, b: Date) => format.dateTime(a, { dateStyle: "short" }) === format.dateTime(b, { dateStyle: "short" });

  function deliveryDetail(m: MessageRowOutput): string | undefined {
    const at = deliveryInstant(m);
    if (!at) return undefined;
    return sameDay(at, m.createdAt)
      ? t("detailAtTime", { time: format.dateTime(at, { hour: "2-digit", minute: "2-digit" }) })
      : t("detailOnDate", { date: format.dateTime(at, { day: "2-digit", month: "2-digit", hour: "2-digit", minute: "2-digit" }) });
  }

  return (
    <div className={cn("transition-opacity xl:rounded-xl xl:border xl:border-slate-200 xl:bg-white", dimmed && "opacity-60")}>
      <div
        aria-hidden="true"
        className={cn("hidden gap-x-3 border-b border-slate-200 px-4 py-2.5 text-xs font-semibold tracking-wide text-slate-600 uppercase xl:grid", columns)}
      >
        <span>{t("columns.date")}</span>
        <span>{t("columns.customer")}</span>
        <span>{t("columns.phone")}</span>
        <span>{t("columns.motivo")}</span>
        <span>{t("columns.operator")}</span>
        {showOrigin ? <span>{t("columns.origin")}</span> : null}
        <span>{t("columns.status")}</span>
        <span>{t("columns.parts")}</span>
      </div>
      <ul aria-label={t("listLabel")} className="flex flex-col gap-3 md:grid md:grid-cols-2 xl:flex xl:gap-0 xl:divide-y xl:divide-slate-200">
        {items.map((m) => (
          <li
            key={m.id}
            className={cn(
              "grid grid-cols-[minmax(0,1fr)_auto] items-start gap-x-3 gap-y-2 rounded-xl border border-slate-200 bg-white p-4 shadow-sm",
              "xl:gap-x-3 xl:rounded-none xl:border-0 xl:px-4 xl:py-3 xl:shadow-none",
              columns,
            )}
          >
            <div className="order-1 min-w-0 xl:order-2">
              <span className="sr-only">{t("columns.customer")}: </span>
              {m.customer ? (
                <>
                  <Link href={`/clientes/${m.customer.id}`} className="font-semibold break-words text-brand-800 underline-offset-2 hover:underline">
                    {m.customer.name}
                  </Link>
                  <p className="text-sm text-slate-600 tabular-nums">{t("code", { code: m.customer.code })}</p>
                </>
              ) : (
                <span className="text-slate-600">{t("noCustomer")}</span>
              )}
            </div>
            <div className="order-2 flex flex-col items-end gap-1 xl:order-7 xl:items-start">
              <span className="sr-only">{t("columns.status")}: </span>
              <SmsStatusBadge status={m.status} detail={deliveryDetail(m)} />
            </div>
            <div className="order-3 col-span-2 min-w-0 xl:order-4 xl:col-span-1">
              <span className="sr-only">{t("columns.motivo")}: </span>
              <p className="font-medium break-words text-slate-900">{m.motivo}</p>
              <p className="line-clamp-2 text-sm break-words text-slate-600" title={m.body}>
                {m.body}
              </p>
            </div>
            <div className="order-4 col-span-2 flex flex-wrap gap-x-3 gap-y-1 text-sm text-slate-700 xl:contents">
              <span className="tabular-nums xl:order-1">
                <span className="sr-only">{t("columns.date")}: </span>
                {format.dateTime(m.createdAt, { day: "2-digit", month: "2-digit", year: "2-digit", hour: "2-digit", minute: "2-digit" })}
              </span>
              <span className="xl:order-3">
                <span className="sr-only">{t("columns.phone")}: </span>
                <PhoneNumber>{m.phone.national}</PhoneNumber>
              </span>
              <span className="min-w-0 break-words xl:order-5">
                <span className="sr-only">{t("columns.operator")}: </span>
                {m.operator?.name ?? t("automatic")}
              </span>
              {showOrigin ? (
                <span className="xl:order-6">
                  <span className="sr-only">{t("columns.origin")}: </span>
                  {t(`origins.${m.origin}`)}
                </span>
              ) : null}
              <span className="whitespace-nowrap tabular-nums xl:order-8">
                <span className="sr-only">{t("columns.parts")}: </span>
                {t("parts", { count: m.segments })}
              </span>
            </div>
            {/* Its own line (under the motivo on wide screens): a long note never narrows the name. */}
            <div className="order-5 col-span-2 flex flex-wrap items-start justify-between gap-x-3 xl:order-9 xl:[grid-column:4/-1]">
              {m.errorMessage ? <MessageNote status={m.status}>{m.errorMessage}</MessageNote> : <span />}
              <MessageLink id={m.id} name={m.customer?.name ?? m.phone.national} />
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
