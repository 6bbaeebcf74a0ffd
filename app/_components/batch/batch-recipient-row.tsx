"use client";

import { useTranslations } from "next-intl";
import type { ListBatchRecipientsOutput } from "@/server/services/batches/schemas";
import { MessageLink } from "../sms/message-link";
import { MessageNote } from "../sms/message-note";
import { SmsStatusBadge } from "../sms/sms-status-badge";
import { Badge } from "../ui/badge";
import { PhoneNumber } from "../ui/phone-number";

type Recipient = ListBatchRecipientsOutput["items"][number];

/**
 * One recipient of a batch: a card on phones, a row on wide screens. The status column holds only
 * the badge; the note (the window a message waits for, a failure's reason) gets a line of its own,
 * so a long note can never squeeze the name and the number into a sliver.
 */
export function BatchRecipientRow({ r }: { r: Recipient }) {
  const t = useTranslations("smsBatch");
  const name = r.customerName ?? t("history.noCustomer");
  return (
    <li className="grid grid-cols-[minmax(0,1fr)_auto] items-start gap-x-3 gap-y-1 rounded-xl border border-slate-200 bg-white p-3 md:grid-cols-[minmax(0,1.2fr)_9.5rem_minmax(0,2.5fr)_8.5rem] md:rounded-none md:border-x-0 md:border-t-0 md:border-b md:bg-transparent md:px-4 md:last:border-b-0">
      <span className="min-w-0 font-medium break-words text-slate-900">{name}</span>
      <span className="justify-self-end md:order-last md:justify-self-start">
        {r.status ? <SmsStatusBadge status={r.status} /> : <Badge tone="neutral">{t("history.pending")}</Badge>}
      </span>
      <PhoneNumber className="col-span-2 text-sm text-slate-700 md:col-span-1">{r.phone}</PhoneNumber>
      <p className="col-span-2 text-sm break-words text-slate-700 md:col-span-1">{r.body}</p>
      {r.errorMessage || r.messageId ? (
        <div className="col-span-2 flex flex-wrap items-start justify-between gap-x-3 md:order-last md:col-span-2 md:col-start-3">
          {r.errorMessage ? <MessageNote status={r.status}>{r.errorMessage}</MessageNote> : <span />}
          {r.messageId ? <MessageLink id={r.messageId} name={name} /> : null}
        </div>
      ) : null}
    </li>
  );
}
