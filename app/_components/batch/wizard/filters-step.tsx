"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { SMS_CATEGORIES } from "@/db/schema/constants";
import { BATCH_MODE_LABELS, BATCH_MODES, type BatchMode } from "@/server/services/batches/constants";
import { Button } from "../../ui/button";
import { Field } from "../../ui/field";
import { FormAlert } from "../../ui/form-alert";
import { Input } from "../../ui/input";
import { Select } from "../../ui/select";
import { Spinner } from "../../ui/spinner";
import type { Draft, FieldErrors } from "./draft";
import { MessageEditor } from "../../sms/composer/message-editor";

type Props = {
  draft: Draft;
  onChange: (patch: Partial<Draft>) => void;
  errors: FieldErrors;
  formError: string | null;
  checking: boolean;
  onNext: () => void;
};

const numberOrNull = (v: string) => (v === "" ? null : Number(v));

/** What "0", "9", "98, 99" will select, in words; null when it cannot be read. */
function usePrefixMeaning(prefix: string): string | null {
  const t = useTranslations("smsBatch.wizard.prefix");
  const text = prefix.trim();
  if (text === "0") return t("meaningAll");
  const parts = text.split(",").map((p) => p.trim());
  if (text === "" || parts.some((p) => !/^9\d{0,8}$/.test(p))) return null;
  return t("meaningSome", { prefixes: [...new Set(parts)].join(", ") });
}

