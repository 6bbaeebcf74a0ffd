/**
 * A scriptable SMSC for tests, on the smpp package's own server (127.0.0.1, ephemeral port). It
 * records every PDU it receives, decoded by the package as a real SMSC would see it.
 */
import smpp from "smpp";
import { type DeliveryReceipt, formatDeliveryReceipt } from "../smpp-receipt";

export type RecordedPdu = { command: string; command_status: number; [field: string]: unknown };

export type SubmitAnswer =
  | { kind: "ok"; messageId?: string; delayMs?: number }
  | { kind: "status"; status: number }
  /** Never answers (submit timeout). */
  | { kind: "silent" }
  /** Drops the connection instead of answering. */
  | { kind: "drop" };

type Waiter = { command: string; count: number; resolve: (pdu: RecordedPdu) => void };

const WAIT_LIMIT_MS = 5000;
const ESME_RINVPASWD = 0x0e;
const ESME_RINVSYSID = 0x0f;

export class FakeSmsc {
  readonly received: RecordedPdu[] = [];
  /** command_status for a bind; by default the configured credentials are checked. */
  bindStatus: (pdu: RecordedPdu) => number;
  answerEnquireLink = true;
  /** While true, binds are recorded but left unanswered until releaseBinds(). */
  holdBinds = false;
  onSubmit: (pdu: RecordedPdu, n: number) => SubmitAnswer = () => ({ kind: "ok" });

  private nextId = 1;
  private readonly bound = new Set<smpp.Session>();
  private waiters: Waiter[] = [];
  private held: (() => void)[] = [];

  private constructor(
    private readonly server: smpp.Server,
    credentials: { systemId: string; password: string },
  ) {
    this.bindStatus = (pdu) =>
      pdu.system_id !== credentials.systemId ? ESME_RINVSYSID : pdu.password !== credentials.password ? ESME_RINVPASWD : 0;
    server.on("session", (session: smpp.Session) => this.attach(session));
  }

  static async start(credentials = { systemId: "painel", password: "s3nh4" }): Promise<FakeSmsc> {
    const server = smpp.createServer();
    const fake = new FakeSmsc(server, credentials);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return fake;
  }

  get port(): number {
    const address = this.server.address();
    if (!address || typeof address === "string") throw new Error("fake SMSC is not listening");
    return address.port;
  }

  /** Connections currently open (bound or not). */
  get connections(): number {
    return this.server.sessions.length;
  }

  all(command: string): RecordedPdu[] {
    return this.received.filter((p) => p.command === command);
  }

  /** Resolves with the `count`-th PDU of this command (already received or still to come). */
  waitFor(command: string, count = 1): Promise<RecordedPdu> {
    const have = this.all(command);
    if (have.length >= count) return Promise.resolve(have[count - 1]!);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`fake SMSC: no ${command} #${count} within ${WAIT_LIMIT_MS} ms`)), WAIT_LIMIT_MS);
      this.waiters.push({
        command,
        count,
        resolve: (pdu) => {
          clearTimeout(timer);
          resolve(pdu);
        },
      });
    });
  }

  /** Sends a deliver_sm on the latest bound session; resolves with the deliver_sm_resp command_status. */
  deliver(options: Record<string, unknown>): Promise<number> {
    const session = [...this.bound].at(-1);
    if (!session) return Promise.reject(new Error("fake SMSC: no bound session"));
    return new Promise((resolve) => session.deliver_sm(options, (resp) => resolve(resp.command_status)));
  }

  /** A receipt as most SMSCs send it: the text in short_message (ASCII, data_coding 0), esm_class 0x04. */
  deliverReceipt(receipt: Partial<DeliveryReceipt> & Pick<DeliveryReceipt, "id" | "stat">, tlvs: Record<string, unknown> = {}): Promise<number> {
    return this.deliver({
      source_addr_ton: 1,
      source_addr_npi: 1,
      source_addr: "5535991234567",
      destination_addr: "29090",
      esm_class: 0x04,
      data_coding: 0,
      short_message: Buffer.from(formatDeliveryReceipt(receipt), "latin1"),
      ...tlvs,
    });
  }

  /** An inbound (MO) message; the package encodes the text by data_coding (0 GSM, 8 UCS-2). */
  deliverMo(mo: { from: string; to: string; text: string; dataCoding: 0 | 8; fromTon?: number }): Promise<number> {
    return this.deliver({
      source_addr_ton: mo.fromTon ?? 1,
      source_addr_npi: 1,
      source_addr: mo.from,
      destination_addr: mo.to,
      esm_class: 0,
      data_coding: mo.dataCoding,
      short_message: mo.text,
    });
  }

  /** Answers the binds held while holdBinds was true. */
  releaseBinds(): void {
    this.holdBinds = false;
    for (const answer of this.held.splice(0)) answer();
  }

  /** Cuts every connection without unbinding, as a network failure would. */
  dropConnections(): void {
    for (const session of [...this.server.sessions]) session.destroy();
  }

  /** Unbinds every bound client, as an SMSC going down for maintenance does. */
  unbindClients(): void {
    for (const session of this.bound) session.unbind({});
  }

  close(): Promise<void> {
    this.dropConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private attach(session: smpp.Session): void {
    // A client resetting the connection is an expected event here.
    session.on("error", () => {});
    session.on("close", () => this.bound.delete(session));
    session.on("pdu", (pdu: smpp.PDU) => this.record(pdu));
    session.on("bind_transceiver", (pdu: smpp.PDU) => {
      if (this.holdBinds) {
        this.held.push(() => this.answerBind(session, pdu));
        return;
      }
      this.answerBind(session, pdu);
    });
    session.on("enquire_link", (pdu: smpp.PDU) => {
      if (this.answerEnquireLink) session.send(pdu.response());
    });
    session.on("unbind", (pdu: smpp.PDU) => {
      this.bound.delete(session);
      session.send(pdu.response());
      session.close();
    });
    session.on("unbind_resp", () => session.close());
    session.on("submit_sm", (pdu: smpp.PDU) => this.answerSubmit(session, pdu));
  }

  private answerBind(session: smpp.Session, pdu: smpp.PDU): void {
    const status = this.bindStatus(snapshot(pdu));
    if (status) {
      session.send(pdu.response({ command_status: status }));
      session.close();
      return;
    }
    session.send(pdu.response({ system_id: "fake-smsc" }));
    this.bound.add(session);
  }

  private answerSubmit(session: smpp.Session, pdu: smpp.PDU): void {
    const answer = this.onSubmit(snapshot(pdu), this.all("submit_sm").length);
    switch (answer.kind) {
      case "ok": {
        const resp = pdu.response({ message_id: answer.messageId ?? `fake-${this.nextId++}` });
        if (answer.delayMs) setTimeout(() => session.send(resp), answer.delayMs);
        else session.send(resp);
        return;
      }
      case "status":
        session.send(pdu.response({ command_status: answer.status }));
        return;
      case "silent":
        return;
      case "drop":
        session.destroy();
        return;
    }
  }

  private record(pdu: smpp.PDU): void {
    const recorded = snapshot(pdu);
    this.received.push(recorded);
    const count = this.all(recorded.command).length;
    const ready = this.waiters.filter((w) => w.command === recorded.command && w.count <= count);
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve(this.all(w.command)[w.count - 1]!);
  }
}

function snapshot(pdu: smpp.PDU): RecordedPdu {
  return { ...pdu };
}
