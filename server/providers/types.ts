/**
 * The one interface every SMS provider adapter implements. Adapters speak the provider's real
 * contract (../shared/reference/providers.md) and classify every outcome; they never touch the
 * database — the ledger (server/services/sms) records what they return.
 */
import type { ProviderKind, SmsEncoding } from "@/db/schema/constants";

export type SendRequest = {
  /** Our message id: sent as the provider's reference (externalId, messageId, refer…) where it has one. */
  messageId: string;
  /** Recipient in E.164, e.g. +5535991234567. */
  to: string;
  text: string;
  encoding: SmsEncoding;
  segments: number;
  /** Absolute URL of our webhook for this account (delivery reports), already carrying its secret. */
  statusCallbackUrl: string;
};

/** Why a send can never succeed as it is; the ledger shows it to the operator. */
export type PermanentReason = "invalid_number" | "landline" | "opted_out" | "bad_credentials" | "rejected" | "misconfigured";

export type SendOutcome =
  | { kind: "accepted"; providerMessageId: string }
  | {
      kind: "retryable";
      code: string;
      /** In Portuguese, for the operator. */
      message: string;
      /** The delay the provider asked for (Retry-After), if any. */
      retryAfterMs?: number;
      /**
       * True when the provider may have accepted the message (a timeout after the request was
       * sent, a 5xx after processing): resending blindly could send twice.
       */
      maybeAccepted: boolean;
    }
  | { kind: "permanent"; code: string; message: string; reason: PermanentReason };

/** Our status model for provider reports (providers.md, "One status model for all"). */
export type ReportedStatus = "sent" | "delivered" | "undelivered" | "failed" | "blocked";

export type StatusReport = {
  providerMessageId?: string;
  /** Our message id when the provider echoes it (externalId, messageId, callbackData, URL). */
  messageId?: string;
  status: ReportedStatus;
  errorCode?: string;
  errorMessage?: string;
  occurredAt?: Date;
};

export type InboundMessage = { from: string; to?: string; text: string; providerMessageId?: string; receivedAt?: Date };

/** A webhook request as the route received it; the raw body is kept for signatures. */
export type WebhookRequest = { url: string; method: string; headers: Headers; rawBody: string };

export type WebhookResult =
  | { ok: false; status: number; error: string }
  | {
      ok: true;
      reports: StatusReport[];
      inbound: InboundMessage[];
      /** What to answer the provider (Twilio wants TwiML for inbound); default 200 empty. */
      response?: { status: number; contentType: string; body: string };
    };

export interface ProviderAdapter {
  readonly kind: ProviderKind;
  send(req: SendRequest, signal?: AbortSignal): Promise<SendOutcome>;
  /** Reconciliation: the fate of a message by our own id, where the provider can be asked. */
  lookup?(messageId: string, signal?: AbortSignal): Promise<StatusReport | null>;
  /**
   * Parses (and, where the provider signs, verifies) a webhook. The route has already checked the
   * per-account secret in the URL for providers that do not sign.
   */
  parseWebhook(req: WebhookRequest): Promise<WebhookResult>;
  /** Releases persistent resources (SMPP sessions). */
  close?(): Promise<void>;
}

/** What the adapter factory receives for one account; credentials are already decrypted. */
export type AdapterAccount = {
  id: number;
  kind: ProviderKind;
  sender: string | null;
  /** Non-secret settings per kind (base URL, templates…). */
  config: Record<string, unknown>;
  /** Secret settings per kind (tokens, passwords): never logged, never sent to the browser. */
  credentials: Record<string, string>;
  /** The secret of this account's webhook URL (it travels in callback URLs): redacted like a credential. */
  webhookSecret?: string;
};

export type AdapterDeps = {
  fetch?: typeof fetch;
  /**
   * Sink for reports that arrive outside HTTP webhooks (SMPP deliver_sm receipts and inbound
   * messages on the bound session). The ledger records them like webhook reports.
   */
  onAsyncReport?: (event: { reports: StatusReport[]; inbound: InboundMessage[] }) => Promise<void>;
  /** Per-request timeout; a timeout after the request left is a maybe-accepted retryable outcome. */
  timeoutMs?: number;
};
