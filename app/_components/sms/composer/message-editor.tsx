"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { removeAccents } from "@/server/sms/encoding";
import { renderPreview, TEMPLATE_VARIABLES, type TemplateContext } from "@/server/sms/template";
import { Button } from "../../ui/button";
import { cn } from "../../ui/cn";
import { Field } from "../../ui/field";
import { controlClasses } from "../../ui/input";
import { Select } from "../../ui/select";
import { useInsertAtCursor } from "../../ui/use-insert-at-cursor";
import { type ComposeRules, readableText, SmsCounter } from "./sms-counter";
import { TEMPLATE_KEYS, type TemplateKey } from "./templates";

/**
 * The message of an SMS, the same for "Novo SMS" and "Novo lote": the built-in templates, the
 * variables as buttons that insert at the cursor, the live counter of what will be sent and the
 * text as the customer will read it. A batch has no single customer: it shows the example values.
 */
export function MessageEditor({
  value,
  onChange,
  onTemplate,
  error,
  rules,
  context,
  kind,
}: {
  value: string;
  onChange: (text: string) => void;
  /** A template was picked: its suggested motivo. */
  onTemplate: (motivo: string) => void;
  error?: string | null;
  rules: ComposeRules;
  /** The customer's values; null for the example ones. */
  context: TemplateContext | null;
  kind: "individual" | "batch";
}) {
  const t = useTranslations("smsComposer");
  const { ref: area, insert } = useInsertAtCursor(value, onChange);
  const counterId = `${useId()}-counter`;
  const rendered = renderPreview(value, context);
  const counted = rendered ?? value;
  const readable = readableText(counted, rules);
  const typedHasAccents = removeAccents(value) !== value;

  function pickTemplate(key: TemplateKey) {
    onChange(t.raw(`templates.${key}.text`) as string);
    onTemplate(t(`templates.${key}.motivo`));
  }

  return (
    <div className="flex flex-col gap-3">
      <Field label={t("template")} hint={t("templateHint")}>
        {(p) => (
          <Select {...p} value="" onChange={(e) => e.target.value && pickTemplate(e.target.value as TemplateKey)}>
            <option value="">{t("templateNone")}</option>
            {TEMPLATE_KEYS.map((k) => (
              <option key={k} value={k}>
                {t(`templates.${k}.label`)}
              </option>
            ))}
          </Select>
        )}
      </Field>

      <Field label={t("message")} error={error}>
        {(p) => (
          <div className="flex flex-col gap-2">
            <div role="group" aria-label={kind === "batch" ? t("variablesBatch") : t("variables")} className="flex flex-wrap gap-1.5">
              {TEMPLATE_VARIABLES.map((v) => (
                <button
                  key={v.name}
                  type="button"
                  onClick={() => insert(v.token)}
                  aria-label={t("insertVariable", { token: v.token, description: v.description })}
                  title={v.description}
                  className="min-h-11 rounded-full border border-brand-200 bg-brand-50 px-3 font-mono text-sm text-brand-800 hover:bg-brand-100 focus-visible:ring-3 focus-visible:ring-brand-200"
                >
                  {v.token}
                </button>
              ))}
            </div>
            <textarea
              {...p}
              ref={area}
              value={value}
              onChange={(e) => onChange(e.target.value)}
              rows={5}
              maxLength={2000}
              className={cn(controlClasses, "min-h-32 py-2 leading-relaxed")}
              aria-describedby={[p["aria-describedby"], counterId].filter(Boolean).join(" ")}
            />
          </div>
        )}
      </Field>

      <div className="flex flex-col gap-2">
        <SmsCounter id={counterId} text={counted} rules={rules} />
        {!rules.stripAccents && typedHasAccents ? (
          <div>
            <Button variant="secondary" size="sm" onClick={() => onChange(removeAccents(value))} title={t("removeAccentsHint")}>
              {t("removeAccents")}
            </Button>
          </div>
        ) : null}
      </div>

      {value.trim() !== "" && rendered !== null && readable !== value ? (
        <div className="rounded-lg bg-slate-100 p-3 text-sm">
          <p className="font-medium text-slate-800">{t("preview")}</p>
          {!context ? <p className="text-slate-600">{kind === "batch" ? t("previewBatch") : t("previewExample")}</p> : null}
          <p className="mt-1 break-words whitespace-pre-wrap text-slate-900">{readable}</p>
        </div>
      ) : null}
    </div>
  );
}
