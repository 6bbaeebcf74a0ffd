/**
 * SMPP 3.4 adapter: submit_sm over one persistent bind_transceiver session per account, delivery
 * receipts and inbound messages from deliver_sm handed to deps.onAsyncReport. SMPP has no
 * idempotency field, so anything written without an answer is "maybe accepted".
 */
import smpp from "smpp";
import { logger } from "@/server/lib/logger";
import { PartTracker, toAsyncEvent } from "./smpp-deliver";
import { smppConfigSchema, smppCredentialsSchema, type SmppConfig } from "./smpp-schemas";
import { ESME_RX_T_APPN, REFUSAL_STATUSES, SmppSession, type SubmitResponse, type SubmitResult } from "./smpp-session";
import {
  concatUdh,
  destinationAddr,
  encodeText,
  ESM_CLASS_UDHI,
  fitsOnePart,
  MAX_PARTS,
  sourceAddress,
  splitParts,
} from "./smpp-text";
import type { AdapterAccount, AdapterDeps, PermanentReason, ProviderAdapter, SendOutcome, SendRequest } from "./types";

export { smppConfigSchema, smppCredentialsSchema } from "./smpp-schemas";
export { parseDeliveryReceipt } from "./smpp-receipt";

type Retryable = Extract<SendOutcome, { kind: "retryable" }>;

const NO_WEBHOOK = { ok: false, status: 404, error: "SMPP não usa webhook" } as const;
const RETRY_AFTER_MS = 1000;

// Transient SMSC answers: throttled, queue full, system error, not bound (we rebind), temporary app error.
const RETRYABLE_STATUSES: ReadonlyMap<number, number | undefined> = new Map([
  [0x58, RETRY_AFTER_MS],
  [0x14, RETRY_AFTER_MS],
  [0x08, undefined],
  [0x04, undefined],
  [0x64, undefined],
]);
// Answers that point at the account's settings (source address, TON/NPI, data_coding, service_type).
const MISCONFIGURED_STATUSES = new Set([0x0a, 0x15, 0x48, 0x49, 0x50, 0x51, 0x104]);
const ESME_RINVDSTADR = 0x0b;

const STATUS_NAMES = new Map(Object.entries(smpp.errors).map(([name, code]) => [code, name]));
const hex = (status: number) => `0x${status.toString(16).toUpperCase().padStart(8, "0")}`;
const describe = (status: number) => `${STATUS_NAMES.get(status) ?? "código"} ${hex(status)}`;

export function createSmppAdapter(account: AdapterAccount, deps: AdapterDeps = {}): ProviderAdapter {
  const config = smppConfigSchema.safeParse(account.config ?? {});
  const credentials = smppCredentialsSchema.safeParse(account.credentials ?? {});
  if (!config.success || !credentials.success) {
    const issue = (config.error ?? credentials.error)?.issues[0]?.message ?? "configuração inválida.";
    return misconfiguredAdapter(`Configuração da conta SMPP inválida: ${issue}`);
  }
  const cfg = config.data;
  const source = resolveSource(cfg, account.sender);
  const parts = new PartTracker();
  let udhRef = Math.floor(Math.random() * 256);

  const session = new SmppSession({
    host: cfg.host,
    port: cfg.port,
    tls: cfg.tls,
    systemId: credentials.data.systemId,
    password: credentials.data.password,
    systemType: cfg.systemType ?? "",
    enquireLinkMs: cfg.enquireLinkMs,
    bindTimeoutMs: cfg.bindTimeoutMs,
    reconnectBaseMs: cfg.reconnectBaseMs,
    reconnectMaxMs: cfg.reconnectMaxMs,
    onDeliverSm: handleDeliverSm,
  });

  /**
   * Acked only once the sink has the event: on failure we nack with ESME_RX_T_APPN so the SMSC
   * redelivers rather than a receipt or an opt-out being lost. Nothing to record (no sink, a
   * receipt we cannot map) is acked: redelivery would not change that.
   */
  async function handleDeliverSm(pdu: smpp.PDU): Promise<number> {
    const event = toAsyncEvent(pdu, cfg.receiptUtcOffsetMinutes, parts);
    if (!event || !deps.onAsyncReport) return 0;
    try {
      await deps.onAsyncReport(event);
      return 0;
    } catch (err) {
      logger.warn({ area: "smpp", accountId: account.id, err: errorMessage(err) }, "deliver_sm not recorded; nacked for redelivery");
      return ESME_RX_T_APPN;
    }
  }

  // A submit_sm_resp after our timeout settles the doubt: report the message as sent by our id.
  function reportLateAccept(messageId: string, r: SubmitResponse): void {
    if (r.status !== 0 || !r.messageId || !deps.onAsyncReport) return;
    deps.onAsyncReport({ reports: [{ messageId, providerMessageId: r.messageId, status: "sent" }], inbound: [] }).catch((err: unknown) => {
      logger.warn({ area: "smpp", accountId: account.id, err: errorMessage(err) }, "late submit_sm_resp not recorded");
    });
  }

  async function send(req: SendRequest, signal?: AbortSignal): Promise<SendOutcome> {
    const text = encodeText(req.text, req.encoding);
    const base = {
      source_addr_ton: source.ton,
      source_addr_npi: source.npi,
      source_addr: source.addr,
      dest_addr_ton: cfg.destTon,
      dest_addr_npi: cfg.destNpi,
      destination_addr: destinationAddr(req.to, cfg.destTon),
      registered_delivery: 1,
      data_coding: text.dataCoding,
    };
    let pdus: Record<string, unknown>[];
    if (fitsOnePart(text)) {
      pdus = [{ ...base, short_message: text.bytes }];
    } else if (cfg.longMessages === "payload") {
      pdus = [{ ...base, short_message: Buffer.alloc(0), message_payload: text.bytes }];
    } else {
      const chunks = splitParts(text);
      if (chunks.length > MAX_PARTS) {
        return { kind: "permanent", code: "message_too_long", message: `Texto longo demais para SMPP: ${chunks.length} partes (máximo ${MAX_PARTS}).`, reason: "rejected" };
      }
      udhRef = (udhRef + 1) & 0xff;
      const ref = udhRef;
      pdus = chunks.map((chunk, i) => ({ ...base, esm_class: ESM_CLASS_UDHI, short_message: Buffer.concat([concatUdh(ref, chunks.length, i + 1), chunk]) }));
    }

    const ids: string[] = [];
    for (const [i, params] of pdus.entries()) {
      const result = await session.submit(params, {
        waitMs: cfg.bindTimeoutMs,
        timeoutMs: cfg.submitTimeoutMs,
        signal,
        onLate: pdus.length === 1 ? (r) => reportLateAccept(req.messageId, r) : undefined,
      });
      // Once a part has gone, resending the message would repeat it on the handset.
      const failure = classify(result, cfg, i > 0);
      if (failure) return failure;
      if (result.kind === "response") ids.push(result.messageId);
    }
    if (ids.length > 1) parts.add(ids);
    return { kind: "accepted", providerMessageId: ids[0] ?? "" };
  }

  return {
    kind: "smpp",
    send,
    parseWebhook: async () => NO_WEBHOOK,
    close: () => session.close(),
  };
}

