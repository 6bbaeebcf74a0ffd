/**
 * One persistent bind_transceiver session to an SMSC: bound lazily, kept alive with enquire_link,
 * rebound after any drop with exponential backoff. It knows PDUs, not messages or statuses.
 */
import smpp from "smpp";

export type SessionSettings = {
  host: string;
  port: number;
  tls: boolean;
  systemId: string;
  password: string;
  systemType: string;
  enquireLinkMs: number;
  bindTimeoutMs: number;
  reconnectBaseMs: number;
  reconnectMaxMs: number;
  /** Handles an SMSC deliver_sm; resolves to the deliver_sm_resp command_status (0 acks). */
  onDeliverSm: (pdu: smpp.PDU) => Promise<number>;
  random?: () => number;
};

export type SubmitResponse = { kind: "response"; status: number; messageId: string };

export type SubmitResult =
  | SubmitResponse
  /** Nothing was written: the SMSC cannot have the message. */
  | { kind: "not_sent"; reason: "unavailable" | "refused" | "closed" | "aborted"; bindStatus?: number }
  /** Written without an answer: the SMSC may have accepted it. */
  | { kind: "unanswered"; reason: "timeout" | "dropped" | "aborted" };

export type SubmitOptions = {
  /** How long to wait for a bound session before giving up with nothing sent. */
  waitMs: number;
  timeoutMs: number;
  signal?: AbortSignal;
  /** A response that arrived after the caller was already answered (timeout or abort). */
  onLate?: (response: SubmitResponse) => void;
};

export const ESME_RINVBNDSTS = 0x04;
export const ESME_RINVCMDID = 0x03;
export const ESME_RX_T_APPN = 0x64;
/** Bind refusals that retrying soon cannot fix: system_id, password, bind failed, system_type. */
export const REFUSAL_STATUSES: ReadonlySet<number> = new Set([0x0d, 0x0e, 0x0f, 0x53]);

// Requests the SMSC may send that we answer ourselves or that take no response.
const HANDLED = new Set(["deliver_sm", "enquire_link", "unbind", "alert_notification", "outbind"]);

type State = "idle" | "connecting" | "bound" | "backoff" | "closed";

export class SmppSession {
  private state: State = "idle";
  private conn: smpp.Session | undefined;
  private attempt = 0;
  /** Set by a bind refusal (REFUSAL_STATUSES) until a bind succeeds: sends fail at once meanwhile. */
  private refusal: number | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private bindTimer: NodeJS.Timeout | undefined;
  private enquireTimer: NodeJS.Timeout | undefined;
  private enquirePending = false;
  private readonly waiters = new Set<() => void>();
  private readonly inFlight = new Map<number, () => void>();
  private closing: Promise<void> | undefined;

  constructor(private readonly s: SessionSettings) {}

  async submit(params: Record<string, unknown>, opts: SubmitOptions): Promise<SubmitResult> {
    const ready = await this.whenBound(opts.waitMs, opts.signal);
    const conn = this.conn;
    if (ready !== "bound" || !conn) {
      return ready === "refused" ? { kind: "not_sent", reason: ready, bindStatus: this.refusal } : { kind: "not_sent", reason: ready === "bound" ? "unavailable" : ready };
    }
    return new Promise<SubmitResult>((resolve) => {
      const pdu = new smpp.PDU("submit_sm", params);
      let settled = false;
      const settle = (r: SubmitResult): boolean => {
        if (settled) return false;
        settled = true;
        clearTimeout(timer);
        opts.signal?.removeEventListener("abort", onAbort);
        this.inFlight.delete(pdu.sequence_number);
        resolve(r);
        return true;
      };
      const onAbort = () => settle({ kind: "unanswered", reason: "aborted" });
      const timer = setTimeout(() => settle({ kind: "unanswered", reason: "timeout" }), opts.timeoutMs);
      const written = conn.send(pdu, (resp) => {
        const r: SubmitResponse = { kind: "response", status: resp.command_status, messageId: resp.message_id ?? "" };
        if (!settle(r)) opts.onLate?.(r);
        // The SMSC no longer sees us bound: rebind rather than fail every following send.
        if (resp.command_status === ESME_RINVBNDSTS) this.drop(conn);
      });
      if (!written) {
        settle({ kind: "not_sent", reason: "unavailable" });
        this.drop(conn);
        return;
      }
      this.inFlight.set(pdu.sequence_number, () => settle({ kind: "unanswered", reason: "dropped" }));
      opts.signal?.addEventListener("abort", onAbort, { once: true });
    });
  }

  /** Unbinds (waiting briefly for unbind_resp), closes the socket and stops reconnecting. */
  close(): Promise<void> {
    if (this.closing) return this.closing;
    const wasBound = this.state === "bound";
    this.state = "closed";
    clearTimeout(this.reconnectTimer);
    this.notify();
    const conn = this.conn;
    if (!conn) return (this.closing = Promise.resolve());
    this.closing = new Promise<void>((resolve) => {
      conn.socket.once("close", () => resolve());
      if (!wasBound) return this.drop(conn);
      const timer = setTimeout(() => this.drop(conn), Math.min(this.s.bindTimeoutMs, 2000));
      const sent = conn.unbind({}, () => {
        clearTimeout(timer);
        this.drop(conn, { end: true });
      });
      if (!sent) {
        clearTimeout(timer);
        this.drop(conn);
      }
    });
    return this.closing;
  }

