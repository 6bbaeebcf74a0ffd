"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { formatPanelTime, maskTime, sendAtFromInputs } from "@/server/services/batches/send-at";
import { BrDateInput } from "../ui/br-date-input";
import { Field } from "../ui/field";
import { Input } from "../ui/input";

export type SendAtValue = { date: string; time: string };

/**
 * The date and time of "Agendar", typed as dd/mm/aaaa and HH:mm in São Paulo time (the batch wizard,
 * a scheduled batch, the individual form). Text fields, not the browser's date and time pickers: those
 * follow the browser's language (mm/dd/yyyy and 12-hour clocks on an English Chrome).
 */
export function SendAtFields({ value, onChange, error, disabled }: { value: SendAtValue; onChange: (v: SendAtValue) => void; error?: string | null; disabled?: boolean }) {
  const t = useTranslations("smsBatch.sendAt");
  const messageId = useId();
  // One message for both inputs: the problem is with the moment they make together.
  // Spelled out with the weekday, so a day typed in the wrong order shows at once.
  const chosen = sendAtFromInputs(value.date, value.time);
  const a11y = { "aria-invalid": error ? true : undefined, "aria-describedby": messageId };
  return (
    <div className="flex flex-col gap-1.5">
      <div className="grid grid-cols-[minmax(0,1fr)_minmax(0,0.7fr)] gap-3 sm:max-w-sm">
        <Field label={t("date")}>{(p) => <BrDateInput {...p} {...a11y} value={value.date} disabled={disabled} onChange={(date) => onChange({ ...value, date })} />}</Field>
        <Field label={t("time")}>
          {(p) => (
            <Input
              {...p}
              {...a11y}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              placeholder="HH:mm"
              maxLength={5}
              value={value.time}
              disabled={disabled}
              onChange={(e) => onChange({ ...value, time: maskTime(e.target.value) })}
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
