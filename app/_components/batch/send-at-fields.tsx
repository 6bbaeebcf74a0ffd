"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { formatPanelTime, inputsFromSendAt, SEND_AT_STEP_MINUTES, sendAtFromInputs } from "@/server/services/batches/send-at";
import { Field } from "../ui/field";
import { Input } from "../ui/input";

export type SendAtValue = { date: string; time: string };

/** The date and time of "Agendar", typed in São Paulo time (the batch wizard, a scheduled batch, the individual form). */
export function SendAtFields({ value, onChange, error, disabled }: { value: SendAtValue; onChange: (v: SendAtValue) => void; error?: string | null; disabled?: boolean }) {
  const t = useTranslations("smsBatch.sendAt");
  // Today in São Paulo, once: the earliest date the picker offers.
  const [today] = useState(() => inputsFromSendAt(new Date()).date);
  const messageId = useId();
  // One message for both inputs: the problem is with the moment they make together.
  // Spelled out with the weekday: the browser's own date field may show the date in another order.
  const chosen = sendAtFromInputs(value.date, value.time);
  const a11y = { "aria-invalid": error ? true : undefined, "aria-describedby": messageId };
  return (
    <div className="flex flex-col gap-1.5">
      <div className="grid grid-cols-2 gap-3 sm:max-w-sm">
        <Field label={t("date")}>
          {(p) => <Input {...p} {...a11y} type="date" min={today} value={value.date} disabled={disabled} onChange={(e) => onChange({ ...value, date: e.target.value })} />}
        </Field>
        <Field label={t("time")}>
          {(p) => (
            <Input
              {...p}
              {...a11y}
              type="time"
              step={SEND_AT_STEP_MINUTES * 60}
              value={value.time}
              disabled={disabled}
              onChange={(e) => onChange({ ...value, time: e.target.value })}
            />
          )}
        </Field>
      </div>
      {error ? (
        <p id={messageId} role="alert" className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : (
        <p id={messageId} className="text-sm text-slate-600">
          {chosen ? t("chosen", { when: formatPanelTime(chosen, { at: true }) }) : t("hint")}
        </p>
      )}
    </div>
  );
}
