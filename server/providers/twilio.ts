/**
 * Twilio Programmable Messaging (providers.md): form-encoded POST to
 * /2010-04-01/Accounts/{AccountSid}/Messages.json with Basic auth; signed status callbacks and
 * inbound messages. No lookup: Twilio cannot be asked by our id, only by its own SID.
 */
import { accountSecrets, appendQueryParam, base64Utf8, formatNumber, isRecord, MESSAGE_REF_PARAM, own, safeSnippet, str, toE164, tryParseJson } from "./format";
import { accepted, classifyCommonStatus, httpRequest, type HttpResponse, MESSAGES, parseRetryAfter, permanent, retryable } from "./http";
import { parseSettings, twilioConfigSchema, twilioCredentialsSchema } from "./schemas";
import { verifyTwilioRequest } from "./twilio-signature";
import type { AdapterAccount, AdapterDeps, PermanentReason, ProviderAdapter, ReportedStatus, SendOutcome, StatusReport, WebhookRequest, WebhookResult } from "./types";

export const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

const STATUS_MAP: Record<string, ReportedStatus> = {
  queued: "sent",
  accepted: "sent",
  scheduled: "sent",
  sending: "sent",
  sent: "sent",
  delivered: "delivered",
  read: "delivered",
  undelivered: "undelivered",
  failed: "failed",
  canceled: "failed",
};

const PERMANENT_CODES: Record<number, { reason: PermanentReason; message: string }> = {
  21211: { reason: "invalid_number", message: MESSAGES.invalidNumber },
  21614: { reason: "invalid_number", message: MESSAGES.invalidNumber },
  21635: { reason: "landline", message: MESSAGES.landline },
  21610: { reason: "opted_out", message: MESSAGES.optedOut },
  20003: { reason: "bad_credentials", message: MESSAGES.badCredentials },
  // From Twilio's error dictionary, not in providers.md: invalid From, From not SMS-capable, region
  // not enabled for the account — all fixed in the account, not by retrying.
  21212: { reason: "misconfigured", message: MESSAGES.misconfigured("o remetente (From) não é válido na Twilio.") },
  21606: { reason: "misconfigured", message: MESSAGES.misconfigured("o remetente (From) não pode enviar SMS para este destino.") },
  21408: { reason: "misconfigured", message: MESSAGES.misconfigured("a conta Twilio não tem permissão para enviar a esta região.") },
};

function classify(res: HttpResponse, secrets: string[]): SendOutcome {
  const body = tryParseJson(res.text);
  if (res.status >= 200 && res.status < 300) {
    const sid = isRecord(body) ? str(body.sid) : undefined;
    return sid ? accepted(sid) : retryable("twilio_no_sid", MESSAGES.unexpected(res.status), true);
  }
  const code = isRecord(body) && typeof body.code === "number" ? body.code : undefined;
  const retryAfterMs = parseRetryAfter(res.headers.get("retry-after"));
  // 20429 and queue overflows were never processed: safe to retry. 20500 may have been.
  if (code === 20429 || code === 63017) return retryable(`twilio_${code}`, MESSAGES.rateLimited, false, retryAfterMs);
  if (code === 30001 || code === 21611) return retryable(`twilio_${code}`, MESSAGES.queueFull, false, retryAfterMs);
  if (code === 20500) return retryable("twilio_20500", MESSAGES.serverError(res.status), true, retryAfterMs);
  const known = code === undefined ? undefined : PERMANENT_CODES[code];
  if (known) return permanent(`twilio_${code}`, known.reason, known.message);
  const common = classifyCommonStatus(res, "twilio");
  if (common) return common;
  const detail = safeSnippet(isRecord(body) ? (str(body.message) ?? res.text) : res.text, secrets);
  return permanent(`twilio_${code ?? res.status}`, "rejected", MESSAGES.rejected(detail));
}

const SIGNATURE_ERRORS = {
  missing: "Assinatura da Twilio ausente ou inválida.",
  invalid: "Assinatura da Twilio ausente ou inválida.",
  no_shared_key: "A Twilio assinou com uma chave compartilhada (X-Twilio-Webhooks-Signature-Settings), mas a conta não tem o segredo dessa chave: informe-o na conta.",
  unknown_algorithm: "Algoritmo de assinatura da Twilio não suportado.",
} as const;

