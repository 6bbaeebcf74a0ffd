/**
 * Every adapter is wrapped here, so no provider text leaves the adapter layer unredacted, whatever
 * an adapter forgets: send outcomes (message, code, provider id), thrown errors, lookups, webhook
 * reports and SMPP reports all pass through one redactor of the account's secrets (redact.ts).
 */
import { accountSecrets } from "./format";
import { ProviderLookupError } from "./http";
import { type Redactor, redactor, safeCode } from "./redact";
import type { AdapterAccount, AdapterDeps, ProviderAdapter, SendOutcome, StatusReport, WebhookResult } from "./types";

/** Stored messages stay short: the provider's code and a sentence, never a whole echoed request. */
const MESSAGE_MAX = 300;

const short = (text: string, redact: Redactor) => {
  const out = redact(text);
  return out.length > MESSAGE_MAX ? `${out.slice(0, MESSAGE_MAX)}…` : out;
};

export function cleanOutcome(outcome: SendOutcome, redact: Redactor): SendOutcome {
  if (outcome.kind === "accepted") return { ...outcome, providerMessageId: redact(outcome.providerMessageId) };
  return { ...outcome, code: safeCode(outcome.code, redact), message: short(outcome.message, redact) };
}

export function cleanReport(report: StatusReport, redact: Redactor): StatusReport {
  const out: StatusReport = { ...report };
  if (out.providerMessageId !== undefined) out.providerMessageId = redact(out.providerMessageId);
  if (out.errorCode !== undefined) out.errorCode = safeCode(out.errorCode, redact);
  if (out.errorMessage !== undefined) out.errorMessage = short(out.errorMessage, redact);
  return out;
}

function cleanError(err: unknown, redact: Redactor): Error {
  const message = short(err instanceof Error ? err.message : String(err), redact);
  if (err instanceof ProviderLookupError) return new ProviderLookupError(message, safeCode(err.code, redact));
  return new Error(message);
}

/** The deps an adapter gets, with reports from outside HTTP (SMPP) redacted before the ledger. */
export function guardDeps(deps: AdapterDeps, redact: Redactor): AdapterDeps {
  const sink = deps.onAsyncReport;
  if (!sink) return deps;
  return { ...deps, onAsyncReport: (event) => sink({ reports: event.reports.map((r) => cleanReport(r, redact)), inbound: event.inbound }) };
}

export function guardAdapter(adapter: ProviderAdapter, redact: Redactor): ProviderAdapter {
  const guarded: ProviderAdapter = {
    kind: adapter.kind,
    async send(req, signal) {
      try {
        return cleanOutcome(await adapter.send(req, signal), redact);
      } catch (err) {
        throw cleanError(err, redact);
      }
    },
    async parseWebhook(req): Promise<WebhookResult> {
      const result = await adapter.parseWebhook(req);
      if (!result.ok) return { ...result, error: short(result.error, redact) };
      return { ...result, reports: result.reports.map((r) => cleanReport(r, redact)) };
    },
  };
  const lookup = adapter.lookup?.bind(adapter);
  if (lookup) {
    guarded.lookup = async (messageId, signal) => {
      try {
        const found = await lookup(messageId, signal);
        return found && cleanReport(found, redact);
      } catch (err) {
        throw cleanError(err, redact);
      }
    };
  }
  if (adapter.close) guarded.close = adapter.close.bind(adapter);
  return guarded;
}

/** The redactor of one account: its credentials and its webhook secret. */
export function accountRedactor(account: AdapterAccount): Redactor {
  return redactor(accountSecrets(account));
}
