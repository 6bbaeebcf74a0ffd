"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import type { CustomerDetail } from "@/server/services/customers/schemas";
import { DEFAULT_MAX_PARTS } from "@/server/sms/encoding";
import { parseSmsRecipient } from "@/server/sms/phone";
import { contextForCustomer } from "@/server/sms/template";
import { Button } from "../../ui/button";
import { Card } from "../../ui/card";
import { Field } from "../../ui/field";
import { FormAlert } from "../../ui/form-alert";
import { Input } from "../../ui/input";
import { CustomerPicker, type PickedCustomer } from "../customer-picker";
import { MessageEditor } from "../composer/message-editor";
import { SendOutcome } from "./send-outcome";
import { useSendIndividual } from "./use-send-individual";
import { ScheduledOutcome } from "./scheduled-outcome";
import { ScheduleSection, useSchedule } from "./schedule-section";
import type { DraftErrors, DraftField } from "./draft";

type Phone = CustomerDetail["phones"][number];

/** "+5535991234567" → DDD "35" and number "991234567". */
function splitPhone(e164: string): { ddd: string; number: string } {
  const r = parseSmsRecipient(e164);
  if (r.ok) return { ddd: r.ddd, number: r.subscriber };
  const national = e164.replace(/^\+55/, "").replace(/\D/g, "");
  return { ddd: national.slice(0, 2), number: national.slice(2) };
}

