import { describe, expect, it } from "vitest";
import { PROVIDER_KINDS } from "@/db/schema/constants";
import { createAdapter, HTTP_GATEWAY_PRESETS, PROVIDER_LABELS, providerConfigSchemas, providerCredentialSchemas } from "./index";
import type { AdapterAccount } from "./types";

const firstMessage = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues[0]?.message;

describe("provider registry", () => {
  it("creates an adapter of the account's kind for every kind", async () => {
    for (const kind of PROVIDER_KINDS) {
      const account: AdapterAccount = { id: 1, kind, sender: null, config: {}, credentials: {} };
      const adapter = createAdapter(account);
      expect(adapter.kind).toBe(kind);
      await adapter.close?.();
    }
  });

  it("labels every kind in Portuguese and has schemas for each", () => {
    expect(Object.keys(PROVIDER_LABELS).sort()).toEqual([...PROVIDER_KINDS].sort());
    expect(PROVIDER_LABELS.sandbox).toBe("Sandbox (não envia SMS reais)");
    expect(PROVIDER_LABELS.http).toBe("Gateway HTTP genérico");
    for (const kind of PROVIDER_KINDS) {
      expect(providerConfigSchemas[kind]).toBeDefined();
      expect(providerCredentialSchemas[kind]).toBeDefined();
    }
  });

  it("explains what is missing in pt-BR", () => {
    expect(firstMessage(providerCredentialSchemas.zenvia.safeParse({}))).toBe("Informe o token da API.");
    expect(firstMessage(providerCredentialSchemas.zenvia.safeParse({ apiToken: "  " }))).toBe("Informe o token da API.");
    expect(firstMessage(providerCredentialSchemas.twilio.safeParse({ accountSid: "123", authToken: "x" }))).toBe("O Account SID começa com AC seguido de 32 caracteres hexadecimais.");
    expect(firstMessage(providerConfigSchemas.sandbox.safeParse({ failureRate: 2 }))).toBe("A taxa de falha deve ser um número entre 0 e 1.");
    expect(firstMessage(providerConfigSchemas.kannel.safeParse({ baseUrl: "ftp://x" }))).toBe("Informe a URL do smsbox do Kannel (ex.: http://127.0.0.1:13013).");
    expect(firstMessage(providerConfigSchemas.http.safeParse({ url: "https://gw.example/send", successMatcher: { type: "regex", pattern: "(" } }))).toBe("Expressão regular inválida.");
  });

  it("fills defaults and treats blank optional fields as absent", () => {
    expect(providerConfigSchemas.sandbox.parse({})).toEqual({ failureRate: 0, deliveryDelayMs: 1500, invalidNumbers: [], callbackRetryMs: 1000 });
    expect(providerConfigSchemas.twilio.parse({ messagingServiceSid: "" })).toEqual({ baseUrl: "https://api.twilio.com", messagingServiceSid: undefined });
  });

  it("ships presets that pass the gateway schema", () => {
    for (const preset of Object.values(HTTP_GATEWAY_PRESETS)) {
      expect(providerConfigSchemas.http.safeParse(preset.config).success).toBe(true);
    }
  });
});
