"use client";

import { useTranslations } from "next-intl";
import { MAX_PARTS_PER_MESSAGE, type PreviewBatchOutput } from "@/server/services/batches/schemas";
import { Button } from "../../ui/button";
import type { Draft } from "./draft";

type Props = {
  estimate: PreviewBatchOutput["estimate"];
  draft: Draft;
  /** Absent on the confirmation: the choice is made at the preview ("Voltar"). */
  onChange?: (patch: Partial<Draft>) => void;
};

/**
 * Texts over the parts limit, said before "Enviar" with the two ways out: allow the parts they need
 * (the cost is shown again by the preview), or leave those recipients out. Never a refusal after
 * the confirmation.
 */
export function OverLimitNotice({ estimate, draft, onChange }: Props) {
  const t = useTranslations("smsBatch.wizard.overLimit");
  const { overLimit, maxParts, neededParts, overLimitExample } = estimate;
  const canAllow = neededParts > maxParts && neededParts <= MAX_PARTS_PER_MESSAGE;

  if (overLimit > 0 && !draft.excludeOverLimit) {
    return (
      <div role="alert" className="flex flex-col gap-3 rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900">
        <p className="font-semibold">{t("title", { count: overLimit, max: maxParts })}</p>
        {overLimitExample ? <p>{t("example", { name: overLimitExample.customerName, message: overLimitExample.message })}</p> : null}
        {onChange ? (
          <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">
            {canAllow ? (
              <Button variant="secondary" size="sm" onClick={() => onChange({ maxParts: neededParts })}>
                {t("allow", { parts: neededParts })}
              </Button>
            ) : null}
            <Button variant="secondary" size="sm" onClick={() => onChange({ excludeOverLimit: true })}>
              {t("leaveOut", { count: overLimit })}
            </Button>
          </div>
        ) : (
          <p>{t("goBack")}</p>
        )}
      </div>
    );
  }
  const notes: { text: string; undo: Partial<Draft>; undoLabel: string }[] = [];
  if (draft.excludeOverLimit && overLimit > 0) notes.push({ text: t("leftOut", { count: overLimit, max: maxParts }), undo: { excludeOverLimit: false }, undoLabel: t("includeAgain") });
  if (draft.maxParts !== null) notes.push({ text: t("allowed", { max: maxParts }), undo: { maxParts: null }, undoLabel: t("useDefault") });
  if (notes.length === 0) return null;
  return (
    <div className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-slate-50 p-3 text-sm text-slate-800">
      {notes.map((n) => (
        <div key={n.undoLabel} className="flex flex-wrap items-center justify-between gap-2">
          <p>{n.text}</p>
          {onChange ? (
            <Button variant="ghost" size="sm" onClick={() => onChange(n.undo)}>
              {n.undoLabel}
            </Button>
          ) : null}
        </div>
      ))}
    </div>
  );
}

/** "Avançar"/"Enviar" wait for a choice while some texts do not fit. */
export function blockedByLength(estimate: PreviewBatchOutput["estimate"], draft: Draft): boolean {
  return estimate.overLimit > 0 && !draft.excludeOverLimit;
}
