// Protects the browser-side check of "Novo SMS": the same Portuguese messages as the server, one per
// field, and the length judged on the text the customer will receive.
import { describe, expect, it } from "vitest";
import { contextForCustomer } from "@/server/sms/template";
import { type IndividualDraft, renderDraftMessage, validateIndividualDraft } from "./validate-draft";

const ok: IndividualDraft = { customerId: 7, motivo: "Visita técnica", ddd: "35", number: "99123-4567", message: "Ola {primeiro_nome}, chego logo.", confirmed: true };
const rules = { maxParts: 1, stripAccents: true, context: contextForCustomer({ name: "MARIA DA SILVA", code: "10", planName: "Fibra", cityName: "Poços de Caldas" }) };

describe("validateIndividualDraft", () => {
  it("accepts a complete draft", () => {
    expect(validateIndividualDraft(ok, rules)).toEqual({});
  });

  it("names every missing field", () => {
    expect(validateIndividualDraft({ customerId: null, motivo: "", ddd: "", number: "", message: "", confirmed: false }, rules)).toEqual({
      customerId: "Escolha o cliente.",
      motivo: "Informe o motivo do envio (pelo menos 3 letras).",
      ddd: "Informe o DDD com 2 dígitos, sem parênteses.",
      number: "Informe o número do celular.",
      message: "Escreva a mensagem.",
      confirmed: "Marque a confirmação para enviar.",
    });
  });

  it("refuses a message of only spaces, as the server does", () => {
    expect(validateIndividualDraft({ ...ok, message: "   \n " }, rules)).toEqual({ message: "Escreva a mensagem." });
  });

  it("puts phone problems on the DDD or the number", () => {
    expect(validateIndividualDraft({ ...ok, ddd: "00" }, rules)).toEqual({ ddd: "DDD 00 não existe." });
    expect(validateIndividualDraft({ ...ok, number: "3722-1234" }, rules)).toEqual({ number: "Número fixo não recebe SMS. Informe um celular." });
  });

  it("checks the template and the length of the rendered text", () => {
    expect(validateIndividualDraft({ ...ok, message: "Oi {nomee}" }, rules).message).toBe("Variável desconhecida: {nomee}. Use {nome}, {primeiro_nome}, {codigo}, {plano} ou {cidade}.");
    const long = `{nome} ${"x".repeat(150)}`;
    expect(validateIndividualDraft({ ...ok, message: long }, rules).message).toMatch(/^A mensagem passa de 160 caracteres/);
    expect(validateIndividualDraft({ ...ok, message: long }, { ...rules, maxParts: 2 })).toEqual({});
    expect(renderDraftMessage("Oi {primeiro_nome}", rules.context)).toBe("Oi Maria");
    expect(renderDraftMessage("Oi {primeiro_nome}", null)).toBe("Oi Maria");
    expect(renderDraftMessage("Oi {x}", null)).toBeNull();
  });

  it("counts the text as the account sends it: a Portuguese text of 76 characters is one SMS without accents", () => {
    const message = "Olá {primeiro_nome}, sua conexão será restabelecida às 14h. Obrigado pela compreensão!";
    expect(validateIndividualDraft({ ...ok, message }, rules)).toEqual({});
    expect(validateIndividualDraft({ ...ok, message }, { ...rules, stripAccents: false }).message).toMatch(/cabem 70 caracteres por SMS e ela tem 76/);
  });
});