  private async whenBound(waitMs: number, signal?: AbortSignal): Promise<"bound" | "unavailable" | "refused" | "closed" | "aborted"> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      if (signal?.aborted) return "aborted";
      if (this.state === "closed") return "closed";
      if (this.state === "bound") return "bound";
      if (this.state === "backoff" && this.refusal !== undefined) return "refused";
      if (this.state === "idle") this.connect();
      const left = deadline - Date.now();
      if (left <= 0) return "unavailable";
      await this.nextChange(left, signal);
    }
  }

  private nextChange(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        signal?.removeEventListener("abort", done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiters.add(done);
      signal?.addEventListener("abort", done, { once: true });
    });
  }

  private notify(): void {
    for (const wake of [...this.waiters]) wake();
  }

  private connect(): void {
    this.state = "connecting";
    const conn = smpp.connect({ host: this.s.host, port: this.s.port, tls: this.s.tls });
    this.conn = conn;
    // 'close' always follows 'error'; either one ends this connection.
    conn.on("error", () => this.drop(conn));
    conn.on("close", () => this.drop(conn));
    conn.on(this.s.tls ? "secureConnect" : "connect", () => this.bind(conn));
    conn.on("enquire_link", (pdu: smpp.PDU) => conn.send(pdu.response()));
    conn.on("unbind", (pdu: smpp.PDU) => this.drop(conn, { farewell: pdu.response(), end: true }));
    conn.on("deliver_sm", (pdu: smpp.PDU) => void this.deliver(conn, pdu));
    conn.on("pdu", (pdu: smpp.PDU) => this.refuseUnsupported(conn, pdu));
    this.bindTimer = setTimeout(() => this.drop(conn), this.s.bindTimeoutMs);
  }

  private bind(conn: smpp.Session): void {
    const params = { system_id: this.s.systemId, password: this.s.password, system_type: this.s.systemType, interface_version: 0x34 };
    const sent = conn.bind_transceiver(params, (pdu) => {
      if (conn !== this.conn || this.state !== "connecting") return;
      if (pdu.command_status !== 0) return this.drop(conn, { bindStatus: pdu.command_status });
      clearTimeout(this.bindTimer);
      this.state = "bound";
      this.attempt = 0;
      this.refusal = undefined;
      this.keepAlive(conn);
      this.notify();
    });
    if (!sent) this.drop(conn);
  }

  private keepAlive(conn: smpp.Session): void {
    this.enquireTimer = setInterval(() => {
      // The previous enquire_link went a whole period unanswered: the link is dead even if TCP is not.
      if (this.enquirePending) return this.drop(conn);
      this.enquirePending = true;
      const sent = conn.enquire_link({}, () => {
        if (conn === this.conn) this.enquirePending = false;
      });
      if (!sent) this.drop(conn);
    }, this.s.enquireLinkMs);
  }

  private async deliver(conn: smpp.Session, pdu: smpp.PDU): Promise<void> {
    let status: number;
    try {
      status = await this.s.onDeliverSm(pdu);
    } catch {
      status = ESME_RX_T_APPN;
    }
    // Unanswered on a dropped link: the SMSC redelivers it after we rebind.
    if (conn === this.conn) conn.send(pdu.response(status ? { command_status: status } : {}));
  }

  private refuseUnsupported(conn: smpp.Session, pdu: smpp.PDU): void {
    if (pdu.isResponse() || HANDLED.has(pdu.command)) return;
    try {
      conn.send(pdu.response({ command_status: ESME_RINVCMDID }));
    } catch {
      // A command the package cannot build a response for: nothing to answer with.
    }
  }

  /** Ends this connection (once) and, unless closed, schedules the next bind. */
  private drop(conn: smpp.Session, how: { bindStatus?: number; farewell?: smpp.PDU; end?: boolean } = {}): void {
    if (conn !== this.conn) return;
    this.conn = undefined;
    clearTimeout(this.bindTimer);
    clearInterval(this.enquireTimer);
    this.enquirePending = false;
    conn.removeAllListeners();
    // Late socket errors on a connection we let go must not become unhandled 'error' events.
    conn.on("error", () => {});
    if (how.farewell) conn.send(how.farewell);
    if (how.end) {
      conn.socket.end();
      const force = setTimeout(() => conn.destroy(), 1000);
      conn.socket.once("close", () => clearTimeout(force));
    } else {
      conn.destroy();
    }
    for (const fail of [...this.inFlight.values()]) fail();
    this.inFlight.clear();
    if (this.state !== "closed") this.scheduleReconnect(how.bindStatus);
    this.notify();
  }

  private scheduleReconnect(bindStatus: number | undefined): void {
    this.refusal = bindStatus !== undefined && REFUSAL_STATUSES.has(bindStatus) ? bindStatus : undefined;
    // A refused login is retried only at the longest interval: a wrong password must not storm the SMSC.
    const base = this.refusal !== undefined ? this.s.reconnectMaxMs : Math.min(this.s.reconnectMaxMs, this.s.reconnectBaseMs * 2 ** this.attempt);
    this.attempt = Math.min(this.attempt + 1, 30);
    // "Equal jitter": never below half the step, so many panels restarting together spread out.
    const delay = base / 2 + (base / 2) * (this.s.random ?? Math.random)();
    this.state = "backoff";
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      if (this.state === "backoff") this.connect();
    }, delay);
  }
}
