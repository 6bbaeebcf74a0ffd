/**
 * Zenvia API v2 (providers.md): POST /v2/channels/sms/messages with X-API-TOKEN; MESSAGE_STATUS and
 * MESSAGE webhooks. Zenvia does not sign webhooks: the route checks the account secret in the URL.
 * No lookup: the contract we rely on has no query by externalId.
 */
import { accountSecrets, formatNumber, isRecord, own, parseDate, safeSnippet, str, toE164, tryParseJson } from "./format";
import { accepted, classifyCommonStatus, httpRequest, MESSAGES, permanent, retryable } from "./http";
import { parseSettings, zenviaConfigSchema, zenviaCredentialsSchema } from "./schemas";
import type { AdapterAccount, AdapterDeps, InboundMessage, ProviderAdapter, ReportedStatus, SendOutcome, StatusReport, WebhookRequest, WebhookResult } from "./types";

const STATUS_MAP: Record<string, ReportedStatus> = {
  SENT: "sent",
  DELIVERED: "delivered",
  NOT_DELIVERED: "undelivered",
  REJECTED: "failed",
  // Reading implies delivery; CLICKED/DELETED etc. say nothing new about the SMS and are ignored.
  READ: "delivered",
};

/**
 * Whether a VALIDATION_ERROR is about the recipient. The shape of `details` is not in our contract
 * (unconfirmed): we accept a `path`/`field` naming "to" or a message mentioning the number.
 */
function isNumberValidationError(body: Record<string, unknown>): boolean {
  const details = Array.isArray(body.details) ? body.details : [];
  return details.some((d) => {
    if (!isRecord(d)) return false;
    const path = (str(d.path) ?? str(d.field) ?? "").replace(/^\//, "");
    if (path === "to" || path.endsWith(".to") || path.endsWith("/to")) return true;
    return /\b(to|number|phone|msisdn|recipient|n[úu]mero|telefone|destinat[áa]rio)\b/i.test(str(d.message) ?? "");
  });
}

function classify(status: number, text: string, secrets: string[]): SendOutcome {
  const body = tryParseJson(text);
  if (status >= 200 && status < 300) {
    const id = isRecord(body) ? str(body.id) : undefined;
    // A 2xx without an id cannot be confirmed: treat it like a timeout after sending.
    return id ? accepted(id) : retryable("zenvia_no_id", MESSAGES.unexpected(status), true);
  }
  const code = isRecord(body) ? str(body.code) : undefined;
  if (status === 400 && code === "VALIDATION_ERROR" && isRecord(body) && isNumberValidationError(body)) {
    return permanent("zenvia_invalid_number", "invalid_number", MESSAGES.invalidNumber);
  }
  const detail = safeSnippet(isRecord(body) ? (str(body.message) ?? text) : text, secrets);
  return permanent(`zenvia_${code ?? status}`, "rejected", MESSAGES.rejected(detail));
}

function statusReport(body: Record<string, unknown>): StatusReport | undefined {
  const message = isRecord(body.message) ? body.message : {};
  const ms = isRecord(body.messageStatus) ? body.messageStatus : {};
  const status = own(STATUS_MAP, str(ms.code));
  if (!status) return undefined;
  const report: StatusReport = { status };
  const providerMessageId = str(message.id);
  const messageId = str(message.externalId);
  if (providerMessageId) report.providerMessageId = providerMessageId;
  if (messageId) report.messageId = messageId;
  const cause = Array.isArray(ms.causes) && isRecord(ms.causes[0]) ? ms.causes[0] : undefined;
  const errorCode = cause ? (str(cause.channelErrorCode) ?? str(cause.reason)) : undefined;
  const errorMessage = (cause ? (str(cause.details) ?? str(cause.reason)) : undefined) ?? (status === "sent" || status === "delivered" ? undefined : str(ms.description));
  if (errorCode) report.errorCode = errorCode;
  if (errorMessage) report.errorMessage = errorMessage;
  const at = parseDate(ms.timestamp) ?? parseDate(body.timestamp);
  if (at) report.occurredAt = at;
  return report;
}

function inboundMessage(body: Record<string, unknown>): InboundMessage | undefined {
  const message = isRecord(body.message) ? body.message : undefined;
  // MESSAGE events also echo our own outgoing messages; only MO (direction IN) is inbound.
  if (!message || (str(message.direction) ?? "IN") !== "IN") return undefined;
  const from = str(message.from);
  if (!from) return undefined;
  const contents = Array.isArray(message.contents) ? message.contents : [];
  const text = contents
    .filter((c): c is Record<string, unknown> => isRecord(c) && str(c.type) === "text")
    .map((c) => str(c.text) ?? "")
    .join("");
  const inbound: InboundMessage = { from: toE164(from), text };
  const to = str(message.to);
  const id = str(message.id);
  const at = parseDate(body.timestamp) ?? parseDate(message.timestamp);
  if (to) inbound.to = to;
  if (id) inbound.providerMessageId = id;
  if (at) inbound.receivedAt = at;
  return inbound;
}

export function createZenviaAdapter(account: AdapterAccount, deps: AdapterDeps = {}): ProviderAdapter {
  const settings = parseSettings(zenviaConfigSchema, zenviaCredentialsSchema, account);

  return {
    kind: "zenvia",

    async send(req, signal): Promise<SendOutcome> {
      if (!settings.ok) return permanent("misconfigured", "misconfigured", MESSAGES.misconfigured(settings.message));
      if (!account.sender) return permanent("misconfigured", "misconfigured", MESSAGES.misconfigured("informe o remetente da conta Zenvia."));
      const { apiToken } = settings.credentials;
      const body = {
        from: account.sender,
        to: formatNumber(req.to, "international-digits"),
        externalId: req.messageId,
        contents: [{ type: "text", text: req.text, encodingStrategy: "AUTO" }],
      };
      const res = await httpRequest(
        deps,
        `${settings.config.baseUrl.replace(/\/+$/, "")}/v2/channels/sms/messages`,
        { method: "POST", headers: { "content-type": "application/json", accept: "application/json", "x-api-token": apiToken }, body: JSON.stringify(body) },
        signal,
      );
      if (res.kind === "failure") return res.outcome;
      return classifyCommonStatus(res, "zenvia") ?? classify(res.status, res.text, accountSecrets(account));
    },

    async parseWebhook(req: WebhookRequest): Promise<WebhookResult> {
      const body = tryParseJson(req.rawBody);
      const events = Array.isArray(body) ? body : [body];
      if (!events.every(isRecord)) return { ok: false, status: 400, error: "Webhook da Zenvia inválido." };
      const reports: StatusReport[] = [];
      const inbound: InboundMessage[] = [];
      for (const event of events) {
        const type = str(event.type);
        if (type === "MESSAGE_STATUS") {
          const report = statusReport(event);
          if (report) reports.push(report);
        } else if (type === "MESSAGE") {
          const msg = inboundMessage(event);
          if (msg) inbound.push(msg);
        }
      }
      // Unknown event types are acknowledged: a non-2xx would only make Zenvia retry 30 times.
      return { ok: true, reports, inbound };
    },
  };
}
