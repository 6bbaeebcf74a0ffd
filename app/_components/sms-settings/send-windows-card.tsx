"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { zodFieldErrors } from "@/server/services/zod-field-errors";
import { useTRPC } from "@/app/_trpc/client";
import { UFS, type Uf } from "@/db/schema/constants";
import {
  DEFAULT_SEND_WINDOWS,
  type DayRule,
  describeWeekRules,
  rulesFor,
    type WeekRules,
  weekRulesSchema,
} from "@/server/sms/send-window-rules";
import type { Feedback } from "../ui/feedback-toast";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { Card, CardTitle } from "../ui/card";
import { cn } from "../ui/cn";
import { Field } from "../ui/field";
import { Input } from "../ui/input";
import { Spinner } from "../ui/spinner";
import { formError } from "@/app/_trpc/form-error";

const DAYS = ["weekday", "saturday", "sunday"] as const;
type Day = (typeof DAYS)[number];
type DayDraft = { closed: boolean; start: string; end: string };

const toDraft = (r: DayRule): DayDraft => (r ? { closed: false, start: r.start, end: r.end } : { closed: true, start: "08:00", end: "18:00" });
const fromDraft = (d: DayDraft): DayRule => (d.closed ? null : { start: d.start, end: d.end });

function UfEditor({ uf, rules, custom, onDone, onCancel }: { uf: Uf; rules: WeekRules; custom: boolean; onDone: (message: string) => void; onCancel: () => void }) {
  const t = useTranslations("smsSettings.windows");
  const tc = useTranslations("smsSettings");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Record<Day, DayDraft>>({ weekday: toDraft(rules.weekday), saturday: toDraft(rules.saturday), sunday: toDraft(rules.sunday) });
  const save = useMutation(
    trpc.sms.setUfSendWindow.mutationOptions({
      onSuccess: async (_rules, vars) => {
        await queryClient.invalidateQueries({ queryKey: trpc.sms.sendWindows.queryKey() });
        onDone(vars.rules === null ? t("restored", { uf }) : t("saved", { uf }));
      },
    }),
  );
  const [local, setLocal] = useState<Record<string, string>>({});
  const errors: Record<string, string> = { ...(save.error?.data?.fieldErrors ?? {}), ...local };
  const weekError = errors.rules;
  const general = formError(save.error, tc("actionFailed"));
  const set = (day: Day, patch: Partial<DayDraft>) => setDraft((d) => ({ ...d, [day]: { ...d[day], ...patch } }));

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const week = { weekday: fromDraft(draft.weekday), saturday: fromDraft(draft.saturday), sunday: fromDraft(draft.sunday) };
    // The server's own schema first: its messages, next to the field, without a refused request.
    const checked = weekRulesSchema.safeParse(week);
    setLocal(zodFieldErrors(checked.error, "rules"));
    save.reset();
    if (checked.success) save.mutate({ uf, rules: week });
  }
  function restore() {
    setLocal({});
    save.mutate({ uf, rules: null });
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("editTitle", { uf })} className="col-span-full flex flex-col gap-3 rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200">
      <p className="font-semibold text-slate-900">{t("editTitle", { uf })}</p>
      {general || weekError ? (
        <p role="alert" className="text-sm font-medium text-red-800">
          {general ?? weekError}
        </p>
      ) : null}
      {DAYS.map((day) => (
        <fieldset key={day} className="flex flex-col gap-2">
          <legend className="text-sm font-semibold text-slate-900">{t(day)}</legend>
          <div className="grid grid-cols-2 items-start gap-3 md:grid-cols-[9rem_9rem_9rem]">
            <label className="col-span-2 flex min-h-11 items-center gap-2 text-sm text-slate-900 md:col-span-1 md:mt-6">
              <input type="checkbox" className="size-5 accent-brand-600" checked={draft[day].closed} onChange={(e) => set(day, { closed: e.target.checked })} />
              {t("closed")}
            </label>
            {draft[day].closed ? null : (
              <>
                <Field label={t("start")} error={errors[`rules.${day}.start`] ?? errors[`rules.${day}`]}>
                  {(props) => <Input {...props} type="time" value={draft[day].start} onChange={(e) => set(day, { start: e.target.value })} />}
                </Field>
                <Field label={t("end")} error={errors[`rules.${day}.end`]}>
                  {(props) => <Input {...props} type="time" value={draft[day].end} onChange={(e) => set(day, { end: e.target.value })} />}
                </Field>
              </>
            )}
          </div>
        </fieldset>
      ))}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={save.isPending}>
          {t("save", { uf })}
        </Button>
        {custom ? (
          <Button variant="secondary" disabled={save.isPending} onClick={restore}>
            {t("restore")}
          </Button>
        ) : null}
        <Button variant="ghost" onClick={onCancel}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}

/** The send windows per UF: the legal defaults, and the admin's overrides. */
export function SendWindowsCard({ onFeedback }: { onFeedback: (f: Feedback) => void }) {
  const t = useTranslations("smsSettings");
  const trpc = useTRPC();
  const windows = useQuery(trpc.sms.sendWindows.queryOptions());
  const [editing, setEditing] = useState<Uf | null>(null);
  const overrides = windows.data ?? {};

  return (
    <Card flush aria-labelledby="send-windows-title">
      <div className="p-4 md:p-5">
        <CardTitle id="send-windows-title">{t("windows.title")}</CardTitle>
        <p className="mt-1 max-w-prose text-sm text-slate-600">{t("windows.hint")}</p>
      </div>
      {windows.isPending ? (
        <div className="px-4 pb-4">
          <Spinner label={t("loading")} className="text-brand-600" />
        </div>
      ) : windows.isError ? (
        <p role="alert" className="px-4 pb-4 text-red-800">
          {t("loadFailed")}
        </p>
      ) : (
        <ul aria-label={t("windows.listLabel")} className="divide-y divide-slate-200 border-t border-slate-200">
          {UFS.map((uf) => {
            const rules = rulesFor(uf, overrides);
            const custom = overrides[uf] !== undefined;
            return (
              <li key={uf} className={cn("grid grid-cols-[3rem_minmax(0,1fr)_auto] items-center gap-x-3 gap-y-2 px-4 py-2 md:grid-cols-[3rem_minmax(0,1fr)_9rem_auto] md:px-5", editing === uf && "bg-slate-50")}>
                <span className="font-semibold text-slate-900">{uf}</span>
                <span className="text-sm text-slate-800">
                  {describeWeekRules(rules)}
                  {custom ? <span className="block text-xs text-slate-600">{t("windows.default")}: {describeWeekRules(DEFAULT_SEND_WINDOWS[uf])}</span> : null}
                </span>
                <span className="hidden md:block">
                  <Badge tone={custom ? "info" : "neutral"}>{custom ? t("windows.custom") : t("windows.default")}</Badge>
                </span>
                <Button variant="ghost" size="sm" aria-expanded={editing === uf} aria-label={t("windows.editFor", { uf })} onClick={() => setEditing(editing === uf ? null : uf)}>
                  {t("windows.edit")}
                </Button>
                {editing === uf ? (
                  <UfEditor
                    uf={uf}
                    rules={rules}
                    custom={custom}
                    onCancel={() => setEditing(null)}
                    onDone={(message) => {
                      setEditing(null);
                      onFeedback({ message, tone: "success" });
                    }}
                  />
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
