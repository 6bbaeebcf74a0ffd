"use client";

import { useQueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { zodFieldErrors } from "@/server/services/zod-field-errors";
import { useTRPC } from "@/app/_trpc/client";
import type { AppRouter } from "@/server/api/root";
import { cn } from "../../ui/cn";
import { ConfirmStep } from "./confirm-step";
import { type Draft, draftInput, EMPTY_DRAFT, type FieldErrors, toFieldErrors } from "./draft";
import { FiltersStep } from "./filters-step";
import { PreviewStep } from "./preview-step";

type Step = 1 | 2 | 3;
const STEPS = [1, 2, 3] as const;

/** "Novo lote": filters and message → preview and ticks → confirmation. State survives going back. */
export function BatchWizard() {
  const t = useTranslations("smsBatch.wizard");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>(1);
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [deselected, setDeselected] = useState<Set<number>>(() => new Set());
  // One key per wizard: a repeated "Enviar" (double tap, retry) creates one batch.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  useEffect(() => {
    // Focus the step's heading after a move, so screen readers and keyboards start at the top.
    if (moved.current) heading.current?.focus();
    moved.current = true;
  }, [step]);

  function change(patch: Partial<Draft>) {
    setDraft((d) => ({ ...d, ...patch }));
    // Another selection makes the unticked customers meaningless.
    if (["mode", "valueId", "neighbourhoodId", "streetId", "prefix", "allPhones", "withConnection"].some((k) => k in patch)) setDeselected(new Set());
    setErrors((e) => {
      const next = { ...e };
      for (const k of Object.keys(patch)) delete next[k as keyof Draft];
      return next;
    });
  }

  async function next() {
    setChecking(true);
    setFormError(null);
    try {
      // The server's own rules and messages, loaded on first use (zod stays out of the page's first load).
      const { batchDraftInput } = await import("@/server/services/batches/schemas");
      const parsed = batchDraftInput.safeParse(draftInput(draft));
      if (!parsed.success) {
        setErrors(toFieldErrors(zodFieldErrors(parsed.error)));
        setFormError(t("fixErrors"));
        return;
      }
      await queryClient.fetchQuery(trpc.batch.preview.queryOptions(draftInput(draft)));
      setErrors({});
      setStep(2);
    } catch (err) {
      const fields = err instanceof TRPCClientError ? toFieldErrors((err as TRPCClientError<AppRouter>).data?.fieldErrors) : {};
      setErrors(fields);
      setFormError(Object.keys(fields).length > 0 ? t("fixErrors") : err instanceof TRPCClientError && err.data ? err.message : t("checkFailed"));
    } finally {
      setChecking(false);
    }
  }

  return (
    <div className="flex flex-col gap-4">
      <ol aria-label={t("stepsLabel")} className="grid grid-cols-3 gap-2">
        {STEPS.map((s) => (
          <li
            key={s}
            aria-current={s === step ? "step" : undefined}
            className={cn(
              "flex min-h-11 flex-col justify-center rounded-lg border px-2 py-1.5 text-center text-sm leading-tight sm:flex-row sm:gap-1.5",
              s === step ? "border-brand-600 bg-brand-50 font-semibold text-brand-800" : s < step ? "border-slate-300 bg-white text-slate-700" : "border-slate-200 bg-white text-slate-600",
            )}
          >
            <span>{t("stepNumber", { n: s })}</span>
            <span>{t(`steps.${s}`)}</span>
          </li>
        ))}
      </ol>
      <h2 ref={heading} tabIndex={-1} className="text-lg font-semibold text-slate-900 outline-none">
        {t(`headings.${step}`)}
      </h2>
      {step === 1 ? (
        <FiltersStep draft={draft} onChange={change} errors={errors} formError={formError} checking={checking} onNext={next} />
      ) : step === 2 ? (
        <PreviewStep draft={draft} onChange={change} deselected={deselected} onDeselectedChange={setDeselected} onBack={() => setStep(1)} onNext={() => setStep(3)} />
      ) : (
        <ConfirmStep
          draft={draft}
          deselected={deselected}
          idempotencyKey={idempotencyKey}
          onBack={() => setStep(2)}
          onFieldErrors={(fields) => {
            setErrors(fields);
            setFormError(t("fixErrors"));
            setStep(1);
          }}
        />
      )}
    </div>
  );
}
