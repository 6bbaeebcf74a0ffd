/**
 * Infobip SMS API v3 (providers.md): POST {baseUrl}/sms/3/messages with `Authorization: App {key}`.
 * We choose each destination's messageId (our own id), so a message's fate can be pulled from
 * GET /sms/3/reports?messageId=… — reconciliation after a timeout. Callbacks are unsigned: the route
 * checks the account secret in the URL.
 */
import { accountSecrets, formatNumber, isRecord, own, parseDate, safeSnippet, str, tryParseJson } from "./format";
import { accepted, classifyCommonStatus, httpRequest, type HttpResponse, MESSAGES, permanent, ProviderLookupError, retryable } from "./http";
import { infobipConfigSchema, infobipCredentialsSchema, parseSettings } from "./schemas";
import type { AdapterAccount, AdapterDeps, PermanentReason, ProviderAdapter, ReportedStatus, SendOutcome, StatusReport, WebhookRequest, WebhookResult } from "./types";

const GROUP_MAP: Record<string, ReportedStatus> = {
  PENDING: "sent",
  ACCEPTED: "sent",
  DELIVERED: "delivered",
  UNDELIVERABLE: "undelivered",
  EXPIRED: "undelivered",
  REJECTED: "failed",
};

// Status names inside the REJECTED group. Unconfirmed: taken from Infobip's public status-code list,
// not from providers.md; anything else in the group is a plain rejection.
const REJECTED_NAMES: Record<string, { reason: PermanentReason; message: string }> = {
  REJECTED_DESTINATION: { reason: "invalid_number", message: MESSAGES.invalidNumber },
  REJECTED_PREFIX_MISSING: { reason: "invalid_number", message: MESSAGES.invalidNumber },
  MISSING_TO: { reason: "invalid_number", message: MESSAGES.invalidNumber },
  REJECTED_DND: { reason: "opted_out", message: MESSAGES.optedOut },
  REJECTED_SENDER: { reason: "misconfigured", message: MESSAGES.misconfigured("remetente recusado pela Infobip.") },
  REJECTED_SOURCE: { reason: "misconfigured", message: MESSAGES.misconfigured("remetente recusado pela Infobip.") },
};

function baseUrl(url: string): string {
  return url.replace(/\/+$/, "");
}

/** Error text of a 4xx: v3 `description`, or the older `requestError.serviceException.text`. */
function errorText(body: unknown, fallback: string): string {
  if (!isRecord(body)) return fallback;
  const legacy = isRecord(body.requestError) && isRecord(body.requestError.serviceException) ? str(body.requestError.serviceException.text) : undefined;
  return str(body.description) ?? legacy ?? fallback;
}

// Unconfirmed: v3 validation errors list `violations: [{property: "messages[0].destinations[0].to", …}]`.
function isDestinationViolation(body: unknown): boolean {
  if (!isRecord(body) || !Array.isArray(body.violations)) return false;
  return body.violations.some((v) => isRecord(v) && /destinations\[\d+\]\.to$/.test(str(v.property) ?? ""));
}

function classify(res: HttpResponse, requested: string, secrets: string[]): SendOutcome {
  const body = tryParseJson(res.text);
  if (res.status >= 200 && res.status < 300) {
    const message = isRecord(body) && Array.isArray(body.messages) && isRecord(body.messages[0]) ? body.messages[0] : undefined;
    const status = message && isRecord(message.status) ? message.status : undefined;
    const group = str(status?.groupName);
    if (message && (group === "PENDING" || group === "ACCEPTED" || group === "DELIVERED")) return accepted(str(message.messageId) ?? requested);
    if (group === "REJECTED" || group === "UNDELIVERABLE" || group === "EXPIRED") {
      const name = str(status?.name);
      const known = own(REJECTED_NAMES, name);
      if (known) return permanent(`infobip_${name}`, known.reason, known.message);
      return permanent(`infobip_${name ?? group}`, "rejected", MESSAGES.rejected(safeSnippet(str(status?.description) ?? name ?? group, secrets)));
    }
    return retryable("infobip_unexpected", MESSAGES.unexpected(res.status), true);
  }
  const common = classifyCommonStatus(res, "infobip");
  if (common) return common;
  if (res.status === 400 && isDestinationViolation(body)) return permanent("infobip_invalid_destination", "invalid_number", MESSAGES.invalidNumber);
  const code = isRecord(body) ? str(body.errorCode) : undefined;
  return permanent(`infobip_${code ?? res.status}`, "rejected", MESSAGES.rejected(safeSnippet(errorText(body, res.text), secrets)));
}

