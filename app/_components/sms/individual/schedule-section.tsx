"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { SEND_AT_MESSAGES, sendAtFromInputs, sendAtProblem } from "@/server/services/batches/send-at";
import { SendAtFields, type SendAtValue } from "../../batch/send-at-fields";
import { useOnline } from "../../pwa/use-online";

/**
 * "Agendar" on the individual form. Scheduling needs the server: offline, a message waits in the
 * outbox and leaves as soon as the connection returns, which is not a chosen time, so the option is
 * off while offline.
 */
export function useSchedule() {
  const online = useOnline();
  const [on, setOn] = useState(false);
  const [when, setWhen] = useState<SendAtValue>({ date: "", time: "" });
  const [error, setError] = useState<string | null>(null);
  const scheduling = on && online;
  return {
    scheduling,
    /** The chosen time (null: send now), or false after showing why it cannot be used. */
    check(): Date | null | false {
      if (!scheduling) return null;
      const sendAt = sendAtFromInputs(when.date, when.time);
      const problem = sendAt ? sendAtProblem(sendAt) : SEND_AT_MESSAGES.invalid;
      setError(problem);
      return problem ? false : sendAt;
    },
    section: { online, scheduling, setOn, when, setWhen: (v: SendAtValue) => { setWhen(v); setError(null); }, error },
  };
}

type SectionProps = ReturnType<typeof useSchedule>["section"] & { serverError?: string };

export function ScheduleSection({ online, scheduling, setOn, when, setWhen, error, serverError }: SectionProps) {
  const t = useTranslations("smsBatch.sendAt");
  return (
    <div className="flex flex-col gap-2">
      <label className="flex min-h-11 cursor-pointer items-center gap-3 rounded-lg py-2">
        <input type="checkbox" checked={scheduling} disabled={!online} onChange={(e) => setOn(e.target.checked)} className="size-5 shrink-0 accent-brand-600" />
        <span className="text-slate-900">{t("toggle")}</span>
      </label>
      {!online ? <p className="text-sm text-slate-600">{t("offline")}</p> : null}
      {scheduling ? <SendAtFields value={when} onChange={setWhen} error={error ?? serverError} /> : null}
    </div>
  );
}
