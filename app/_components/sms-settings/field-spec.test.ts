// Protects the account form's link to the provider schemas: every setting of every kind becomes a
// field of the right sort (required ones up front), and what the admin types becomes what the
// schema accepts — blank leaves the default, bad numbers and bad JSON are caught before sending.
import { describe, expect, it } from "vitest";
import { PROVIDER_KINDS } from "@/db/schema/constants";
import { providerConfigSchemas } from "@/server/providers/schemas";
import messages from "@/messages/pt-BR/sms-settings.json";
import { configFields, credentialFields, formatConfigValue, parseConfigValue } from "./field-spec";

describe("account form fields from the provider schemas", () => {
  it("gives every config and credential field a Portuguese label", () => {
    for (const kind of PROVIDER_KINDS) {
      for (const name of [...configFields(kind).map((f) => f.name), ...credentialFields(kind)]) {
        expect(messages.fields, `${kind}.${name}`).toHaveProperty(name);
      }
    }
  });

  it("reads kinds, requirement and defaults", () => {
    const http = Object.fromEntries(configFields("http").map((f) => [f.name, f]));
    expect(http.url).toMatchObject({ kind: "text", required: true });
    expect(http.method).toMatchObject({ kind: "enum", required: false, defaultValue: "POST", options: ["GET", "POST"] });
    expect(http.successMatcher).toMatchObject({ kind: "json", required: true });
    expect(http.headers).toMatchObject({ kind: "json", required: false });
    const smpp = Object.fromEntries(configFields("smpp").map((f) => [f.name, f]));
    expect(smpp.host).toMatchObject({ kind: "text", required: true });
    expect(smpp.port).toMatchObject({ kind: "number", defaultValue: 2775 });
    expect(smpp.tls).toMatchObject({ kind: "boolean", defaultValue: false });
    expect(configFields("sandbox").find((f) => f.name === "invalidNumbers")).toMatchObject({ kind: "list" });
    expect(credentialFields("twilio")).toEqual(["accountSid", "authToken", "apiKeySid", "apiKeySecret", "webhookSharedKey"]);
    expect(credentialFields("sandbox")).toEqual([]);
  });

  it("turns typed text into values the schema accepts, and back", () => {
    const fields = Object.fromEntries(configFields("sandbox").map((f) => [f.name, f]));
    expect(parseConfigValue(fields.failureRate!, "0,25")).toEqual({ ok: true, value: 0.25 });
    expect(parseConfigValue(fields.failureRate!, "")).toEqual({ ok: true, value: undefined });
    expect(parseConfigValue(fields.failureRate!, "muito")).toEqual({ ok: false });
    expect(parseConfigValue(fields.invalidNumbers!, "+5535991234567\n\n +5535991234568 ")).toEqual({ ok: true, value: ["+5535991234567", "+5535991234568"] });
    const matcher = configFields("http").find((f) => f.name === "successMatcher")!;
    expect(parseConfigValue(matcher, '{"type":"status","codes":[200]}')).toEqual({ ok: true, value: { type: "status", codes: [200] } });
    expect(parseConfigValue(matcher, "{type: status}")).toEqual({ ok: false });
    expect(formatConfigValue(fields.invalidNumbers!, ["+5535991234567", "+5535991234568"])).toBe("+5535991234567\n+5535991234568");

    const typed = { failureRate: "0.5", deliveryDelayMs: "", invalidNumbers: "", seed: "7", callbackRetryMs: "" };
    const config = Object.fromEntries(
      configFields("sandbox").flatMap((f) => {
        const r = parseConfigValue(f, typed[f.name as keyof typeof typed]);
        return r.ok && r.value !== undefined ? [[f.name, r.value]] : [];
      }),
    );
    expect(providerConfigSchemas.sandbox.parse(config)).toMatchObject({ failureRate: 0.5, seed: 7, deliveryDelayMs: 1500 });
  });
});
