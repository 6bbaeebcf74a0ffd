"use client";

import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { SMS_STATUSES, type SmsOrigin, type SmsStatus } from "@/db/schema/constants";
import type { MessageOperatorsOutput } from "@/server/services/messages/schemas";
import { STATUS_LABELS } from "@/server/sms/status";
import { Button } from "../../ui/button";
import { cn } from "../../ui/cn";
import { Field } from "../../ui/field";
import { BrDateInput } from "../../ui/br-date-input";
import { Input } from "../../ui/input";
import { Select } from "../../ui/select";
import { CustomerPicker, type PickedCustomer } from "../customer-picker";
import { OriginSelect } from "../origin-select";

export type HistoryFilters = {
  from: string;
  to: string;
  statuses: SmsStatus[];
  customer: PickedCustomer | null;
  operatorId: string;
  origin: SmsOrigin | "";
  phone: string;
};

export const EMPTY_FILTERS: HistoryFilters = { from: "", to: "", statuses: [], customer: null, operatorId: "", origin: "", phone: "" };

export function activeFilterCount(f: HistoryFilters): number {
  return [f.from, f.to, f.statuses.length > 0, f.customer, f.operatorId, f.origin, f.phone.trim()].filter(Boolean).length;
}

/** The history's filters; collapsed behind a button on phones, always open on wide screens. */
export function MessageFilters({
  value,
  onChange,
  operators,
  showOrigin,
  periodError,
}: {
  value: HistoryFilters;
  onChange: (f: HistoryFilters) => void;
  /** Null when the viewer may not filter by operator (technicians see only their own sends). */
  operators: MessageOperatorsOutput | null;
  showOrigin: boolean;
  periodError: string | null;
}) {
  const t = useTranslations("smsHistory.filters");
  const [open, setOpen] = useState(false);
  const count = activeFilterCount(value);
  const set = (patch: Partial<HistoryFilters>) => onChange({ ...value, ...patch });
  // A date typed wrong is pointed out once the person leaves the field, not at every keystroke.
  const [invalid, setInvalid] = useState({ from: false, to: false });
  const [left, setLeft] = useState({ from: false, to: false });
  const badDate = { from: invalid.from && left.from, to: invalid.to && left.to };
  const dateCheck = useCallback((k: "from" | "to", bad: boolean) => {
    setInvalid((s) => ({ ...s, [k]: bad }));
    if (!bad) setLeft((s) => ({ ...s, [k]: false }));
  }, []);
  const fromCheck = useCallback((bad: boolean) => dateCheck("from", bad), [dateCheck]);
  const toCheck = useCallback((bad: boolean) => dateCheck("to", bad), [dateCheck]);
  const blurred = (k: "from" | "to") => () => setLeft((s) => ({ ...s, [k]: true }));

  function toggleStatus(s: SmsStatus, on: boolean) {
    const next = on ? [...value.statuses, s] : value.statuses.filter((x) => x !== s);
    set({ statuses: SMS_STATUSES.filter((x) => next.includes(x)) });
  }

  return (
    <section aria-label={t("title")} className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2 md:hidden">
        <Button variant="secondary" aria-expanded={open} aria-controls="history-filters" onClick={() => setOpen((o) => !o)} className="flex-1">
          {t("toggle", { count })}
        </Button>
        {count > 0 ? (
          <Button variant="ghost" onClick={() => onChange(EMPTY_FILTERS)}>
            {t("clear")}
          </Button>
        ) : null}
      </div>
      <div
        id="history-filters"
        className={cn(open ? "grid" : "hidden", "grid-cols-2 gap-3 rounded-xl border border-slate-200 bg-white p-4 md:grid md:grid-cols-4 lg:grid-cols-[minmax(9.5rem,1fr)_minmax(9.5rem,1fr)_repeat(4,minmax(0,1fr))]")}
      >
        <Field label={<DateLabel text={t("from")} />} error={badDate.from ? t("dateInvalid") : null} className="col-span-1">
          {(p) => <BrDateInput {...p} value={value.from} onChange={(from) => set({ from })} onInvalidChange={fromCheck} onBlur={blurred("from")} />}
        </Field>
        <Field label={<DateLabel text={t("to")} />} error={badDate.to ? t("dateInvalid") : periodError} className="col-span-1">
          {(p) => <BrDateInput {...p} value={value.to} onChange={(to) => set({ to })} onInvalidChange={toCheck} onBlur={blurred("to")} />}
        </Field>
        <Field label={t("customer")} className="col-span-2">
          {(p) => <CustomerPicker control={p} value={value.customer} onChange={(customer) => set({ customer })} clearable />}
        </Field>
        {operators ? (
          <Field label={t("operator")} className="col-span-2 md:col-span-1 lg:col-span-1">
            {(p) => (
              <Select {...p} value={value.operatorId} onChange={(e) => set({ operatorId: e.target.value })}>
                <option value="">{t("anyOperator")}</option>
                {operators.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        ) : null}
        {showOrigin ? (
          <Field label={t("origin")} className="col-span-2 md:col-span-1 lg:col-span-1">
            {(p) => <OriginSelect control={p} value={value.origin || null} onChange={(origin) => set({ origin: origin ?? "" })} anyLabel={t("anyOrigin")} />}
          </Field>
        ) : null}
        <Field label={t("phone")} className="col-span-2 md:col-span-1 lg:col-span-2">
          {(p) => (
            <Input {...p} type="search" inputMode="tel" value={value.phone} placeholder={t("phonePlaceholder")} maxLength={30} onChange={(e) => set({ phone: e.target.value })} />
          )}
        </Field>
        <fieldset className="col-span-2 md:col-span-4 lg:col-span-6">
          <legend className="mb-1.5 text-sm font-medium text-slate-800">{t("status")}</legend>
          <div className="flex flex-wrap gap-x-1 gap-y-0">
            {SMS_STATUSES.map((s) => (
              <label key={s} className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg px-2 text-sm text-slate-800 hover:bg-slate-50">
                <input type="checkbox" className="size-5 accent-brand-600" checked={value.statuses.includes(s)} onChange={(e) => toggleStatus(s, e.target.checked)} />
                {STATUS_LABELS[s]}
              </label>
            ))}
          </div>
        </fieldset>
        {count > 0 ? (
          <div className="col-span-2 hidden md:col-span-4 md:block lg:col-span-6">
            <Button variant="ghost" onClick={() => onChange(EMPTY_FILTERS)}>
              {t("clear")}
            </Button>
          </div>
        ) : null}
      </div>
    </section>
  );
}

/** "De" with the expected format for assistive tech (the placeholder shows it on screen). */
function DateLabel({ text }: { text: string }) {
  return (
    <>
      {text}
      <span className="sr-only"> (dd/mm/aaaa)</span>
    </>
  );
}