function toReport(result: Record<string, unknown>): StatusReport | undefined {
  const status = isRecord(result.status) ? result.status : {};
  const mapped = own(GROUP_MAP, str(status.groupName));
  if (!mapped) return undefined;
  const report: StatusReport = { status: mapped };
  const providerMessageId = str(result.messageId);
  // callbackData carries our id; messageId is ours too (we chose it), kept as a fallback.
  const messageId = str(result.callbackData) ?? providerMessageId;
  if (providerMessageId) report.providerMessageId = providerMessageId;
  if (messageId) report.messageId = messageId;
  const error = isRecord(result.error) ? result.error : undefined;
  if (error && Number(error.id ?? 0) !== 0) {
    const code = str(error.name) ?? str(error.id);
    const description = str(error.description);
    if (code) report.errorCode = code;
    if (description) report.errorMessage = description;
  }
  const at = parseDate(result.doneAt) ?? parseDate(result.sentAt);
  if (at) report.occurredAt = at;
  return report;
}

function reportsOf(body: unknown): StatusReport[] | undefined {
  if (!isRecord(body) || !Array.isArray(body.results)) return undefined;
  return body.results.filter(isRecord).flatMap((r) => toReport(r) ?? []);
}

export function createInfobipAdapter(account: AdapterAccount, deps: AdapterDeps = {}): ProviderAdapter {
  const settings = parseSettings(infobipConfigSchema, infobipCredentialsSchema, account);

  return {
    kind: "infobip",

    async send(req, signal): Promise<SendOutcome> {
      if (!settings.ok) return permanent("misconfigured", "misconfigured", MESSAGES.misconfigured(settings.message));
      const { config, credentials } = settings;
      const message = {
        ...(account.sender ? { sender: account.sender } : {}),
        destinations: [{ to: formatNumber(req.to, "international-digits"), messageId: req.messageId }],
        content: { text: req.text, ...(config.transliteration ? { transliteration: "PORTUGUESE" } : {}) },
        ...(config.validityHours ? { options: { validityPeriod: { amount: config.validityHours, timeUnit: "HOURS" } } } : {}),
        webhooks: {
          delivery: { url: req.statusCallbackUrl, intermediateReport: false },
          contentType: "application/json",
          callbackData: req.messageId,
        },
      };
      const res = await httpRequest(
        deps,
        `${baseUrl(config.baseUrl)}/sms/3/messages`,
        {
          method: "POST",
          headers: { authorization: `App ${credentials.apiKey}`, "content-type": "application/json", accept: "application/json" },
          body: JSON.stringify({ messages: [message] }),
        },
        signal,
      );
      if (res.kind === "failure") return res.outcome;
      return classify(res, req.messageId, accountSecrets(account));
    },

    /** Null when Infobip has no report for the id (yet); throws when Infobip could not be asked. */
    async lookup(messageId, signal) {
      if (!settings.ok) throw new ProviderLookupError(MESSAGES.misconfigured(settings.message), "misconfigured");
      const { config, credentials } = settings;
      const res = await httpRequest(
        deps,
        `${baseUrl(config.baseUrl)}/sms/3/reports?messageId=${encodeURIComponent(messageId)}`,
        { method: "GET", headers: { authorization: `App ${credentials.apiKey}`, accept: "application/json" } },
        signal,
      );
      if (res.kind === "failure") throw new ProviderLookupError(res.outcome.message, res.outcome.code);
      if (res.status < 200 || res.status >= 300) {
        const outcome = classifyCommonStatus(res, "infobip");
        if (outcome && outcome.kind !== "accepted") throw new ProviderLookupError(outcome.message, outcome.code);
        throw new ProviderLookupError(MESSAGES.unexpected(res.status), `infobip_${res.status}`);
      }
      const reports = reportsOf(tryParseJson(res.text));
      if (!reports) throw new ProviderLookupError(MESSAGES.unexpected(res.status), "infobip_unexpected");
      return reports.find((r) => r.providerMessageId === messageId || r.messageId === messageId) ?? null;
    },

    async parseWebhook(req: WebhookRequest): Promise<WebhookResult> {
      const reports = reportsOf(tryParseJson(req.rawBody));
      if (!reports) return { ok: false, status: 400, error: "Relatório da Infobip inválido." };
      return { ok: true, reports, inbound: [] };
    },
  };
}
