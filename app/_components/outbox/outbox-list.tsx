"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { flushOutbox } from "@/app/_lib/outbox/outbox";
import type { OutboxItem, OutboxStatus } from "@/app/_lib/outbox/types";
import { useOutbox } from "@/app/_lib/outbox/use-outbox";
import { useOnline } from "../pwa/use-online";
import { Badge, type BadgeTone } from "../ui/badge";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { useSendOnline } from "./use-send-online";

const TONES: Record<OutboxStatus, BadgeTone> = { pending: "warning", sending: "info", sent: "success", failed: "danger" };

/**
 * The individual SMS kept on this device until the server has them, with their state; pending ones
 * can be cancelled. Renders nothing while the outbox is empty.
 */
export function OutboxList({ userId }: { userId: string }) {
  const t = useTranslations("pwa.outbox");
  const { items, cancel, retry, dismiss } = useOutbox(userId);
  const online = useOnline();
  const sendOnline = useSendOnline();
  const [flushing, setFlushing] = useState(false);

  if (!items || items.length === 0) return null;
  const waiting = items.filter((i) => i.status !== "sent").length;

  async function sendNow() {
    setFlushing(true);
    await flushOutbox(userId, sendOnline).catch(() => {});
    setFlushing(false);
  }

  return (
    <Card className="mb-4 flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="text-base font-semibold text-slate-900">{t("title")}</h2>
        <p className="text-sm text-slate-700">{waiting > 0 ? t("summary", { count: waiting }) : t("allSent")}</p>
        {online && items.some((i) => i.status === "pending") ? (
          <Button size="sm" variant="secondary" className="ml-auto" onClick={sendNow} disabled={flushing}>
            {t("sendNow")}
          </Button>
        ) : null}
      </div>
      <ul aria-label={t("listLabel")} className="flex flex-col divide-y divide-slate-200">
        {items.map((item) => (
          <OutboxRow key={item.id} item={item} onCancel={cancel} onRetry={(id) => retry(id).then(sendNow)} onDismiss={dismiss} />
        ))}
      </ul>
    </Card>
  );
}

function OutboxRow({
  item,
  onCancel,
  onRetry,
  onDismiss,
}: {
  item: OutboxItem;
  onCancel: (id: string) => unknown;
  onRetry: (id: string) => unknown;
  onDismiss: (id: string) => unknown;
}) {
  const t = useTranslations("pwa.outbox");
  const format = useFormatter();
  const who = item.display.customerName ? t("toCustomer", { customer: item.display.customerName, phone: item.display.phone }) : t("to", { phone: item.display.phone });
  const label = item.status === "failed" ? t("status.failed", { reason: item.error ?? "" }) : t(`status.${item.status}`);

  return (
    <li className="flex flex-col gap-2 py-3 sm:flex-row sm:items-start sm:gap-4">
      <div className="min-w-0 flex-1">
        <p className="font-medium text-slate-900">{who}</p>
        <p className="text-sm text-slate-600">
          {item.input.motivo} · {t("composedAt", { time: format.dateTime(item.createdAt, { dateStyle: "short", timeStyle: "short" }) })}
        </p>
        <p className="mt-1 line-clamp-2 text-sm break-words text-slate-800">{item.input.message}</p>
      </div>
      <div className="flex flex-wrap items-center gap-2 sm:flex-col sm:items-end">
        <Badge tone={TONES[item.status]} className="whitespace-normal">
          {label}
        </Badge>
        {item.status === "pending" || item.status === "failed" ? (
          <div className="flex gap-2">
            {item.status === "failed" ? (
              <Button size="sm" variant="secondary" onClick={() => onRetry(item.id)}>
                {t("retry")}
              </Button>
            ) : null}
            <Button size="sm" variant="danger" onClick={() => onCancel(item.id)}>
              {t("cancel")}
            </Button>
          </div>
        ) : item.status === "sent" ? (
          <Button size="sm" variant="ghost" onClick={() => onDismiss(item.id)}>
            {t("dismiss")}
          </Button>
        ) : null}
      </div>
    </li>
  );
}
