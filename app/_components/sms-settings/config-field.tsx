"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { controlClasses } from "../ui/input";
import { Field } from "../ui/field";
import { Input } from "../ui/input";
import { Select } from "../ui/select";
import { cn } from "../ui/cn";
import type { FieldSpec } from "./field-spec";

function defaultText(spec: FieldSpec): string | null {
  const v = spec.defaultValue;
  if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) return null;
  return typeof v === "object" ? JSON.stringify(v) : String(v);
}

/** One provider setting, drawn by its kind (text, number, yes/no, choice, list, JSON). */
export function ConfigField({
  spec,
  label,
  value,
  error,
  onChange,
}: {
  spec: FieldSpec;
  label: string;
  value: string | boolean;
  error?: string;
  onChange: (value: string | boolean) => void;
}) {
  const t = useTranslations("smsSettings.form");
  const checkboxId = useId();
  const def = defaultText(spec);
  const hint = def !== null && spec.kind !== "boolean" ? t("defaultValue", { value: def }) : undefined;

  if (spec.kind === "boolean") {
    return (
      <div className="flex flex-col gap-1">
        <label htmlFor={checkboxId} className="flex min-h-11 items-center gap-2 text-slate-900">
          <input
            id={checkboxId}
            type="checkbox"
            className="size-5 accent-brand-600"
            checked={value === true}
            aria-invalid={error ? true : undefined}
            onChange={(e) => onChange(e.target.checked)}
          />
          {label}
        </label>
        {error ? <p className="text-sm font-medium text-red-700">{error}</p> : null}
      </div>
    );
  }
  return (
    <Field label={label} hint={hint} error={error} className={spec.kind === "json" || spec.kind === "list" ? "md:col-span-2" : undefined}>
      {(props) =>
        spec.kind === "enum" ? (
          <Select {...props} value={String(value)} onChange={(e) => onChange(e.target.value)}>
            {spec.required ? null : <option value="">{def ? t("defaultValue", { value: def }) : "—"}</option>}
            {spec.options?.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </Select>
        ) : spec.kind === "json" || spec.kind === "list" ? (
          <textarea
            {...props}
            value={String(value)}
            onChange={(e) => onChange(e.target.value)}
            rows={spec.kind === "json" ? 4 : 3}
            spellCheck={false}
            className={cn(controlClasses, "py-2 font-mono")}
          />
        ) : (
          <Input
            {...props}
            value={String(value)}
            onChange={(e) => onChange(e.target.value)}
            inputMode={spec.kind === "number" ? "decimal" : undefined}
            autoComplete="off"
            spellCheck={false}
          />
        )
      }
    </Field>
  );
}
