/**
 * "Agendar": the rules of a chosen send time and how times are shown, shared by the batch and the
 * individual forms (browser) and their services (server). Browser-safe, pure.
 *
 * Times are picked and shown in São Paulo time (the panel's clock). A scheduled send is released by
 * the queue drain, which runs every 5 minutes on the clock (:00, :05…), so a time is a multiple of
 * 5 minutes: what the operator picks is when it goes, never "up to 5 minutes later".
 */
import { wallClockAt, zonedTimeToInstant } from "@/server/sms/send-window";

export const PANEL_TIME_ZONE = "America/Sao_Paulo";
/** Step of the times that can be picked: the queue drain's period. */
export const SEND_AT_STEP_MINUTES = 5;
/** How far ahead a send can be scheduled. */
export const MAX_SCHEDULE_DAYS = 180;

export const SEND_AT_MESSAGES = {
  invalid: "Informe a data (dd/mm/aaaa) e a hora (HH:mm) do envio, em horário de Brasília.",
  past: "Escolha uma data e hora no futuro (horário de Brasília).",
  step: "Escolha um horário de 5 em 5 minutos (ex.: 08:00, 08:05): os envios agendados saem nesses horários.",
  tooFar: `Agende para no máximo ${MAX_SCHEDULE_DAYS} dias à frente.`,
} as const;

/** Why `sendAt` cannot be used (a Portuguese message), or null when it can. */
export function sendAtProblem(sendAt: Date, now: Date = new Date()): string | null {
  const t = sendAt.getTime();
  if (!Number.isFinite(t)) return SEND_AT_MESSAGES.invalid;
  if (t <= now.getTime()) return SEND_AT_MESSAGES.past;
  if (t % (SEND_AT_STEP_MINUTES * 60_000) !== 0) return SEND_AT_MESSAGES.step;
  if (t - now.getTime() > MAX_SCHEDULE_DAYS * 86_400_000) return SEND_AT_MESSAGES.tooFar;
  return null;
}

/** Digits typed so far, shown as HH:mm while typing ("093" → "09:3"), whatever the browser's language. */
export function maskTime(typed: string): string {
  const d = typed.replace(/\D/g, "").slice(0, 4);
  return d.length <= 2 ? d : `${d.slice(0, 2)}:${d.slice(2)}`;
}

/**
 * The instant of a date ("2026-12-07") and time ("08:00", 24 h) typed in São Paulo time; null when
 * either is empty, malformed or out of range ("24:00", "31/02").
 */
export function sendAtFromInputs(date: string, time: string): Date | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const h = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !h) return null;
  const [year, month, day, hour, minute] = [Number(d[1]), Number(d[2]), Number(d[3]), Number(h[1]), Number(h[2])];
  if (hour > 23 || minute > 59) return null;
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCFullYear() !== year || calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) return null;
  const instant = zonedTimeToInstant({ year, month, day, hour, minute }, PANEL_TIME_ZONE);
  return Number.isFinite(instant.getTime()) ? instant : null;
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/** The date and time inputs' values ("2026-12-07", "08:00") of an instant, in São Paulo time. */
export function inputsFromSendAt(at: Date): { date: string; time: string } {
  const w = wallClockAt(at, PANEL_TIME_ZONE);
  return { date: `${w.year}-${pad2(w.month)}-${pad2(w.day)}`, time: `${pad2(w.hour)}:${pad2(w.minute)}` };
}

const WEEKDAYS = ["dom", "seg", "ter", "qua", "qui", "sex", "sáb"] as const;

/**
 * "seg 07/12 08:00" (or "seg 07/12 às 08:00" with `at`), in São Paulo time; the year is added when
 * it is not the current one.
 */
export function formatPanelTime(date: Date, { at = false, now = new Date() }: { at?: boolean; now?: Date } = {}): string {
  const w = wallClockAt(date, PANEL_TIME_ZONE);
  const year = w.year === wallClockAt(now, PANEL_TIME_ZONE).year ? "" : `/${w.year}`;
  return `${WEEKDAYS[w.weekday]} ${pad2(w.day)}/${pad2(w.month)}${year}${at ? " às" : ""} ${pad2(w.hour)}:${pad2(w.minute)}`;
}