function misconfiguredAdapter(message: string): ProviderAdapter {
  return {
    kind: "smpp",
    send: async () => ({ kind: "permanent", code: "misconfigured", message, reason: "misconfigured" }),
    parseWebhook: async () => NO_WEBHOOK,
    close: async () => {},
  };
}

function resolveSource(cfg: SmppConfig, sender: string | null): { addr: string; ton: number; npi: number } {
  // An empty source_addr is legal: the SMSC then uses the account's default sender.
  const derived = sourceAddress(cfg.sourceAddr ?? sender ?? "");
  return { addr: derived.addr, ton: cfg.sourceTon ?? derived.ton, npi: cfg.sourceNpi ?? derived.npi };
}

/** The outcome of one submit when it is not a success; `partial` once earlier parts were accepted. */
function classify(result: SubmitResult, cfg: SmppConfig, partial: boolean): SendOutcome | null {
  const retryable = (code: string, message: string, maybeAccepted: boolean, retryAfterMs?: number): Retryable => ({
    kind: "retryable",
    code,
    message: partial ? `${message} Partes anteriores já foram aceitas.` : message,
    maybeAccepted: maybeAccepted || partial,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
  const permanent = (code: string, message: string, reason: PermanentReason): SendOutcome => ({ kind: "permanent", code, message, reason });

  if (result.kind === "not_sent") {
    switch (result.reason) {
      case "refused":
        return refusedBind(result.bindStatus ?? 0x0d);
      case "closed":
        return retryable("session_closed", "A sessão SMPP desta conta foi encerrada; nada foi enviado.", false);
      case "aborted":
        return retryable("aborted", "Envio cancelado antes de chegar ao SMSC.", false);
      case "unavailable":
        return retryable("smsc_unavailable", `Sem sessão com o SMSC em ${seconds(cfg.bindTimeoutMs)} (conectando); nada foi enviado.`, false);
    }
  }
  if (result.kind === "unanswered") {
    switch (result.reason) {
      case "timeout":
        return retryable("submit_timeout", `O SMSC não respondeu ao submit_sm em ${seconds(cfg.submitTimeoutMs)} — pode ter sido aceito.`, true);
      case "dropped":
        return retryable("connection_lost", "A conexão com o SMSC caiu depois do envio — pode ter sido aceito.", true);
      case "aborted":
        return retryable("aborted", "Envio interrompido antes da resposta do SMSC — pode ter sido aceito.", true);
    }
  }
  const status = result.status;
  if (status === 0) return null;
  if (RETRYABLE_STATUSES.has(status)) {
    const message =
      status === 0x58
        ? `O SMSC pediu para reduzir o ritmo de envio (${describe(status)}).`
        : status === 0x14
          ? `A fila do SMSC está cheia (${describe(status)}).`
          : `Erro temporário no SMSC (${describe(status)}); a mensagem não foi aceita.`;
    return retryable(hex(status), message, false, RETRYABLE_STATUSES.get(status));
  }
  if (status === ESME_RINVDSTADR) return permanent(hex(status), `Número de destino inválido para o SMSC (${describe(status)}).`, "invalid_number");
  if (REFUSAL_STATUSES.has(status)) return refusedBind(status);
  if (MISCONFIGURED_STATUSES.has(status)) {
    return permanent(hex(status), `O SMSC recusou a mensagem por configuração da conta (remetente, TON/NPI ou codificação: ${describe(status)}).`, "misconfigured");
  }
  return permanent(hex(status), `O SMSC recusou a mensagem (${describe(status)}).`, "rejected");
}

function refusedBind(status: number): SendOutcome {
  if (status === 0x53) {
    return { kind: "permanent", code: hex(status), message: `O SMSC recusou o system_type da conta (${describe(status)}).`, reason: "misconfigured" };
  }
  return { kind: "permanent", code: hex(status), message: `O SMSC recusou o login: system_id ou senha inválidos (${describe(status)}).`, reason: "bad_credentials" };
}

// Only the message: the object may carry the event (numbers, texts) the sink failed to store.
const errorMessage = (err: unknown) => (err instanceof Error ? err.message : String(err));

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`.replace(".", ",");
