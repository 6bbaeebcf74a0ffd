"use client";

import { useTranslations } from "next-intl";
import { ENCODING_LABELS } from "@/server/services/messages/labels";
import { analyzeSms, limitMessage, removeAccents, SMS_LIMITS } from "@/server/sms/encoding";
import { parseTemplate, TEMPLATE_VARIABLES, type TemplateContext } from "@/server/sms/template";
import { Button } from "../../ui/button";
import { cn } from "../../ui/cn";
import { Field } from "../../ui/field";
import { controlClasses } from "../../ui/input";
import { Select } from "../../ui/select";
import { useInsertAtCursor } from "../../ui/use-insert-at-cursor";
import { TEMPLATE_KEYS, type TemplateKey } from "./templates";
import { renderDraftMessage } from "./draft";

/** Below this many characters left in a single SMS the counter warns. */
const NEAR_LIMIT = 10;

/** The message textarea with templates, variables, the live counter and "remover acentos". */
export function MessageComposer({
  value,
  onChange,
  onTemplate,
  error,
  maxParts,
  context,
}: {
  value: string;
  onChange: (text: string) => void;
  /** A template was picked: its suggested motivo. */
  onTemplate: (motivo: string) => void;
  error?: string;
  maxParts: number;
  context: TemplateContext | null;
}) {
  const t = useTranslations("smsIndividual");
  const { ref: area, insert } = useInsertAtCursor(value, onChange);

  const rendered = renderDraftMessage(value, context);
  const a = analyzeSms(rendered ?? value, { maxParts });
  const overLimit = limitMessage(a);
  const singleCap = SMS_LIMITS[a.encoding].single;
  const nearCap = maxParts === 1 && a.withinLimit && a.units > 0 && singleCap - a.units <= NEAR_LIMIT;
  const usesVariables = parseTemplate(value).variables.length > 0;

  function pickTemplate(key: TemplateKey) {
    onChange(t.raw(`templates.${key}.text`) as string);
    onTemplate(t(`templates.${key}.motivo`));
  }

  return (
    <div className="flex flex-col gap-3">
      <Field label={t("form.template")} hint={t("form.templateHint")}>
        {(p) => (
          <Select {...p} value="" onChange={(e) => e.target.value && pickTemplate(e.target.value as TemplateKey)}>
            <option value="">{t("form.templateNone")}</option>
            {TEMPLATE_KEYS.map((k) => (
              <option key={k} value={k}>
                {t(`templates.${k}.label`)}
              </option>
            ))}
          </Select>
        )}
      </Field>

      <Field label={t("form.message")} error={error}>
        {(p) => (
          <div className="flex flex-col gap-2">
            <div role="group" aria-label={t("form.variables")} className="flex flex-wrap gap-1.5">
              {TEMPLATE_VARIABLES.map((v) => (
                <button
                  key={v.name}
                  type="button"
                  onClick={() => insert(v.token)}
                  aria-label={t("form.insertVariable", { token: v.token, description: v.description })}
                  title={v.description}
                  className="min-h-11 rounded-lg border border-slate-300 bg-white px-2.5 font-mono text-sm text-slate-800 hover:bg-slate-50"
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
              aria-describedby={[p["aria-describedby"], "sms-counter"].filter(Boolean).join(" ")}
            />
          </div>
        )}
      </Field>

      <div id="sms-counter" className="flex flex-col gap-1.5 text-sm">
        <p className="flex flex-wrap gap-x-3 gap-y-0.5 text-slate-700 tabular-nums">
          <span>{t("form.characters", { count: a.characters })}</span>
          <span>{ENCODING_LABELS[a.encoding]}</span>
          <span>{t("form.parts", { parts: a.parts, max: maxParts })}</span>
          {a.parts > 0 && a.withinLimit ? <span>{t("form.remaining", { count: a.remainingInPart })}</span> : null}
        </p>
        {nearCap ? <p className="font-medium text-amber-900">{t("form.nearLimit", { count: singleCap - a.units, limit: singleCap })}</p> : null}
        {overLimit ? <p className="font-medium text-red-800">{overLimit}</p> : null}
        {a.nonGsmChars.length > 0 ? (
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
            <p className="text-slate-700">{t("form.forcingChars", { chars: a.nonGsmChars.join(" ") })}</p>
            <Button variant="secondary" size="sm" onClick={() => onChange(removeAccents(value))} title={t("form.removeAccentsHint")}>
              {t("form.removeAccents")}
            </Button>
          </div>
        ) : null}
      </div>

      {usesVariables && rendered !== null ? (
        <div className="rounded-lg bg-slate-100 p-3 text-sm">
          <p className="font-medium text-slate-800">{t("form.preview")}</p>
          {!context ? <p className="text-slate-600">{t("form.previewExample")}</p> : null}
          <p className="mt-1 break-words whitespace-pre-wrap text-slate-900">{rendered}</p>
        </div>
      ) : null}
    </div>
  );
}
