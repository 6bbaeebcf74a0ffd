"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { PROVIDER_KINDS, type ProviderKind } from "@/db/schema/constants";
import { HTTP_GATEWAY_PRESETS, type HttpGatewayPresetId } from "@/server/providers/http-gateway-presets";
import { PROVIDER_LABELS } from "@/server/providers/schemas";
import { type AccountOutput, createAccountInput, updateAccountInput } from "@/server/services/sms-accounts/schemas";
import { providerConfigSchemas, providerCredentialSchemas, senderRequirement } from "@/server/providers/schemas";
import { zodFieldErrors } from "@/server/services/zod-field-errors";
import { Button } from "../ui/button";
import { Card, CardTitle } from "../ui/card";
import { Field } from "../ui/field";
import { FormAlert } from "../ui/form-alert";
import { Input } from "../ui/input";
import { Select } from "../ui/select";
import { configFields, credentialFields, type FieldSpec, formatConfigValue, parseConfigValue } from "./field-spec";
import { ConfigField } from "./config-field";
import { useFieldLabel } from "./use-field-label";
import { formError } from "@/app/_trpc/form-error";

type ConfigValues = Record<string, string | boolean>;

function initialConfig(kind: ProviderKind, stored?: Record<string, unknown>): ConfigValues {
  return Object.fromEntries(configFields(kind).map((f) => [f.name, stored ? formatConfigValue(f, stored[f.name]) : f.kind === "boolean" ? f.defaultValue === true : ""]));
}

/** The first message for a field: its own, or one about something inside it (e.g. config.successMatcher.type). */
function errorFor(errors: Record<string, string>, path: string): string | undefined {
  return errors[path] ?? Object.entries(errors).find(([k]) => k.startsWith(`${path}.`))?.[1];
}

const isPreset = (v: string): v is HttpGatewayPresetId => v in HTTP_GATEWAY_PRESETS;