/** Step 1: Considerar and its value, the phone rules, motivo and message. */
export function FiltersStep({ draft, onChange, errors, formError, checking, onNext }: Props) {
  const t = useTranslations("smsBatch.wizard");
  const trpc = useTRPC();
  const options = useQuery(trpc.reference.options.queryOptions());
  const settings = useQuery(trpc.sms.settings.queryOptions());
  const isCity = draft.mode === "cidade";
  const cityId = isCity ? draft.valueId : null;
  const neighbourhoods = useQuery(trpc.reference.neighbourhoods.queryOptions({ cityId: cityId ?? 0 }, { enabled: cityId !== null }));
  const streets = useQuery(
    trpc.reference.streets.queryOptions({ neighbourhoodId: draft.neighbourhoodId ?? 0 }, { enabled: isCity && draft.neighbourhoodId !== null }),
  );
  const prefixMeaning = usePrefixMeaning(draft.prefix);

  const values: { id: number; name: string }[] = !options.data
    ? []
    : {
        cidade: options.data.cities.map((c) => ({ id: c.id, name: `${c.name}/${c.uf}` })),
        ponto_acesso: options.data.accessPoints,
        servidor: options.data.servers,
        plano: options.data.plans,
        profile_pagamento: options.data.paymentProfiles,
      }[draft.mode];

  function submit(e: FormEvent) {
    e.preventDefault();
    onNext();
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-5">
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-base font-semibold text-slate-900">{t("filtersTitle")}</legend>
        <Field label={t("mode")} error={errors.mode}>
          {(p) => (
            <Select
              {...p}
              value={draft.mode}
              onChange={(e) => onChange({ mode: e.target.value as BatchMode, valueId: null, neighbourhoodId: null, streetId: null })}
            >
              {BATCH_MODES.map((m) => (
                <option key={m} value={m}>
                  {BATCH_MODE_LABELS[m]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label={BATCH_MODE_LABELS[draft.mode]} error={errors.valueId}>
          {(p) => (
            <Select
              {...p}
              value={draft.valueId ?? ""}
              disabled={!options.data}
              onChange={(e) => onChange({ valueId: numberOrNull(e.target.value), neighbourhoodId: null, streetId: null })}
            >
              <option value="">{options.data ? t("choose") : t("loadingOptions")}</option>
              {values.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
        {isCity ? (
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label={t("neighbourhood")} hint={cityId === null ? t("neighbourhoodHint") : undefined} error={errors.neighbourhoodId}>
              {(p) => (
                <Select
                  {...p}
                  value={draft.neighbourhoodId ?? ""}
                  disabled={cityId === null || !neighbourhoods.data}
                  onChange={(e) => onChange({ neighbourhoodId: numberOrNull(e.target.value), streetId: null })}
                >
                  <option value="">{t("allNeighbourhoods")}</option>
                  {neighbourhoods.data?.map((n) => (
                    <option key={n.id} value={n.id}>
                      {n.name}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Field label={t("street")} hint={draft.neighbourhoodId === null ? t("streetHint") : undefined} error={errors.streetId}>
              {(p) => (
                <Select
                  {...p}
                  value={draft.streetId ?? ""}
                  disabled={draft.neighbourhoodId === null || !streets.data}
                  onChange={(e) => onChange({ streetId: numberOrNull(e.target.value) })}
                >
                  <option value="">{t("allStreets")}</option>
                  {streets.data?.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          </div>
        ) : null}
        <Check
          label={t("withConnection")}
          hint={isCity ? t("withConnectionHint") : t("withConnectionOnlyCity")}
          checked={isCity ? draft.withConnection : true}
          disabled={!isCity}
          onChange={(v) => onChange({ withConnection: v })}
        />
      </fieldset>

      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-base font-semibold text-slate-900">{t("phonesTitle")}</legend>
        <Field
          label={t("prefix.label")}
          hint={
            <>
              {t("prefix.hint")}
              {prefixMeaning ? <span className="mt-1 block font-medium text-slate-800">{prefixMeaning}</span> : null}
            </>
          }
          error={errors.prefix}
        >
          {(p) => (
            <Input {...p} value={draft.prefix} onChange={(e) => onChange({ prefix: e.target.value })} inputMode="text" autoComplete="off" maxLength={200} />
          )}
        </Field>
        <Check label={t("allPhones")} hint={t("allPhonesHint")} checked={draft.allPhones} onChange={(v) => onChange({ allPhones: v })} />
      </fieldset>

      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-base font-semibold text-slate-900">{t("messageTitle")}</legend>
        <Field label={t("motivo")} hint={t("motivoHint")} error={errors.motivo}>
          {(p) => <Input {...p} value={draft.motivo} onChange={(e) => onChange({ motivo: e.target.value })} maxLength={100} autoComplete="off" />}
        </Field>
        <Field label={t("category")} hint={t(`categoryHint.${draft.category}`)} error={errors.category}>
          {(p) => (
            <Select {...p} value={draft.category} onChange={(e) => onChange({ category: e.target.value as Draft["category"] })}>
              {SMS_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`categories.${c}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <MessageEditor
          kind="batch"
          value={draft.message}
          onChange={(message) => onChange({ message })}
          onTemplate={(motivo) => {
            if (!draft.motivo.trim()) onChange({ motivo });
          }}
          error={errors.message}
          rules={{ maxParts: draft.maxParts ?? settings.data?.maxParts ?? 1, stripAccents: settings.data?.stripAccents ?? true }}
          context={null}
        />
      </fieldset>

      {formError ? (
        <FormAlert>
          {formError}
        </FormAlert>
      ) : null}
      <div>
        <Button type="submit" className="w-full md:w-auto md:min-w-48" disabled={checking}>
          {checking ? <Spinner className="size-4" /> : null}
          {checking ? t("checking") : t("next")}
        </Button>
      </div>
    </form>
  );
}

function Check({ label, hint, checked, disabled, onChange }: { label: string; hint: string; checked: boolean; disabled?: boolean; onChange: (v: boolean) => void }) {
  return (
    <label className="flex min-h-11 cursor-pointer items-start gap-3 has-disabled:cursor-not-allowed">
      <input
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
        className="mt-0.5 size-6 shrink-0 accent-brand-600"
      />
      <span className="flex flex-col">
        <span className="font-medium text-slate-900">{label}</span>
        <span className="text-sm text-slate-600">{hint}</span>
      </span>
    </label>
  );
}