function queryParam(url: string, name: string): string | undefined {
  const q = url.indexOf("?");
  return q === -1 ? undefined : (new URLSearchParams(url.slice(q + 1).split("#")[0]).get(name) ?? undefined);
}

export function createTwilioAdapter(account: AdapterAccount, deps: AdapterDeps = {}): ProviderAdapter {
  const settings = parseSettings(twilioConfigSchema, twilioCredentialsSchema, account);

  return {
    kind: "twilio",

    async send(req, signal): Promise<SendOutcome> {
      if (!settings.ok) return permanent("misconfigured", "misconfigured", MESSAGES.misconfigured(settings.message));
      const { config, credentials } = settings;
      const form = new URLSearchParams({ To: formatNumber(req.to, "e164") });
      if (config.messagingServiceSid) form.set("MessagingServiceSid", config.messagingServiceSid);
      else if (account.sender) form.set("From", account.sender);
      else return permanent("misconfigured", "misconfigured", MESSAGES.misconfigured("informe o remetente (From) ou um Messaging Service SID."));
      form.set("Body", req.text);
      // Our id in the callback URL lets a report settle a message whose send timed out (no SID known).
      form.set("StatusCallback", appendQueryParam(req.statusCallbackUrl, MESSAGE_REF_PARAM, req.messageId));
      const user = credentials.apiKeySid ?? credentials.accountSid;
      const password = credentials.apiKeySid ? (credentials.apiKeySecret ?? "") : credentials.authToken;
      const url = `${config.baseUrl.replace(/\/+$/, "")}/2010-04-01/Accounts/${encodeURIComponent(credentials.accountSid)}/Messages.json`;
      const res = await httpRequest(
        deps,
        url,
        {
          method: "POST",
          headers: { authorization: `Basic ${base64Utf8(`${user}:${password}`)}`, "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
          body: form.toString(),
        },
        signal,
      );
      if (res.kind === "failure") return res.outcome;
      return classify(res, accountSecrets(account));
    },

    async parseWebhook(req: WebhookRequest): Promise<WebhookResult> {
      if (!settings.ok) return { ok: false, status: 403, error: "Conta Twilio sem credenciais válidas para verificar a assinatura." };
      const verdict = await verifyTwilioRequest({ authToken: settings.credentials.authToken, sharedKeySecret: settings.credentials.webhookSharedKey }, req);
      if (!verdict.ok) return { ok: false, status: 403, error: SIGNATURE_ERRORS[verdict.reason] };
      // A webhook configured as GET carries its parameters in the URL (and signs only the URL).
      const p = req.method.toUpperCase() === "GET" ? new URLSearchParams(req.url.split("?")[1]?.split("#")[0] ?? "") : new URLSearchParams(req.rawBody);
      const sid = p.get("MessageSid") ?? p.get("SmsSid") ?? undefined;
      const status = (p.get("MessageStatus") ?? p.get("SmsStatus") ?? "").toLowerCase();
      const body = p.get("Body");
      if (status === "received" || status === "receiving" || (!status && body !== null)) {
        const from = p.get("From");
        if (!from) return { ok: false, status: 400, error: "Mensagem recebida sem remetente." };
        const to = p.get("To");
        return {
          ok: true,
          reports: [],
          inbound: [{ from: toE164(from), text: body ?? "", ...(to ? { to } : {}), ...(sid ? { providerMessageId: sid } : {}) }],
          response: { status: 200, contentType: "text/xml", body: EMPTY_TWIML },
        };
      }
      const errorCode = p.get("ErrorCode") ?? undefined;
      // An opt-out reported on a callback blocks the number, whatever the status says.
      const mapped: ReportedStatus | undefined = errorCode === "21610" ? "blocked" : own(STATUS_MAP, status);
      if (!mapped) return { ok: true, reports: [], inbound: [] };
      const report: StatusReport = { status: mapped };
      const messageId = queryParam(req.url, MESSAGE_REF_PARAM);
      if (sid) report.providerMessageId = sid;
      if (messageId) report.messageId = messageId;
      if (errorCode && errorCode !== "0") {
        report.errorCode = errorCode;
        const errorMessage = p.get("ErrorMessage");
        if (errorMessage) report.errorMessage = errorMessage;
      }
      return { ok: true, reports: [report], inbound: [] };
    },
  };
}
