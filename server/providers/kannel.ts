/**
 * Kannel smsbox (providers.md): GET {baseUrl}/cgi-bin/sendsms, DLRs on a dlr-url that Kannel fills
 * with %-escapes. Kannel's answer carries no message id, so the provider id is our own message id,
 * which we also put in the dlr-url (`msg`) to match its reports.
 */
import { accountSecrets, appendQueryParam, formatNumber, MESSAGE_REF_PARAM, own, safeSnippet, webhookParams } from "./format";
import { accepted, classifyCommonStatus, httpRequest, type HttpResponse, MESSAGES, parseRetryAfter, permanent, retryable } from "./http";
import { parseKannelMo } from "./kannel-mo";
import { kannelConfigSchema, kannelCredentialsSchema, parseSettings } from "./schemas";
import type { AdapterAccount, AdapterDeps, ProviderAdapter, ReportedStatus, SendOutcome, StatusReport, WebhookRequest, WebhookResult } from "./types";

// %d type, %A SMSC reply, %p receiver, %T unix time, %I Kannel's own id.
const DLR_ESCAPES = "&type=%d&reply=%A&receiver=%p&ts=%T&kid=%I";

const DLR_MAP: Record<string, ReportedStatus> = {
  "1": "delivered",
  "2": "undelivered",
  "4": "sent",
  "8": "sent",
  "16": "failed",
};

/** The dlr-url Kannel will call: our callback URL, our id, then Kannel's escapes (left raw). */
export function kannelDlrUrl(statusCallbackUrl: string, messageId: string): string {
  return appendQueryParam(statusCallbackUrl, MESSAGE_REF_PARAM, messageId) + DLR_ESCAPES;
}

function classify(res: HttpResponse, messageId: string, secrets: string[]): SendOutcome {
  const text = res.text.trim();
  if (res.status >= 200 && res.status < 300) {
    // "0: Accepted for delivery" and "3: Queued for later delivery" both mean Kannel owns it now.
    if (/^[03]\s*:/.test(text)) return accepted(messageId);
    return retryable("kannel_unexpected", MESSAGES.unexpected(res.status), true);
  }
  if (res.status === 401 || /authori[sz]ation failed/i.test(text)) return permanent(`kannel_${res.status}`, "bad_credentials", MESSAGES.badCredentials);
  // smsbox answers 503 when it refuses to queue ("try again later"): nothing was accepted.
  if (res.status === 503) return retryable("kannel_503", MESSAGES.unavailable(503), false, parseRetryAfter(res.headers.get("retry-after")));
  if (res.status === 429 || res.status >= 500) return classifyCommonStatus(res, "kannel") ?? retryable(`kannel_${res.status}`, MESSAGES.serverError(res.status), true);
  if (res.status >= 400) {
    // "Missing receiver number, rejected" / "Empty receiver number not allowed" (smsbox wording).
    if (/receiver number|invalid receiver/i.test(text)) return permanent(`kannel_${res.status}`, "invalid_number", MESSAGES.invalidNumber);
    // Other 403s are routing or IP rules ("Denied", "Not routable"), not the credentials.
    return permanent(`kannel_${res.status}`, "rejected", MESSAGES.rejected(safeSnippet(text, secrets)));
  }
  return retryable(`kannel_${res.status}`, MESSAGES.unexpected(res.status), true);
}

export function createKannelAdapter(account: AdapterAccount, deps: AdapterDeps = {}): ProviderAdapter {
  const settings = parseSettings(kannelConfigSchema, kannelCredentialsSchema, account);

  return {
    kind: "kannel",

    async send(req, signal): Promise<SendOutcome> {
      if (!settings.ok) return permanent("misconfigured", "misconfigured", MESSAGES.misconfigured(settings.message));
      const { config, credentials } = settings;
      const query = new URLSearchParams({ username: credentials.username, password: credentials.password });
      if (account.sender) query.set("from", account.sender);
      query.set("to", formatNumber(req.to, config.numberFormat));
      query.set("text", req.text);
      query.set("charset", "UTF-8");
      query.set("coding", req.encoding === "UCS2" ? "2" : "0");
      query.set("dlr-mask", "31");
      query.set("dlr-url", kannelDlrUrl(req.statusCallbackUrl, req.messageId));
      if (config.smsc) query.set("smsc", config.smsc);
      // URLSearchParams writes spaces as "+", which Kannel's CGI decoding reads back as spaces.
      const res = await httpRequest(deps, `${config.baseUrl.replace(/\/+$/, "")}/cgi-bin/sendsms?${query.toString()}`, { method: "GET" }, signal);
      if (res.kind === "failure") return res.outcome;
      return classify(res, req.messageId, accountSecrets(account));
    },

    async parseWebhook(req: WebhookRequest): Promise<WebhookResult> {
      const params = webhookParams(req.url, req.rawBody, req.headers.get("content-type"));
      const type = params.get("type");
      // A reply through the sms-service get-url (kannel-mo.ts); DLRs always carry type=%d.
      if (params.get("kind") === "mo" || (!type && params.has("from") && params.has("text"))) {
        const mo = parseKannelMo(req.url, params);
        if (!mo.ok) return { ok: false, status: 400, error: mo.error };
        // An empty answer: with max-messages other than 0 Kannel would text our body to the customer.
        return { ok: true, reports: [], inbound: [mo.inbound], response: { status: 200, contentType: "text/plain", body: "" } };
      }
      if (!type) return { ok: false, status: 400, error: "Relatório do Kannel sem o parâmetro type (dlr-url) nem kind=mo (get-url de respostas)." };
      const status = own(DLR_MAP, type);
      // Kannel does not retry a dlr-url; an unknown type is acknowledged and ignored.
      if (!status) return { ok: true, reports: [], inbound: [] };
      const report: StatusReport = { status };
      const messageId = params.get(MESSAGE_REF_PARAM);
      if (messageId) {
        report.messageId = messageId;
        report.providerMessageId = messageId;
      }
      const reply = params.get("reply");
      if (reply && (status === "undelivered" || status === "failed")) {
        report.errorCode = `kannel_dlr_${type}`;
        report.errorMessage = reply.slice(0, 200);
      }
      const ts = Number(params.get("ts"));
      if (Number.isFinite(ts) && ts > 0) report.occurredAt = new Date(ts * 1000);
      return { ok: true, reports: [report], inbound: [] };
    },
  };
}