/** "Novo SMS": customer, motivo, DDD + número, message, confirmation, Enviar — and the outcome. */
export function SendIndividualForm({ initialCustomerId, userId }: { initialCustomerId: number | null; userId: string }) {
  const t = useTranslations("smsIndividual.form");
  const trpc = useTRPC();
  const [customer, setCustomer] = useState<PickedCustomer | null>(initialCustomerId ? { id: initialCustomerId, name: "", code: "" } : null);
  const [customerNotice, setCustomerNotice] = useState<string | null>(null);
  const [motivo, setMotivo] = useState("");
  const [ddd, setDdd] = useState("");
  const [number, setNumber] = useState("");
  const [message, setMessage] = useState("");
  const [confirmed, setConfirmed] = useState(false);
  const [showPhones, setShowPhones] = useState(false);
  const [prefilledFor, setPrefilledFor] = useState<number | null>(null);
  const [edited, setEdited] = useState<ReadonlySet<DraftField>>(new Set());
  // The number typed since the customer was chosen wins over the suggestion arriving later.
  const [phoneTyped, setPhoneTyped] = useState(false);
  const { state, send, reset } = useSendIndividual({ userId });
  const schedule = useSchedule();
  const tSchedule = useTranslations("smsBatch.sendAt");

  // Both start at once: the limits and (when arriving from a customer's page) the customer.
  const settings = useQuery(trpc.sms.settings.queryOptions());
  const detail = useQuery({
    ...trpc.customer.get.queryOptions({ id: customer?.id ?? 0 }),
    enabled: customer != null,
    retry: (count, error) => error.data?.code !== "NOT_FOUND" && count < 1,
  });
  const loaded = customer && detail.data?.id === customer.id ? detail.data : null;

  // Adjusting state while rendering (React's pattern for "when the data arrives"): fill in the
  // customer's name and suggest their primary mobile once per chosen customer.
  if (loaded && customer && prefilledFor !== customer.id) {
    setPrefilledFor(customer.id);
    if (!customer.name) setCustomer({ id: loaded.id, name: loaded.name, code: loaded.code });
    if (!phoneTyped) {
      const mobile = loaded.phones.find((p) => p.kind === "mobile");
      const split = mobile ? splitPhone(mobile.e164) : { ddd: "", number: "" };
      setDdd(split.ddd);
      setNumber(split.number);
    }
  }
  if (customer && detail.isError && detail.error.data?.code === "NOT_FOUND" && !customer.name) {
    setCustomer(null);
    setCustomerNotice(t("customerNotFound"));
  }

  // Counted as the server will: the admin's parts and whether the default account sends without accents.
  const rules = { maxParts: settings.data?.maxParts ?? DEFAULT_MAX_PARTS, stripAccents: settings.data?.stripAccents ?? true };
  const context = loaded ? contextForCustomer({ name: loaded.name, code: loaded.code, planName: loaded.connections[0]?.plan ?? "", cityName: loaded.address.city }) : null;
  const done = state.kind === "done";

  const submitted: DraftErrors = state.kind === "invalid" || state.kind === "error" ? state.fieldErrors : {};
  const errorOf = (f: DraftField) => (edited.has(f) ? undefined : submitted[f]);
  const touch = (f: DraftField) => setEdited((s) => (s.has(f) ? s : new Set(s).add(f)));

  function pickCustomer(c: PickedCustomer | null) {
    setCustomer(c);
    setCustomerNotice(null);
    setShowPhones(false);
    setPrefilledFor(null);
    setPhoneTyped(false);
    touch("customerId");
  }

  function pickPhone(p: Phone) {
    const split = splitPhone(p.e164);
    setDdd(split.ddd);
    setNumber(split.number);
    setShowPhones(false);
    touch("ddd");
    touch("number");
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setEdited(new Set());
    const sendAt = schedule.check();
    if (sendAt === false) return;
    void send({ customerId: customer?.id ?? null, motivo, ddd, number, message, confirmed }, { ...rules, context, customerName: customer?.name, sendAt }).then((r) => {
      // Kept on the device: the form is ready for the next message (the notice stays until then).
      if (r === "queued") {
        setMessage("");
        setConfirmed(false);
      }
    });
  }

  function writeAnother() {
    reset();
    setMessage("");
    setConfirmed(false);
    setEdited(new Set());
  }

  const customerError = errorOf("customerId") ?? customerNotice;
  return (
    <Card className="flex flex-col gap-5">
      <form noValidate onSubmit={onSubmit} className="flex flex-col gap-5" aria-describedby="novo-sms-intro">
        <p id="novo-sms-intro" className="text-sm text-slate-600">
          {t("intro")}
        </p>
        <fieldset disabled={done} className="flex flex-col gap-5">
          <Field label={t("customer")} hint={customer ? undefined : t("customerHint")} error={customerError}>
            {(p) => <CustomerPicker control={p} value={customer} onChange={pickCustomer} />}
          </Field>

          <Field label={t("motivo")} hint={t("motivoHint")} error={errorOf("motivo")}>
            {(p) => (
              <Input
                {...p}
                value={motivo}
                maxLength={100}
                autoComplete="off"
                onChange={(e) => {
                  setMotivo(e.target.value);
                  touch("motivo");
                }}
              />
            )}
          </Field>

          <div className="flex flex-col gap-3">
            <div className="grid grid-cols-[7rem_minmax(0,1fr)] gap-3">
              <Field label={t("ddd")} hint={t("dddHint")} error={errorOf("ddd")}>
                {(p) => (
                  <Input
                    {...p}
                    value={ddd}
                    inputMode="numeric"
                    autoComplete="off"
                    maxLength={3}
                    onChange={(e) => {
                      setDdd(e.target.value);
                      setPhoneTyped(true);
                      touch("ddd");
                    }}
                  />
                )}
              </Field>
              <Field label={t("number")} hint={t("numberHint")} error={errorOf("number")}>
                {(p) => (
                  <Input
                    {...p}
                    value={number}
                    type="tel"
                    inputMode="tel"
                    autoComplete="off"
                    maxLength={20}
                    onChange={(e) => {
                      setNumber(e.target.value);
                      setPhoneTyped(true);
                      touch("number");
                    }}
                  />
                )}
              </Field>
            </div>
            {loaded ? (
              <div className="flex flex-col gap-2">
                <Button variant="secondary" className="self-start" aria-expanded={showPhones} aria-controls="customer-phones" onClick={() => setShowPhones((s) => !s)}>
                  {t("phonesButton")} ({loaded.phones.length})
                </Button>
                {!loaded.phones.some((p) => p.kind === "mobile") ? <p className="text-sm font-medium text-amber-900">{t("noMobile")}</p> : null}
                {showPhones ? (
                  <div id="customer-phones" className="rounded-lg border border-slate-200">
                    <p className="border-b border-slate-200 px-3 py-2 text-sm font-medium text-slate-800">{t("phonesTitle", { name: loaded.name })}</p>
                    {loaded.phones.length === 0 ? (
                      <p className="px-3 py-2 text-sm text-slate-600">{t("phonesNone")}</p>
                    ) : (
                      <ul className="divide-y divide-slate-200">
                        {loaded.phones.map((p) => (
                          <li key={p.id}>
                            <button
                              type="button"
                              disabled={p.kind !== "mobile"}
                              onClick={() => pickPhone(p)}
                              className="flex min-h-11 w-full flex-wrap items-center justify-between gap-x-3 px-3 py-2 text-left enabled:hover:bg-brand-50 disabled:cursor-not-allowed disabled:text-slate-500"
                            >
                              <span className="font-medium tabular-nums">{p.national}</span>
                              <span className="text-sm">
                                {p.kind === "mobile" ? t("mobile") : t("landline")}
                                {p.isPrimary ? ` · ${t("primary")}` : ""}
                                {p.label ? ` · ${p.label}` : ""}
                              </span>
                            </button>
                          </li>
                        ))}
                      </ul>
                    )}
                  </div>
                ) : null}
              </div>
            ) : null}
          </div>

          <MessageEditor
            kind="individual"
            value={message}
            onChange={(text) => {
              setMessage(text);
              touch("message");
            }}
            onTemplate={(m) => {
              if (!motivo.trim()) setMotivo(m);
            }}
            error={errorOf("message")}
            rules={rules}
            context={context}
          />

          <ScheduleSection {...schedule.section} serverError={(submitted as Record<string, string | undefined>).sendAt} />

          <div className="flex flex-col gap-1.5">
            <label className="flex min-h-11 cursor-pointer items-start gap-3 rounded-lg py-2">
              <input
                type="checkbox"
                checked={confirmed}
                onChange={(e) => {
                  setConfirmed(e.target.checked);
                  touch("confirmed");
                }}
                aria-invalid={errorOf("confirmed") ? true : undefined}
                aria-describedby={errorOf("confirmed") ? "confirm-error" : undefined}
                className="mt-0.5 size-5 shrink-0 accent-brand-600"
              />
              <span className="text-slate-900">{t("confirm")}</span>
            </label>
            {errorOf("confirmed") ? (
              <p id="confirm-error" className="text-sm font-medium text-red-700">
                {errorOf("confirmed")}
              </p>
            ) : null}
          </div>
        </fieldset>

        {state.kind === "invalid" ? (
          <FormAlert>
            {t("fixErrors")}
          </FormAlert>
        ) : state.kind === "error" ? (
          <FormAlert>
            {state.network ? t("networkError") : state.message}
          </FormAlert>
        ) : state.kind === "queued" ? (
          <div role="status" className="flex flex-col gap-1 rounded-lg bg-amber-50 p-3 text-sm text-amber-950 ring-1 ring-amber-200">
            <p className="font-semibold">{t("queued.title")}</p>
            <p>
              {t("queued.text", { phone: state.item.display.phone })}{" "}
              {/* A full page load on purpose: offline it opens the saved page (a client navigation would need a saved RSC payload). */}
              <a href="/sms/individual" className="font-medium text-brand-800 underline underline-offset-2">
                {t("queued.link")}
              </a>
            </p>
          </div>
        ) : null}

        {done ? null : (
          <Button type="submit" className="w-full sm:w-auto sm:self-start sm:min-w-40" disabled={state.kind === "sending"}>
            {state.kind === "sending" ? t("submitting") : schedule.scheduling ? tSchedule("submit") : t("submit")}
          </Button>
        )}
      </form>
      {state.kind === "done" ? (
        state.outcome.scheduledFor ? (
          <ScheduledOutcome outcome={{ ...state.outcome, scheduledFor: state.outcome.scheduledFor }} onAnother={writeAnother} />
        ) : (
          <SendOutcome outcome={state.outcome} onAnother={writeAnother} />
        )
      ) : null}
    </Card>
  );
}
