/**
 * The embedded default provider ("não envia SMS reais"): accepts messages without sending anything
 * and, after `deliveryDelayMs`, POSTs a delivery report to our own webhook — the same route real
 * providers call, so the whole report path is exercised.
 *
 * Callback format (POST, Content-Type: application/json):
 *   {"id": "sbx_<32 hex>", "reference": "<our message id>", "status": "DELIVERED" | "UNDELIVERED",
 *    "error"?: {"code": "SANDBOX_UNDELIVERED", "message": "<pt-BR>"}, "timestamp": "<ISO-8601>"}
 * A callback that does not get a 2xx is retried with exponential backoff (callbackRetryMs × 1, 2, 4),
 * then dropped silently: the message stays "sent", as with carriers that never return receipts.
 */
import { formatNumber, isRecord, parseDate, str, tryParseJson } from "./format";
import { mulberry32 } from "@/server/lib/random";
import { accepted, httpRequest, MESSAGES, permanent } from "./http";
import { parseSettings, sandboxConfigSchema, sandboxCredentialsSchema } from "./schemas";
import type { AdapterAccount, AdapterDeps, ProviderAdapter, ReportedStatus, SendOutcome, StatusReport, WebhookRequest, WebhookResult } from "./types";

export type SandboxCallback = {
  id: string;
  reference: string;
  status: "DELIVERED" | "UNDELIVERED" | "SENT";
  error?: { code: string; message: string };
  timestamp: string;
};

const CALLBACK_ATTEMPTS = 4;
const REPORT_LIMIT = 10_000;

// Module-level so a recreated adapter (edited account, new process slot) still answers lookups;
// bounded, oldest first out, because the sandbox may run for months as the demo provider.
const reported = new Map<string, StatusReport>();

function remember(key: string, report: StatusReport): void {
  reported.delete(key);
  reported.set(key, report);
  while (reported.size > REPORT_LIMIT) {
    const oldest = reported.keys().next();
    if (oldest.done) break;
    reported.delete(oldest.value);
  }
}

const STATUS_MAP: Record<SandboxCallback["status"], ReportedStatus> = { SENT: "sent", DELIVERED: "delivered", UNDELIVERED: "undelivered" };

function toReport(cb: SandboxCallback): StatusReport {
  const report: StatusReport = { providerMessageId: cb.id, messageId: cb.reference, status: STATUS_MAP[cb.status] };
  if (cb.error) {
    report.errorCode = cb.error.code;
    report.errorMessage = cb.error.message;
  }
  const at = parseDate(cb.timestamp);
  if (at) report.occurredAt = at;
  return report;
}

export function createSandboxAdapter(account: AdapterAccount, deps: AdapterDeps = {}): ProviderAdapter {
  const settings = parseSettings(sandboxConfigSchema, sandboxCredentialsSchema, account);
  const seed = settings.ok ? settings.config.seed : undefined;
  const random = seed !== undefined ? mulberry32(seed) : Math.random;
  const invalid = new Set((settings.ok ? settings.config.invalidNumbers : []).map((n) => formatNumber(n, "international-digits")));
  const timers = new Set<ReturnType<typeof setTimeout>>();

  function later(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    // Pending callbacks must not keep a process (or a test run) alive.
    (timer as { unref?: () => void }).unref?.();
    timers.add(timer);
  }

  async function postCallback(url: string, callback: SandboxCallback, attempt: number, retryMs: number): Promise<void> {
    const res = await httpRequest(deps, url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(callback) });
    if (res.kind === "response" && res.status >= 200 && res.status < 300) return;
    if (attempt >= CALLBACK_ATTEMPTS) return;
    later(retryMs * 2 ** (attempt - 1), () => void postCallback(url, callback, attempt + 1, retryMs));
  }

  return {
    kind: "sandbox",

    async send(req): Promise<SendOutcome> {
      if (!settings.ok) return permanent("misconfigured", "misconfigured", MESSAGES.misconfigured(settings.message));
      const { config } = settings;
      if (invalid.has(formatNumber(req.to, "international-digits"))) {
        return permanent("sandbox_invalid_number", "invalid_number", MESSAGES.invalidNumber);
      }
      const id = `sbx_${crypto.randomUUID().replace(/-/g, "")}`;
      const failed = config.failureRate > 0 && random() < config.failureRate;
      const key = `${account.id}:${req.messageId}`;
      remember(key, { providerMessageId: id, messageId: req.messageId, status: "sent" });
      later(config.deliveryDelayMs, () => {
        const callback: SandboxCallback = {
          id,
          reference: req.messageId,
          status: failed ? "UNDELIVERED" : "DELIVERED",
          ...(failed ? { error: { code: "SANDBOX_UNDELIVERED", message: "Falha de entrega simulada pelo sandbox." } } : {}),
          timestamp: new Date().toISOString(),
        };
        remember(key, toReport(callback));
        void postCallback(req.statusCallbackUrl, callback, 1, config.callbackRetryMs);
      });
      return accepted(id);
    },

    async lookup(messageId) {
      return reported.get(`${account.id}:${messageId}`) ?? null;
    },

    async parseWebhook(req: WebhookRequest): Promise<WebhookResult> {
      const body = tryParseJson(req.rawBody);
      const status = isRecord(body) ? str(body.status) : undefined;
      if (!isRecord(body) || !status || !Object.hasOwn(STATUS_MAP, status) || !str(body.id) || !str(body.reference)) {
        return { ok: false, status: 400, error: "Relatório do sandbox inválido." };
      }
      const error = isRecord(body.error) ? { code: str(body.error.code) ?? "", message: str(body.error.message) ?? "" } : undefined;
      const callback: SandboxCallback = {
        id: str(body.id) ?? "",
        reference: str(body.reference) ?? "",
        status: status as SandboxCallback["status"],
        timestamp: str(body.timestamp) ?? "",
        ...(error ? { error } : {}),
      };
      return { ok: true, reports: [toReport(callback)], inbound: [] };
    },

    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
