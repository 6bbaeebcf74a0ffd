"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useTRPC } from "@/app/_trpc/client";
import type { MessageDetailOutput } from "@/server/services/messages/schemas";
import { BackLink } from "../../ui/back-link";
import { Card, CardTitle } from "../../ui/card";
import { PhoneNumber } from "../../ui/phone-number";
import { LoadError, LoadingBlock } from "../../ui/query-states";
import { MessageNote } from "../message-note";
import { SmsStatusBadge } from "../sms-status-badge";
import { MessageNotFound } from "./message-not-found";
import { MessageTimeline, SAO_PAULO } from "./message-timeline";

/** A message's own page: who, what, where it stands, and every step it took. */
export function MessageDetail({ id, canSeeAll }: { id: number; canSeeAll: boolean }) {
  const t = useTranslations("smsHistory.message");
  const trpc = useTRPC();
  const query = useQuery({
    ...trpc.message.get.queryOptions({ id }),
    // An id that is not there (or not the viewer's) will not appear by asking again.
    retry: (count, error) => error.data?.code !== "NOT_FOUND" && count < 1,
  });
  const back = canSeeAll ? { href: "/sms/historico", label: t("backHistory") } : { href: "/sms/individual", label: t("backIndividual") };

  if (query.isError && query.error.data?.code === "NOT_FOUND") return <MessageNotFound backHref={back.href} backLabel={back.label} />;
  return (
    <div className="flex flex-col gap-4">
      <BackLink href={back.href}>{back.label}</BackLink>
      {query.isPending ? (
        <LoadingBlock label={t("loading")} />
      ) : query.isError ? (
        <LoadError error={query.error} fallback={t("loadFailed")} retryLabel={t("retry")} onRetry={() => query.refetch()} />
      ) : (
        <Detail m={query.data} canSeeAll={canSeeAll} />
      )}
    </div>
  );
}

function Row({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? "col-span-full min-w-0" : "min-w-0"}>
      <dt className="text-xs font-medium tracking-wide text-slate-600 uppercase">{label}</dt>
      <dd className="mt-0.5 break-words text-slate-900">{children}</dd>
    </div>
  );
}

function Detail({ m, canSeeAll }: { m: MessageDetailOutput; canSeeAll: boolean }) {
  const t = useTranslations("smsHistory.message");
  const tHistory = useTranslations("smsHistory");
  const format = useFormatter();
  const name = m.customer?.name ?? m.phone.national;
  return (
    <>
      <Card aria-labelledby="message-title" className="flex flex-col gap-4">
        <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-2">
          <div className="min-w-0">
            <h2 id="message-title" className="text-xl font-bold break-words text-slate-900">
              {t("title", { name })}
            </h2>
            <p className="text-sm text-slate-600 tabular-nums">
              {format.dateTime(m.createdAt, { day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: SAO_PAULO })}
            </p>
          </div>
          <SmsStatusBadge status={m.status} />
        </div>
        {m.errorMessage ? <MessageNote status={m.status}>{m.errorMessage}</MessageNote> : null}
        <dl className="grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-3">
          <Row label={t("fields.customer")}>
            {m.customer ? (
              <Link href={`/clientes/${m.customer.id}`} className="font-medium text-brand-800 underline-offset-2 hover:underline">
                {m.customer.name}
              </Link>
            ) : (
              tHistory("noCustomer")
            )}
          </Row>
          <Row label={t("fields.phone")}>
            <PhoneNumber>{m.phone.national}</PhoneNumber>
          </Row>
          <Row label={t("fields.motivo")}>{m.motivo}</Row>
          <Row label={t("fields.origin")}>
            {tHistory(`origins.${m.origin}`)}
            {m.batchId ? (
              <>
                {" · "}
                {canSeeAll ? (
                  <Link href={`/sms/lote/${m.batchId}`} className="font-medium text-brand-800 underline-offset-2 hover:underline">
                    {t("batchLink", { id: m.batchId })}
                  </Link>
                ) : (
                  t("batchLink", { id: m.batchId })
                )}
              </>
            ) : null}
          </Row>
          <Row label={t("fields.operator")}>{m.operator?.name ?? tHistory("automatic")}</Row>
          <Row label={t("fields.parts")}>{t("size", { characters: m.characters, parts: m.segments })}</Row>
          {m.account ? <Row label={t("fields.account")}>{m.account.name}</Row> : null}
          {m.providerMessageId ? (
            <Row label={t("fields.providerId")}>
              <span className="font-mono text-sm break-all">{m.providerMessageId}</span>
            </Row>
          ) : null}
          <Row label={t("fields.attempts")}>{m.attempts}</Row>
          <Row label={t("fields.text")} wide>
            <span className="block rounded-lg bg-slate-50 p-3 text-sm whitespace-pre-wrap text-slate-900">{m.body}</span>
          </Row>
        </dl>
      </Card>
      <Card aria-labelledby="message-timeline" className="flex flex-col gap-3">
        <div>
          <CardTitle id="message-timeline">{t("timeline")}</CardTitle>
          <p className="text-sm text-slate-600">{t("timeZone")}</p>
        </div>
        <MessageTimeline events={m.events} operator={m.operator?.name ?? null} />
      </Card>
    </>
  );
}
