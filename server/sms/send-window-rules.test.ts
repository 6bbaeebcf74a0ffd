// Protects the send-window rules: the per-UF defaults from brazil-sms.md and the admin override schema (pt-BR errors).
import { describe, expect, it } from "vitest";
import { UFS } from "@/db/schema/constants";
import {
  DEFAULT_SEND_WINDOWS,
  SAFE_DEFAULT_WINDOW,
  describeWeekRules,
  rulesFor,
  sendWindowRulesSchema,
  weekRulesSchema,
} from "./send-window-rules";

const messages = (input: unknown) => {
  const r = sendWindowRulesSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe("DEFAULT_SEND_WINDOWS", () => {
  it("covers every UF with valid rules", () => {
    expect(Object.keys(DEFAULT_SEND_WINDOWS).sort()).toEqual([...UFS].sort());
    for (const uf of UFS) expect(weekRulesSchema.safeParse(DEFAULT_SEND_WINDOWS[uf]).success).toBe(true);
  });

  it.each([
    ["SP", "seg–sex 08h–20h, sáb 08h–14h"],
    ["RJ", "seg–sex 09h–19h"],
    ["ES", "seg–sex 08h–19h"],
    ["AM", "seg–sex 08h–19h"],
    ["AL", "seg–sex 08h–20h, sáb 08h–14h"],
    ["CE", "seg–sex 08h–18h"],
    ["MG", "seg–sex 08h–18h"],
  ] as const)("%s: %s", (uf, text) => {
    expect(describeWeekRules(DEFAULT_SEND_WINDOWS[uf])).toBe(text);
  });

  it("gives the safe default to the UFs without a law in the table", () => {
    const withLaw = new Set(["SP", "RJ", "ES", "AM", "AL", "CE"]);
    for (const uf of UFS.filter((u) => !withLaw.has(u))) expect(DEFAULT_SEND_WINDOWS[uf]).toBe(SAFE_DEFAULT_WINDOW);
  });
});

describe("sendWindowRulesSchema", () => {
  const sp = {
    weekday: { start: "08:30", end: "19:00" },
    saturday: null,
    sunday: { start: "10:00", end: "24:00" },
  };

  it("accepts a partial override and leaves the other UFs on the defaults", () => {
    const parsed = sendWindowRulesSchema.parse({ SP: sp });
    expect(rulesFor("SP", parsed)).toEqual(sp);
    expect(rulesFor("RJ", parsed)).toBe(DEFAULT_SEND_WINDOWS.RJ);
    expect(rulesFor("RJ")).toBe(DEFAULT_SEND_WINDOWS.RJ);
    expect(describeWeekRules(sp)).toBe("seg–sex 08h30–19h, dom 10h–24h");
  });

  it.each([
    [{ SP: { ...sp, weekday: { start: "8:00", end: "19:00" } } }, "Horário inicial inválido: use HH:MM, de 00:00 a 23:59 (ex.: 08:00)."],
    [{ SP: { ...sp, weekday: { start: "24:00", end: "24:00" } } }, "Horário inicial inválido: use HH:MM, de 00:00 a 23:59 (ex.: 08:00)."],
    [{ SP: { ...sp, weekday: { start: "08:00", end: "20:60" } } }, "Horário final inválido: use HH:MM, até 24:00 (ex.: 20:00)."],
    [{ SP: { ...sp, weekday: { start: "20:00", end: "08:00" } } }, "O horário inicial deve ser anterior ao final."],
    [{ SP: { ...sp, weekday: { start: "08:00", end: "08:00" } } }, "O horário inicial deve ser anterior ao final."],
    [{ SP: { ...sp, weekday: { start: 8, end: "20:00" } } }, "Informe o horário inicial (HH:MM)."],
    [{ SP: { ...sp, weekday: "08:00-20:00" } }, "Informe uma faixa de horário { início, fim } ou null para fechado."],
    [{ SP: { weekday: sp.weekday, sunday: null } }, "Informe uma faixa de horário { início, fim } ou null para fechado."],
    [{ SP: { weekday: null, saturday: null, sunday: null } }, "Defina ao menos um dia com horário de envio (dias úteis, sábado ou domingo)."],
    [{ XX: sp }, "UF desconhecida: XX."],
    [[], "Regras de horário inválidas."],
    [{ SP: "fechado" }, "Informe os horários de dias úteis, sábado e domingo."],
  ])("refuses %j with a pt-BR message", (input, message) => {
    expect(messages(input)).toEqual([message]);
  });
});
