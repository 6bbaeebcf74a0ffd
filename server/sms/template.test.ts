// Protects template rendering: plain substitution of known variables, literal everything else, clear errors.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  contextForCustomer,
  EXAMPLE_CONTEXT,
  firstName,
  parseTemplate,
  renderTemplate,
  TEMPLATE_VARIABLES,
  type TemplateContext,
  type TemplateVariableName,
  validateTemplate,
} from "./template";

const names = TEMPLATE_VARIABLES.map((v) => v.name);
const variable = fc.constantFrom<TemplateVariableName>(...names);
const anyText = fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom(..."{}ab_ 1ãé\n") }));
// Literal text with no variable in it (braces welcome: "{ ", "}", "{{", "{a b}").
const literal = anyText.filter((t) => parseTemplate(t).variables.length === 0 && parseTemplate(t).unknown.length === 0);
const context = fc.record(Object.fromEntries(names.map((n) => [n, anyText])) as Record<TemplateVariableName, fc.Arbitrary<string>>);
const unknownName = fc.stringMatching(/^[a-z_][a-z0-9_]{0,10}$/).filter((n) => !(names as string[]).includes(n));

const ctx: TemplateContext = { nome: "Maria da Silva", primeiro_nome: "Maria", codigo: "10234", plano: "", cidade: "Poços de Caldas" };

describe("templates — examples", () => {
  it("renders the known variables", () => {
    expect(renderTemplate("Olá {primeiro_nome}, cliente {codigo} de {cidade}. Plano: {plano}.", ctx)).toBe(
      "Olá Maria, cliente 10234 de Poços de Caldas. Plano: .",
    );
  });

  it("keeps braces that are not variables as text; {{ is not an escape", () => {
    expect(renderTemplate("{ nome } { {nome}} {} {1} }{", ctx)).toBe("{ nome } { Maria da Silva} {} {1} }{");
    expect(renderTemplate("{{nome}}", ctx)).toBe("{Maria da Silva}");
  });

  it("throws on an unknown variable", () => {
    expect(() => renderTemplate("Oi {xyz}", ctx)).toThrow("Variável desconhecida: {xyz}");
    expect(() => renderTemplate("Oi {__proto__}", ctx)).toThrow("Variável desconhecida: {__proto__}");
  });

  it("lists variables used and unknown ones, in order and once", () => {
    expect(parseTemplate("{cidade} {nome} {xyz} {nome} {Nome} {xyz}")).toEqual({ variables: ["cidade", "nome"], unknown: ["xyz", "Nome"], misspelled: [] });
  });

  it.each([
    ["Oi {nome}, sua fatura vence", null],
    ["Oi {xyz}", "Variável desconhecida: {xyz}. Use {nome}, {primeiro_nome}, {codigo}, {plano} ou {cidade}."],
    ["Oi {Nome}", "Variável desconhecida: {Nome}. Você quis dizer {nome}?"],
    ["Cód. {código}", "Variável desconhecida: {código}. Você quis dizer {codigo}?"],
    ["Oi {primeironome}", "Variável desconhecida: {primeironome}. Você quis dizer {primeiro_nome}?"],
    ["{a} e {b}", "Variáveis desconhecidas: {a} e {b}. Use {nome}, {primeiro_nome}, {codigo}, {plano} ou {cidade}."],
    ["Oi {{nome}}", "Variável mal escrita: {{nome}}. Escreva {nome}, com uma chave de cada lado e sem espaços."],
    ["Oi { nome }", "Variável mal escrita: { nome }. Escreva {nome}, com uma chave de cada lado e sem espaços."],
    ["Oi {primeiro nome}", "Variável mal escrita: {primeiro nome}. Escreva {primeiro_nome}, com uma chave de cada lado e sem espaços."],
    ["Use a chave { ok } e {  }", null],
  ])("validates %j", (template, message) => {
    expect(validateTemplate(template)).toEqual(message === null ? { ok: true } : { ok: false, message });
  });

  it("offers every variable with a Portuguese description and an example", () => {
    expect(names).toEqual(["nome", "primeiro_nome", "codigo", "plano", "cidade"]);
    for (const v of TEMPLATE_VARIABLES) {
      expect(v.token).toBe(`{${v.name}}`);
      expect(v.description.length).toBeGreaterThan(5);
      expect(renderTemplate(v.token, EXAMPLE_CONTEXT)).toBe(v.example);
    }
  });
});

describe("contextForCustomer", () => {
  it.each([
    ["MARIA DA SILVA", "Maria"],
    ["maria da silva", "Maria"],
    ["Mercado São José Ltda", "Mercado"],
    ["  ÂNGELA   Souza", "Ângela"],
    ["Dr. João Pedro", "João"],
    ["ANA-CLARA Reis", "Ana-Clara"],
    ["DeLuca Comércio", "DeLuca"],
    ["\"ELÉTRICA\" Ltda", "Elétrica"],
    ["Sr", "Sr"],
    ["", ""],
  ])("primeiro_nome of %j is %j", (name, first) => {
    expect(firstName(name)).toBe(first);
  });

  it("builds every variable, with plano empty when there is no plan", () => {
    expect(contextForCustomer({ name: " MARIA  DA SILVA ", code: 10234, planName: null, cityName: "Andradas" })).toEqual({
      nome: "MARIA DA SILVA",
      primeiro_nome: "Maria",
      codigo: "10234",
      plano: "",
      cidade: "Andradas",
    });
  });
});

describe("templates — properties", () => {
  it("rendering changes nothing outside the variables", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(literal, variable)), literal, context, (pieces, tail, values) => {
        const template = pieces.map(([text, v]) => `${text}{${v}}`).join("") + tail;
        const expected = pieces.map(([text, v]) => text + values[v]).join("") + tail;
        expect(renderTemplate(template, values)).toBe(expected);
        expect(validateTemplate(template).ok || parseTemplate(template).misspelled.length > 0).toBe(true);
      }),
    );
  });

  it("inserts values literally: braces in a value are never expanded again", () => {
    fc.assert(
      fc.property(variable, variable, (outer, inner) => {
        const values = { ...ctx, [outer]: `{${inner}}` };
        expect(renderTemplate(`<{${outer}}>`, values)).toBe(`<{${inner}}>`);
      }),
    );
  });

  it("always reports unknown variables, and rendering them throws", () => {
    fc.assert(
      fc.property(literal, unknownName, literal, (before, name, after) => {
        const template = `${before}{${name}}${after}`;
        expect(parseTemplate(template).unknown).toContain(name);
        expect(validateTemplate(template)).toMatchObject({ ok: false });
        expect((validateTemplate(template) as { message: string }).message).toContain(`{${name}}`);
        expect(() => renderTemplate(template, ctx)).toThrow();
      }),
    );
  });
});