/** Create an account, or edit one (its kind is fixed); credentials are write-only. */
export function AccountForm({ account, onDone, onCancel }: { account?: AccountOutput; onDone: (message: string) => void; onCancel: () => void }) {
  const t = useTranslations("smsSettings");
  const label = useFieldLabel();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [kind, setKind] = useState<ProviderKind>(account?.kind ?? "sandbox");
  const [name, setName] = useState(account?.name ?? "");
  const [sender, setSender] = useState(account?.sender ?? "");
  const [rate, setRate] = useState(String(account?.ratePerSecond ?? 10));
  const [isDefault, setIsDefault] = useState(false);
  const [stripAccents, setStripAccents] = useState(account?.stripAccents ?? true);
  const [config, setConfig] = useState<ConfigValues>(() => initialConfig(account?.kind ?? "sandbox", account?.config));
  const [credentials, setCredentials] = useState<Record<string, string>>({});
  const [preset, setPreset] = useState("");
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});

  const onSuccess = async (a: AccountOutput) => {
    await queryClient.invalidateQueries({ queryKey: trpc.smsAccount.list.queryKey() });
    onDone(account ? t("accounts.feedback.updated", { name: a.name }) : t("accounts.feedback.created", { name: a.name }));
  };
  const create = useMutation(trpc.smsAccount.create.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.smsAccount.update.mutationOptions({ onSuccess }));
  const mutation = account ? update : create;
  const serverErrors = mutation.error?.data?.fieldErrors ?? {};
  const errors: Record<string, string> = { ...serverErrors, ...localErrors };
  const hasFieldErrors = Object.keys(errors).length > 0;
  const general = formError(mutation.error, t("actionFailed"));

  // After a refused submit, take the admin to the first field to fix.
  useEffect(() => {
    if (hasFieldErrors) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [hasFieldErrors, mutation.error, localErrors]);

  const specs = configFields(kind);
  const credNames = credentialFields(kind);
  const main = specs.filter((f) => f.required);
  const advanced = specs.filter((f) => !f.required);

  function changeKind(next: ProviderKind) {
    setKind(next);
    setConfig(initialConfig(next));
    setCredentials({});
    setPreset("");
    setLocalErrors({});
    mutation.reset();
  }

  function applyPreset(id: string) {
    setPreset(id);
    if (!isPreset(id)) return;
    const values = HTTP_GATEWAY_PRESETS[id].config as Record<string, unknown>;
    setConfig(initialConfig("http", values));
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const local: Record<string, string> = {};
    const parsedConfig: Record<string, unknown> = {};
    for (const spec of specs) {
      const r = parseConfigValue(spec, config[spec.name] ?? "");
      if (!r.ok) local[`config.${spec.name}`] = spec.kind === "json" ? t("form.invalidJson") : t("form.invalidNumber");
      else if (r.value !== undefined) parsedConfig[spec.name] = r.value;
    }
    const ratePerSecond = Number(rate.trim());
    if (rate.trim() === "" || !Number.isFinite(ratePerSecond)) local.ratePerSecond = t("form.invalidNumber");
    // Blank credentials are left out: required on creation, kept on edit.
    const typed = Object.fromEntries(Object.entries(credentials).filter(([, v]) => v.trim() !== ""));
    const base = { name, sender, ratePerSecond, stripAccents, config: parsedConfig, credentials: typed };
    // Checked here with the server's own schemas first, so the admin sees every message at once.
    const senderIssue = senderRequirement(kind, parsedConfig, sender);
    const checked = {
      ...(senderIssue ? { sender: senderIssue } : {}),
      ...zodFieldErrors((account ? updateAccountInput.safeParse({ ...base, id: account.id }) : createAccountInput.safeParse({ ...base, kind, isDefault })).error),
      ...zodFieldErrors(providerConfigSchemas[kind].safeParse(parsedConfig).error, "config"),
      ...(account ? {} : zodFieldErrors(providerCredentialSchemas[kind].safeParse(typed).error, "credentials")),
      ...local,
    };
    setLocalErrors(checked);
    mutation.reset();
    if (Object.keys(checked).length > 0) return;
    if (account) update.mutate({ ...base, id: account.id });
    else create.mutate({ ...base, kind, isDefault });
  }

  const renderConfig = (spec: FieldSpec) => (
    <ConfigField
      key={`${kind}-${spec.name}`}
      spec={spec}
      label={label(spec.name)}
      value={config[spec.name] ?? ""}
      error={errorFor(errors, `config.${spec.name}`)}
      onChange={(v) => setConfig((c) => ({ ...c, [spec.name]: v }))}
    />
  );

  return (
    <Card aria-labelledby="account-form-title">
      <CardTitle id="account-form-title">{account ? t("form.editTitle", { name: account.name }) : t("form.newTitle")}</CardTitle>
      <p className="mt-1 mb-4 max-w-prose text-sm text-slate-600">{t("form.hint")}</p>
      <form ref={formRef} onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
        {general ? (
          <FormAlert>
            {general}
          </FormAlert>
        ) : null}
        <div className="grid grid-cols-1 items-start gap-4 md:grid-cols-2">
          <Field label={t("form.kind")} hint={account ? t("form.kindFixed") : undefined} error={errors.kind}>
            {(props) => (
              <Select {...props} value={kind} disabled={!!account} onChange={(e) => changeKind(PROVIDER_KINDS.find((k) => k === e.target.value) ?? "sandbox")}>
                {PROVIDER_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {PROVIDER_LABELS[k]}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label={t("form.name")} error={errors.name}>
            {(props) => <Input {...props} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" maxLength={60} />}
          </Field>
          <Field label={t("form.sender")} hint={t("form.senderHint")} error={errors.sender}>
            {(props) => <Input {...props} value={sender} onChange={(e) => setSender(e.target.value)} autoComplete="off" maxLength={20} />}
          </Field>
          <Field label={t("form.ratePerSecond")} hint={t("form.ratePerSecondHint")} error={errors.ratePerSecond}>
            {(props) => <Input {...props} value={rate} onChange={(e) => setRate(e.target.value)} inputMode="numeric" autoComplete="off" />}
          </Field>
        </div>

        {kind === "http" ? (
          <Field label={t("form.preset")} hint={t("form.presetHint")}>
            {(props) => (
              <Select {...props} value={preset} onChange={(e) => applyPreset(e.target.value)}>
                <option value="">{t("form.presetNone")}</option>
                {Object.entries(HTTP_GATEWAY_PRESETS).map(([id, p]) => (
                  <option key={id} value={id}>
                    {p.label}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        ) : null}

        {credNames.length > 0 ? (
          <fieldset className="flex flex-col gap-3">
            <legend className="mb-2 text-base font-semibold text-slate-900">{t("form.credentialsTitle")}</legend>
            <div className="grid grid-cols-1 items-start gap-4 md:grid-cols-2">
              {credNames.map((c) => {
                const masked = account?.credentialsMasked[c];
                return (
                  <Field
                    key={`${kind}-${c}`}
                    label={label(c)}
                    hint={account ? (masked ? t("form.credentialKeep", { masked }) : t("form.credentialKeepEmpty")) : undefined}
                    error={errorFor(errors, `credentials.${c}`)}
                  >
                    {(props) => (
                      <Input
                        {...props}
                        type="password"
                        autoComplete="new-password"
                        spellCheck={false}
                        value={credentials[c] ?? ""}
                        onChange={(e) => setCredentials((s) => ({ ...s, [c]: e.target.value }))}
                      />
                    )}
                  </Field>
                );
              })}
            </div>
          </fieldset>
        ) : null}

        {main.length > 0 ? (
          <fieldset className="flex flex-col gap-3">
            <legend className="mb-2 text-base font-semibold text-slate-900">{t("form.configTitle")}</legend>
            <div className="grid grid-cols-1 items-start gap-4 md:grid-cols-2">{main.map(renderConfig)}</div>
          </fieldset>
        ) : null}

        {advanced.length > 0 ? (
          <details className="rounded-lg border border-slate-200 p-3" open={advanced.some((f) => errorFor(errors, `config.${f.name}`))}>
            <summary className="flex min-h-11 cursor-pointer items-center font-medium text-slate-900">{t("form.advanced")}</summary>
            <div className="mt-3 grid grid-cols-1 items-start gap-4 md:grid-cols-2">{advanced.map(renderConfig)}</div>
          </details>
        ) : null}

        <label className="flex min-h-11 cursor-pointer items-start gap-3">
          <input type="checkbox" className="mt-0.5 size-5 shrink-0 accent-brand-600" checked={stripAccents} onChange={(e) => setStripAccents(e.target.checked)} />
          <span className="flex flex-col">
            <span className="font-medium text-slate-900">{t("form.stripAccents")}</span>
            <span className="text-sm text-slate-600">{t("form.stripAccentsHint")}</span>
          </span>
        </label>

        {!account ? (
          <label className="flex min-h-11 items-center gap-2 text-slate-900">
            <input type="checkbox" className="size-5 accent-brand-600" checked={isDefault} onChange={(e) => setIsDefault(e.target.checked)} />
            {t("form.isDefault")}
          </label>
        ) : null}

        <div className="flex flex-wrap gap-3">
          <Button type="submit" disabled={mutation.isPending}>
            {mutation.isPending ? t("form.submitting") : account ? t("form.submitEdit") : t("form.submitCreate")}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t("form.cancel")}
          </Button>
        </div>
      </form>
    </Card>
  );
}
