/**
 * The generic HTTP gateway, configured the way Brazilian ISP systems do it: URL, method, content
 * type, headers and a body/query template with placeholders, plus a matcher that recognises success.
 * Substitution is one pass of plain string replacement (a value containing "{token}" stays literal)
 * with the escaping of where it lands: JSON string, URL component, or raw text.
 */
import { accountSecrets, formatNumber, getPath, isRecord, MESSAGE_REF_PARAM, own, safeSnippet, str, tryParseJson, webhookParams } from "./format";
import { accepted, classifyCommonStatus, httpRequest, type HttpResponse, MESSAGES, permanent } from "./http";
import { type HttpGatewayConfig, httpGatewayConfigSchema, httpGatewayCredentialsSchema, parseSettings, type ResponseMatcher } from "./schemas";
import type { AdapterAccount, AdapterDeps, ProviderAdapter, ReportedStatus, SendOutcome, StatusReport, WebhookRequest, WebhookResult } from "./types";

export { HTTP_GATEWAY_PRESETS, type HttpGatewayPreset, type HttpGatewayPresetId } from "./http-gateway-presets";

export const PLACEHOLDERS = ["user", "password", "token", "phone", "text", "id", "sender"] as const;
export type PlaceholderValues = Record<(typeof PLACEHOLDERS)[number], string>;

const PLACEHOLDER_RE = new RegExp(`\\{(${PLACEHOLDERS.join("|")})\\}`, "g");

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const ESCAPES = {
  json: (v: string) => JSON.stringify(v).slice(1, -1),
  // encodeURIComponent throws on a lone surrogate; U+FFFD keeps the send going.
  url: (v: string) => encodeURIComponent(v.replace(LONE_SURROGATE, "\uFFFD")),
  raw: (v: string) => v,
  // A header value cannot carry a line break (it would inject another header).
  header: (v: string) => v.replace(/[\r\n]+/g, " "),
} as const;

export function renderTemplate(template: string, values: PlaceholderValues, escape: (v: string) => string): string {
  return template.replace(PLACEHOLDER_RE, (_, name: keyof PlaceholderValues) => escape(values[name]));
}

function bodyEscape(contentType: HttpGatewayConfig["contentType"]): (v: string) => string {
  if (contentType === "application/json") return ESCAPES.json;
  if (contentType === "application/x-www-form-urlencoded") return ESCAPES.url;
  return ESCAPES.raw;
}

export function matches(matcher: ResponseMatcher, res: HttpResponse): boolean {
  switch (matcher.type) {
    case "status":
      return matcher.codes.includes(res.status);
    case "contains":
      return res.text.includes(matcher.text);
    case "json": {
      const value = getPath(tryParseJson(res.text), matcher.path);
      // Compared as text: a form cannot tell "true" from true, and gateways mix "1" and 1.
      return value !== undefined && value !== null && typeof value !== "object" && String(value) === String(matcher.equals);
    }
    case "regex":
      return new RegExp(matcher.pattern).test(res.text);
  }
}

function classify(res: HttpResponse, config: HttpGatewayConfig, messageId: string, secrets: string[]): SendOutcome {
  if (res.status === 429 || res.status >= 500 || res.status === 401 || res.status === 403) {
    const common = classifyCommonStatus(res, "http");
    if (common) return common;
  }
  const ok = config.successMatcher.type === "status" || (res.status >= 200 && res.status < 300);
  if (ok && matches(config.successMatcher, res)) {
    const id = config.messageIdPath ? str(getPath(tryParseJson(res.text), config.messageIdPath)) : undefined;
    // Without an id in the answer our own id is the reference (it is what {id} sent, if used).
    return accepted(id || messageId);
  }
  if (config.invalidNumberMatcher && matches(config.invalidNumberMatcher, res)) {
    return permanent(`http_${res.status}`, "invalid_number", MESSAGES.invalidNumber);
  }
  return permanent(`http_${res.status}`, "rejected", MESSAGES.rejected(safeSnippet(errorText(res.text), secrets)));
}

/** The gateway's own short message when its answer is JSON (SMSDev "descricao", Comtele "Message"…), else the text. */
function errorText(text: string): string {
  const body = tryParseJson(text);
  if (!isRecord(body)) return text;
  for (const key of ["descricao", "message", "Message", "description", "erro", "error", "mensagem"]) {
    const value = str(body[key]);
    if (value) return value;
  }
  return text;
}

