/**
 * Provider adapters behind one interface: `createAdapter` picks the adapter for an account's kind.
 * Server-only (SMPP opens sockets); the account form imports `./schemas` and
 * `./http-gateway-presets` directly, which are safe in the browser.
 */
import { accountRedactor, guardAdapter, guardDeps } from "./guard";
import { createHttpGatewayAdapter } from "./http-gateway";
import { createInfobipAdapter } from "./infobip";
import { createKannelAdapter } from "./kannel";
import { createSandboxAdapter } from "./sandbox";
import { createSmppAdapter } from "./smpp";
import { createTwilioAdapter } from "./twilio";
import type { AdapterAccount, AdapterDeps, ProviderAdapter } from "./types";
import { createZenviaAdapter } from "./zenvia";

export { HTTP_GATEWAY_PRESETS, type HttpGatewayPreset, type HttpGatewayPresetId } from "./http-gateway-presets";
export { PROVIDER_LABELS, providerConfigSchemas, providerCredentialSchemas, senderRequirement } from "./schemas";
export { ProviderLookupError } from "./http";
export { MESSAGE_REF_PARAM } from "./format";

/** The adapter of an account's kind, behind the redaction guard (guard.ts). */
export function createAdapter(account: AdapterAccount, deps: AdapterDeps = {}): ProviderAdapter {
  const redact = accountRedactor(account);
  return guardAdapter(createRawAdapter(account, guardDeps(deps, redact)), redact);
}

function createRawAdapter(account: AdapterAccount, deps: AdapterDeps): ProviderAdapter {
  switch (account.kind) {
    case "sandbox":
      return createSandboxAdapter(account, deps);
    case "zenvia":
      return createZenviaAdapter(account, deps);
    case "twilio":
      return createTwilioAdapter(account, deps);
    case "infobip":
      return createInfobipAdapter(account, deps);
    case "kannel":
      return createKannelAdapter(account, deps);
    case "smpp":
      return createSmppAdapter(account, deps);
    case "http":
      return createHttpGatewayAdapter(account, deps);
    default: {
      const unknown: never = account.kind;
      throw new Error(`Tipo de provedor desconhecido: ${String(unknown)}`);
    }
  }
}
