/**
 * Send-window rules per UF: the defaults from the state laws (brazil-sms.md, "Send windows for
 * collection messages") and the schema of the admin-edited override. Browser-safe.
 *
 * A range is [start, end): "08:00"–"20:00" allows 19:59:59 and refuses 20:00. Holidays are always
 * closed, like Sundays in every law of the table; the override cannot reopen them.
 */
import { z } from "zod";
import { lineText } from "@/server/lib/clean-text";
import { UFS, type Uf } from "@/db/schema/constants";

const START_RE = /^([01]\d|2[0-3]):[0-5]\d$/;
// "24:00" lets a range run to the end of the day.
const END_RE = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** Minutes since local midnight of "HH:MM"; callers validate the format first. */
export function hhmmToMinutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

export const timeRangeSchema = z
  .object(
    {
      start: lineText({ error: "Informe o horário inicial (HH:MM)." })
        .regex(START_RE, { error: "Horário inicial inválido: use HH:MM, de 00:00 a 23:59 (ex.: 08:00)." }),
      end: lineText({ error: "Informe o horário final (HH:MM)." })
        .regex(END_RE, { error: "Horário final inválido: use HH:MM, até 24:00 (ex.: 20:00)." }),
    },
    { error: "Informe uma faixa de horário { início, fim } ou null para fechado." },
  )
  // Regex failures do not stop refinements in zod 4; only compare well-formed times.
  .refine((r) => !START_RE.test(r.start) || !END_RE.test(r.end) || hhmmToMinutes(r.start) < hhmmToMinutes(r.end), {
    error: "O horário inicial deve ser anterior ao final.",
    path: ["end"],
  });
export type TimeRange = z.infer<typeof timeRangeSchema>;

/** null = closed all day. */
const dayRuleSchema = timeRangeSchema.nullable();
export type DayRule = TimeRange | null;

export const weekRulesSchema = z
  .object(
    { weekday: dayRuleSchema, saturday: dayRuleSchema, sunday: dayRuleSchema },
    { error: "Informe os horários de dias úteis, sábado e domingo." },
  )
  // A UF closed every day would hold its messages forever; a message is never dropped, so refuse it.
  .refine((w) => w.weekday !== null || w.saturday !== null || w.sunday !== null, {
    error: "Defina ao menos um dia com horário de envio (dias úteis, sábado ou domingo).",
  });
export type WeekRules = z.infer<typeof weekRulesSchema>;

/** The override: only the UFs the admin changed; the others keep DEFAULT_SEND_WINDOWS. */
export const sendWindowRulesSchema = z.partialRecord(z.enum(UFS), weekRulesSchema, {
  // Unknown keys come as an "unrecognized_keys" issue, which zod's types for record errors leave out.
  error: (issue) =>
    "keys" in issue && Array.isArray(issue.keys)
      ? `UF desconhecida: ${issue.keys.join(", ")}.`
      : "Regras de horário inválidas.",
});
export type SendWindowRules = z.infer<typeof sendWindowRulesSchema>;

const range = (start: string, end: string): TimeRange => ({ start, end });

/** brazil-sms.md's "safe default for all others". */
export const SAFE_DEFAULT_WINDOW: WeekRules = { weekday: range("08:00", "18:00"), saturday: null, sunday: null };

export const DEFAULT_SEND_WINDOWS: Readonly<Record<Uf, WeekRules>> = {
  AC: SAFE_DEFAULT_WINDOW,
  AL: { weekday: range("08:00", "20:00"), saturday: range("08:00", "14:00"), sunday: null },
  // The law gives only an end ("until 19"); 08:00 matches every other law in the table.
  AM: { weekday: range("08:00", "19:00"), saturday: null, sunday: null },
  AP: SAFE_DEFAULT_WINDOW,
  BA: SAFE_DEFAULT_WINDOW,
  // The table has "—" for the weekend: the law names no weekend hours, so the safe reading is closed.
  CE: { weekday: range("08:00", "18:00"), saturday: null, sunday: null },
  DF: SAFE_DEFAULT_WINDOW,
  ES: { weekday: range("08:00", "19:00"), saturday: null, sunday: null },
  GO: SAFE_DEFAULT_WINDOW,
  MA: SAFE_DEFAULT_WINDOW,
  MG: SAFE_DEFAULT_WINDOW,
  MS: SAFE_DEFAULT_WINDOW,
  MT: SAFE_DEFAULT_WINDOW,
  PA: SAFE_DEFAULT_WINDOW,
  PB: SAFE_DEFAULT_WINDOW,
  PE: SAFE_DEFAULT_WINDOW,
  PI: SAFE_DEFAULT_WINDOW,
  PR: SAFE_DEFAULT_WINDOW,
  RJ: { weekday: range("09:00", "19:00"), saturday: null, sunday: null },
  RN: SAFE_DEFAULT_WINDOW,
  RO: SAFE_DEFAULT_WINDOW,
  RR: SAFE_DEFAULT_WINDOW,
  RS: SAFE_DEFAULT_WINDOW,
  SC: SAFE_DEFAULT_WINDOW,
  SE: SAFE_DEFAULT_WINDOW,
  SP: { weekday: range("08:00", "20:00"), saturday: range("08:00", "14:00"), sunday: null },
  TO: SAFE_DEFAULT_WINDOW,
};

/** The rules in force for a UF: the override when present, else the default. */
export function rulesFor(uf: Uf, override?: SendWindowRules): WeekRules {
  return override?.[uf] ?? DEFAULT_SEND_WINDOWS[uf];
}

/** "08h", "08h30", for people reading the reason of a scheduled message. */
function hourLabel(hhmm: string): string {
  const [h, m] = hhmm.split(":");
  return m === "00" ? `${h}h` : `${h}h${m}`;
}

/** "seg–sex 08h–20h, sáb 08h–14h". */
export function describeWeekRules(rules: WeekRules): string {
  const parts: string[] = [];
  const add = (label: string, r: DayRule) => {
    if (r) parts.push(`${label} ${hourLabel(r.start)}–${hourLabel(r.end)}`);
  };
  add("seg–sex", rules.weekday);
  add("sáb", rules.saturday);
  add("dom", rules.sunday);
  return parts.length > 0 ? parts.join(", ") : "nenhum dia";
}