// SMSDev-style callbacks, widened with common synonyms. Unconfirmed: SMSDev's exact callback
// fields beyond `situacao` (providers.md); references are read from refer / reference / msg.
const STATUS_MAP: Record<string, ReportedStatus> = {
  RECEBIDA: "delivered",
  ENTREGUE: "delivered",
  DELIVERED: "delivered",
  ENVIADA: "sent",
  FILA: "sent",
  SENT: "sent",
  ERRO: "undelivered",
  UNDELIVERED: "undelivered",
  CANCELADA: "failed",
  FAILED: "failed",
  REJECTED: "failed",
  BLACKLIST: "blocked",
};

function normaliseStatus(raw: string): string {
  return raw
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toUpperCase()
    .replace(/[\s_-]+/g, "");
}

function toReport(fields: (name: string) => string | undefined): StatusReport | undefined {
  const raw = fields("situacao") ?? fields("status");
  const status = raw ? own(STATUS_MAP, normaliseStatus(raw)) : undefined;
  if (!status) return undefined;
  const report: StatusReport = { status };
  const messageId = fields("refer") ?? fields("reference") ?? fields(MESSAGE_REF_PARAM);
  const providerMessageId = fields("id");
  if (messageId) report.messageId = messageId;
  if (providerMessageId) report.providerMessageId = providerMessageId;
  const description = fields("descricao") ?? fields("description");
  if (description && status !== "sent" && status !== "delivered") {
    report.errorCode = normaliseStatus(raw ?? "");
    report.errorMessage = description.slice(0, 200);
  }
  return report;
}

export function createHttpGatewayAdapter(account: AdapterAccount, deps: AdapterDeps = {}): ProviderAdapter {
  const settings = parseSettings(httpGatewayConfigSchema, httpGatewayCredentialsSchema, account);

  return {
    kind: "http",

    async send(req, signal): Promise<SendOutcome> {
      if (!settings.ok) return permanent("misconfigured", "misconfigured", MESSAGES.misconfigured(settings.message));
      const { config, credentials } = settings;
      const values: PlaceholderValues = {
        user: credentials.user ?? "",
        password: credentials.password ?? "",
        token: credentials.token ?? "",
        phone: formatNumber(req.to, config.numberFormat),
        text: req.text,
        id: req.messageId,
        sender: account.sender ?? "",
      };
      let url = renderTemplate(config.url, values, ESCAPES.url);
      if (config.queryTemplate) url += (url.includes("?") ? "&" : "?") + renderTemplate(config.queryTemplate, values, ESCAPES.url);
      const init: RequestInit = { method: config.method };
      try {
        const headers = new Headers();
        for (const [name, value] of Object.entries(config.headers)) headers.set(name, renderTemplate(value, values, ESCAPES.header));
        if (config.method === "POST") {
          if (!headers.has("content-type")) headers.set("content-type", config.contentType === "text/plain" ? "text/plain; charset=utf-8" : config.contentType);
          init.body = renderTemplate(config.bodyTemplate ?? "", values, bodyEscape(config.contentType));
        }
        init.headers = headers;
        void new URL(url);
      } catch {
        // Headers/URL rejected by the platform before anything was sent: a settings problem.
        return permanent("misconfigured", "misconfigured", MESSAGES.misconfigured("URL ou cabeçalhos do gateway inválidos."));
      }
      const res = await httpRequest(deps, url, init, signal);
      if (res.kind === "failure") return res.outcome;
      return classify(res, config, req.messageId, accountSecrets(account));
    },

    async parseWebhook(req: WebhookRequest): Promise<WebhookResult> {
      const contentType = req.headers.get("content-type");
      const json = contentType?.includes("json") || /^\s*[[{]/.test(req.rawBody) ? tryParseJson(req.rawBody) : undefined;
      let reports: StatusReport[];
      if (json !== undefined) {
        const items = Array.isArray(json) ? json : [json];
        if (!items.every(isRecord)) return { ok: false, status: 400, error: "Retorno do gateway inválido." };
        reports = items.flatMap((item) => toReport((name) => str(item[name])) ?? []);
      } else {
        const params = webhookParams(req.url, req.rawBody, contentType);
        const report = toReport((name) => params.get(name) ?? undefined);
        reports = report ? [report] : [];
      }
      return { ok: true, reports, inbound: [] };
    },
  };
}
