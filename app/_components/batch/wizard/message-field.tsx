"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { ENCODING_LABELS } from "@/server/services/messages/labels";
import { analyzeSms, encodingNotice, limitMessage, removeAccents } from "@/server/sms/encoding";
import { TEMPLATE_VARIABLES } from "@/server/sms/template";
import { Button } from "../../ui/button";
import { cn } from "../../ui/cn";
import { controlClasses } from "../../ui/input";
import { useInsertAtCursor } from "../../ui/use-insert-at-cursor";

/**
 * The batch message with a live counter (the same count the server applies), "remover acentos"
 * and the template variables as chips that insert at the cursor. Variables are counted as typed:
 * each recipient's parts show in the preview.
 */
export function MessageField({ value, onChange, error }: { value: string; onChange: (v: string) => void; error?: string | null }) {
  const t = useTranslations("smsBatch.wizard.message");
  const trpc = useTRPC();
  const settings = useQuery(trpc.sms.settings.queryOptions());
  const maxParts = settings.data?.maxParts ?? 1;
  const a = analyzeSms(value, { maxParts });
  const over = limitMessage(a);
  const notice = encodingNotice(a);
  const { ref, insert } = useInsertAtCursor(value, onChange);
  const id = useId();
  const counterId = `${id}-counter`;
  const errorId = `${id}-error`;

  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {t("label")}
      </label>
      <textarea
        ref={ref}
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        rows={4}
        maxLength={2000}
        aria-invalid={error ? true : undefined}
        aria-describedby={[error ? errorId : null, counterId].filter(Boolean).join(" ")}
        className={cn(controlClasses, "py-2")}
      />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p id={counterId} aria-live="polite" className={cn("text-sm tabular-nums", a.withinLimit ? "text-slate-700" : "font-medium text-red-800")}>
          {t("counter", { characters: a.characters, encoding: ENCODING_LABELS[a.encoding], parts: a.parts, max: a.maxUnits })}
        </p>
        <Button variant="ghost" size="sm" onClick={() => onChange(removeAccents(value))} disabled={a.encoding === "GSM7"}>
          {t("removeAccents")}
        </Button>
      </div>
      {over ? <p className="text-sm font-medium text-red-800">{over}</p> : notice ? <p className="text-sm text-amber-900">{notice}</p> : null}
      {error ? (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
      <div className="flex flex-col gap-1">
        <p className="text-sm text-slate-600">{t("variables")}</p>
        <ul className="flex flex-wrap gap-2">
          {TEMPLATE_VARIABLES.map((v) => (
            <li key={v.name}>
              <button
                type="button"
                onClick={() => insert(v.token)}
                title={v.description}
                aria-label={t("insert", { token: v.token, description: v.description })}
                className="min-h-11 rounded-full border border-brand-200 bg-brand-50 px-3 font-mono text-sm text-brand-800 hover:bg-brand-100 focus-visible:ring-3 focus-visible:ring-brand-200"
              >
                {v.token}
              </button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
