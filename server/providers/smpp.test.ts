import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FakeSmsc, type RecordedPdu } from "./fakes/smpp-server";
import { createSmppAdapter } from "./smpp";
import type { AdapterDeps, ProviderAdapter, SendRequest } from "./types";

type AsyncEvent = Parameters<NonNullable<AdapterDeps["onAsyncReport"]>>[0];

const CREDENTIALS = { systemId: "painel", password: "s3nh4" };
const UCS2_TEXT = "Sua fatura vence amanhã";

let fake: FakeSmsc;
const open: ProviderAdapter[] = [];

beforeEach(async () => {
  fake = await FakeSmsc.start(CREDENTIALS);
});

afterEach(async () => {
  await Promise.all(open.splice(0).map((a) => a.close?.()));
  await fake.close();
});

/** Short timers throughout: every wait below is for an event, bounded by these. */
function adapter(config: Record<string, unknown> = {}, deps: AdapterDeps = {}, credentials: Record<string, string> = CREDENTIALS): ProviderAdapter {
  const a = createSmppAdapter(
    {
      id: 7,
      kind: "smpp",
      sender: "29090",
      config: { host: "127.0.0.1", port: "port" in config ? config.port : fake.port, enquireLinkMs: 60_000, submitTimeoutMs: 300, bindTimeoutMs: 1000, reconnectBaseMs: 10, reconnectMaxMs: 100, ...config },
      credentials,
    },
    deps,
  );
  open.push(a);
  return a;
}

function request(over: Partial<SendRequest> = {}): SendRequest {
  return { messageId: "m-1", to: "+5535991234567", text: "Fatura disponivel", encoding: "GSM7", segments: 1, statusCallbackUrl: "http://localhost/unused", ...over };
}

/** Records what reaches onAsyncReport; next() awaits the next event after the call. */
function sink(fail = false) {
  const events: AsyncEvent[] = [];
  const waiting: ((e: AsyncEvent) => void)[] = [];
  const onAsyncReport = vi.fn(async (e: AsyncEvent) => {
    if (fail) throw new Error("banco indisponível");
    events.push(e);
    waiting.shift()?.(e);
  });
  const next = () => new Promise<AsyncEvent>((resolve) => waiting.push(resolve));
  return { events, onAsyncReport, next };
}

const text = (pdu: RecordedPdu, field = "short_message") => (pdu[field] as { message: string }).message;
const udh = (pdu: RecordedPdu) => (pdu.short_message as { udh: Buffer[] }).udh.map((b) => b.toString("hex"));

describe("SMPP adapter: submit_sm", () => {
  it("binds once as transceiver and sends GSM-7 with data_coding 0 to 55DDDNUMBER", async () => {
    const a = adapter();
    const gsm = "Fatura R$ 99,90 vence 10/05. Pix: contato@provedor_net {ok}";
    await expect(a.send(request({ text: gsm }))).resolves.toEqual({ kind: "accepted", providerMessageId: "fake-1" });
    await expect(a.send(request({ messageId: "m-2" }))).resolves.toEqual({ kind: "accepted", providerMessageId: "fake-2" });

    const binds = fake.all("bind_transceiver");
    expect(binds).toHaveLength(1);
    expect(binds[0]).toMatchObject({ system_id: "painel", password: "s3nh4", system_type: "", interface_version: 0x34 });
    const [submit] = fake.all("submit_sm");
    expect(submit).toMatchObject({
      source_addr: "29090",
      source_addr_ton: 0,
      source_addr_npi: 0,
      destination_addr: "5535991234567",
      dest_addr_ton: 1,
      dest_addr_npi: 1,
      esm_class: 0,
      data_coding: 0,
      registered_delivery: 1,
    });
    // Decoded by the package as GSM 03.38: "$", "@", "_" and "{}" have their own codes there.
    expect(text(submit!)).toBe(gsm);
  });

  it("sends Portuguese accents as UCS-2 (data_coding 8) that decode back exactly", async () => {
    const a = adapter({ sourceAddr: "ProvedorX" });
    await expect(a.send(request({ text: UCS2_TEXT, encoding: "UCS2" }))).resolves.toMatchObject({ kind: "accepted" });
    const submit = await fake.waitFor("submit_sm");
    expect(submit).toMatchObject({ data_coding: 8, source_addr: "ProvedorX", source_addr_ton: 5, source_addr_npi: 0 });
    expect(text(submit)).toBe(UCS2_TEXT);
  });

  it("sends a long text whole in message_payload by default", async () => {
    const long = "Prezado cliente, sua fatura de internet esta disponivel. ".repeat(4);
    await expect(adapter().send(request({ text: long, segments: 2 }))).resolves.toEqual({ kind: "accepted", providerMessageId: "fake-1" });
    const submits = fake.all("submit_sm");
    expect(submits).toHaveLength(1);
    expect(submits[0]).toMatchObject({ data_coding: 0, esm_class: 0 });
    expect(text(submits[0]!)).toBe("");
    expect(text(submits[0]!, "message_payload")).toBe(long);
  });

  it("splits a long text into UDH parts, all accepted, and maps every part's receipt to the first id", async () => {
    const { onAsyncReport, events } = sink();
    const a = adapter({ longMessages: "udh" }, { onAsyncReport });
    const long = "Olá! Sua fatura de março vence amanhã; pague pelo Pix. ".repeat(3);
    await expect(a.send(request({ text: long, encoding: "UCS2", segments: 3 }))).resolves.toEqual({ kind: "accepted", providerMessageId: "fake-1" });

    const parts = fake.all("submit_sm");
    expect(parts).toHaveLength(3);
    const ref = udh(parts[0]!)[0]!.slice(4, 6);
    expect(parts.map(udh)).toEqual([1, 2, 3].map((seq) => [`0003${ref}030${seq}`]));
    for (const p of parts) expect(p).toMatchObject({ esm_class: 0x40, data_coding: 8, registered_delivery: 1, destination_addr: "5535991234567" });
    expect(parts.map((p) => text(p)).join("")).toBe(long);

    expect(await fake.deliverReceipt({ id: "fake-2", stat: "DELIVRD" })).toBe(0);
    expect(await fake.deliverReceipt({ id: "fake-3", stat: "UNDELIV", err: "001" })).toBe(0);
    expect(events.map((e) => e.reports[0])).toMatchObject([
      { providerMessageId: "fake-1", status: "sent" },
      { providerMessageId: "fake-1", status: "undelivered", errorCode: "001" },
    ]);
  });

  it("is maybe-accepted when a later part fails after earlier parts went", async () => {
    fake.onSubmit = (_pdu, n) => (n === 2 ? { kind: "status", status: 0x58 } : { kind: "ok" });
    const outcome = await adapter({ longMessages: "udh" }).send(request({ text: "a".repeat(200), segments: 2 }));
    expect(outcome).toMatchObject({ kind: "retryable", code: "0x00000058", maybeAccepted: true });
  });

  it("classifies throttling and a full queue as retryable, never maybe-accepted", async () => {
    const a = adapter();
    fake.onSubmit = () => ({ kind: "status", status: 0x58 });
    await expect(a.send(request())).resolves.toEqual({
      kind: "retryable",
      code: "0x00000058",
      message: "O SMSC pediu para reduzir o ritmo de envio (ESME_RTHROTTLED 0x00000058).",
      retryAfterMs: 1000,
      maybeAccepted: false,
    });
    fake.onSubmit = () => ({ kind: "status", status: 0x14 });
    await expect(a.send(request())).resolves.toMatchObject({ kind: "retryable", code: "0x00000014", retryAfterMs: 1000, maybeAccepted: false });
  });

  it("classifies an invalid destination as invalid_number and other errors as rejected with the hex code", async () => {
    const a = adapter();
    fake.onSubmit = () => ({ kind: "status", status: 0x0b });
    await expect(a.send(request())).resolves.toMatchObject({ kind: "permanent", code: "0x0000000B", reason: "invalid_number" });
    fake.onSubmit = () => ({ kind: "status", status: 0x45 });
    await expect(a.send(request())).resolves.toEqual({
      kind: "permanent",
      code: "0x00000045",
      message: "O SMSC recusou a mensagem (ESME_RSUBMITFAIL 0x00000045).",
      reason: "rejected",
    });
    fake.onSubmit = () => ({ kind: "status", status: 0x0a });
    await expect(a.send(request())).resolves.toMatchObject({ kind: "permanent", reason: "misconfigured" });
  });

  it("fails a refused login as bad_credentials, without the password, and does not rebind at once", async () => {
    const a = adapter({ reconnectMaxMs: 60_000 }, {}, { systemId: "painel", password: "errada" });
    const outcome = await a.send(request());
    expect(outcome).toMatchObject({ kind: "permanent", code: "0x0000000E", reason: "bad_credentials" });
    expect(JSON.stringify(outcome)).not.toContain("errada");
    // Until the (long) backoff ends, sends fail at once instead of binding again.
    await expect(a.send(request())).resolves.toMatchObject({ kind: "permanent", reason: "bad_credentials" });
    expect(fake.all("bind_transceiver")).toHaveLength(1);
    expect(fake.all("submit_sm")).toHaveLength(0);
  });

  it("is maybe-accepted when no submit_sm_resp comes in time, and reports a late acceptance by our id", async () => {
    const { onAsyncReport, next } = sink();
    const a = adapter({ submitTimeoutMs: 50 }, { onAsyncReport });
    fake.onSubmit = () => ({ kind: "silent" });
    await expect(a.send(request())).resolves.toMatchObject({ kind: "retryable", code: "submit_timeout", maybeAccepted: true });

    fake.onSubmit = () => ({ kind: "ok", messageId: "late-9", delayMs: 150 });
    const late = next();
    await expect(a.send(request({ messageId: "m-late" }))).resolves.toMatchObject({ kind: "retryable", maybeAccepted: true });
    await expect(late).resolves.toEqual({ reports: [{ messageId: "m-late", providerMessageId: "late-9", status: "sent" }], inbound: [] });
  });

  it("is maybe-accepted when the connection drops after submit, then rebinds and the next send works", async () => {
    const a = adapter();
    fake.onSubmit = () => ({ kind: "drop" });
    await expect(a.send(request())).resolves.toMatchObject({ kind: "retryable", code: "connection_lost", maybeAccepted: true });
    fake.onSubmit = () => ({ kind: "ok", messageId: "after-drop" });
    await expect(a.send(request())).resolves.toEqual({ kind: "accepted", providerMessageId: "after-drop" });
    expect(fake.all("bind_transceiver")).toHaveLength(2);
  });

  it("honours an abort: before writing nothing was sent, after writing it may have been", async () => {
    const a = adapter();
    await expect(a.send(request(), AbortSignal.abort())).resolves.toMatchObject({ kind: "retryable", code: "aborted", maybeAccepted: false });
    fake.onSubmit = () => ({ kind: "silent" });
    const controller = new AbortController();
    const pending = a.send(request(), controller.signal);
    await fake.waitFor("submit_sm");
    controller.abort();
    await expect(pending).resolves.toMatchObject({ kind: "retryable", code: "aborted", maybeAccepted: true });
  });
});

describe("SMPP adapter: the bound session", () => {
  it("reconnects after a drop on its own, and a send issued meanwhile waits for the bind", async () => {
    const a = adapter();
    await a.send(request());
    fake.holdBinds = true;
    fake.dropConnections();
    await fake.waitFor("bind_transceiver", 2);
    const pending = a.send(request({ messageId: "m-2" }));
    fake.releaseBinds();
    await expect(pending).resolves.toEqual({ kind: "accepted", providerMessageId: "fake-2" });
    expect(fake.all("bind_transceiver")).toHaveLength(2);
    expect(fake.all("submit_sm")).toHaveLength(2);
  });

  it("keeps the link with enquire_link and rebinds when the SMSC stops answering it", async () => {
    const a = adapter({ enquireLinkMs: 20 });
    await a.send(request());
    await fake.waitFor("enquire_link", 3);
    expect(fake.all("bind_transceiver")).toHaveLength(1);
    fake.answerEnquireLink = false;
    await fake.waitFor("bind_transceiver", 2);
  });

  it("answers an unbind from the SMSC and binds again", async () => {
    const a = adapter();
    await a.send(request());
    fake.unbindClients();
    await fake.waitFor("unbind_resp");
    await fake.waitFor("bind_transceiver", 2);
    await expect(a.send(request())).resolves.toMatchObject({ kind: "accepted" });
  });

  it("gives up with nothing sent when no SMSC answers within the bind wait", async () => {
    const port = fake.port;
    await fake.close();
    const outcome = await adapter({ port, bindTimeoutMs: 100 }).send(request());
    expect(outcome).toMatchObject({ kind: "retryable", code: "smsc_unavailable", maybeAccepted: false });
  });

  it("close() unbinds, stops reconnecting and leaves no socket or timer behind", async () => {
    const before = handles();
    const a = adapter({ enquireLinkMs: 20 });
    await a.send(request());
    await fake.waitFor("enquire_link");
    await a.close?.();
    expect(fake.all("unbind")).toHaveLength(1);
    await expect(a.send(request())).resolves.toMatchObject({ kind: "retryable", code: "session_closed", maybeAccepted: false });
    await vi.waitFor(() => expect(fake.connections).toBe(0));
    const after = handles();
    expect(after.TCPSocketWrap).toBeUndefined();
    expect(after.Timeout ?? 0).toBeLessThanOrEqual(before.Timeout ?? 0);
    // Absence of a reconnect cannot be awaited: give it several reconnect periods.
    await new Promise((r) => setTimeout(r, 150));
    expect(fake.all("bind_transceiver")).toHaveLength(1);
  });

  it("has no webhook and reports a broken configuration as misconfigured", async () => {
    const a = adapter();
    await expect(a.parseWebhook({ url: "http://x", method: "POST", headers: new Headers(), rawBody: "" })).resolves.toEqual({ ok: false, status: 404, error: "SMPP não usa webhook" });
    const broken = createSmppAdapter({ id: 1, kind: "smpp", sender: null, config: {}, credentials: {} });
    await expect(broken.send(request())).resolves.toEqual({
      kind: "permanent",
      code: "misconfigured",
      message: "Configuração da conta SMPP inválida: Informe o endereço do servidor SMPP.",
      reason: "misconfigured",
    });
  });
});

describe("SMPP adapter: deliver_sm", () => {
  it("maps DELIVRD and UNDELIV receipts and acks after the sink took them", async () => {
    const { onAsyncReport, events } = sink();
    const a = adapter({}, { onAsyncReport });
    await a.send(request());
    expect(await fake.deliverReceipt({ id: "fake-1", stat: "DELIVRD", doneDate: new Date("2025-03-10T17:33:00Z") })).toBe(0);
    expect(await fake.deliverReceipt({ id: "id_com-underscore", stat: "UNDELIV", err: "0B1" })).toBe(0);
    expect(events).toEqual([
      { reports: [{ providerMessageId: "fake-1", status: "delivered", occurredAt: new Date("2025-03-10T17:33:00Z") }], inbound: [] },
      { reports: [{ providerMessageId: "id_com-underscore", status: "undelivered", errorCode: "0B1", errorMessage: "Recibo do SMSC: UNDELIV (err 0B1)." }], inbound: [] },
    ]);
    const acks = fake.all("deliver_sm_resp");
    expect(acks.map((p) => p.command_status)).toEqual([0, 0]);
  });

  it("prefers the receipted_message_id and message_state TLVs", async () => {
    const { onAsyncReport, events } = sink();
    const a = adapter({}, { onAsyncReport });
    await a.send(request());
    await fake.deliverReceipt({ id: "texto-id", stat: "DELIVRD" }, { receipted_message_id: "tlv-id", message_state: 8 });
    expect(events[0]?.reports).toMatchObject([{ providerMessageId: "tlv-id", status: "failed" }]);
  });

  it("nacks with ESME_RX_T_APPN when the sink fails, so the SMSC redelivers", async () => {
    const { onAsyncReport } = sink(true);
    const a = adapter({}, { onAsyncReport });
    await a.send(request());
    expect(await fake.deliverReceipt({ id: "fake-1", stat: "DELIVRD" })).toBe(0x64);
    expect(onAsyncReport).toHaveBeenCalledTimes(1);
  });

  it("acks what it cannot record rather than have it redelivered forever", async () => {
    const { onAsyncReport } = sink();
    const a = adapter({}, { onAsyncReport });
    await a.send(request());
    expect(await fake.deliverReceipt({ id: "fake-1", stat: "BOGUS" })).toBe(0);
    expect(onAsyncReport).not.toHaveBeenCalled();
  });

  it("passes inbound messages on, GSM and UCS-2, with the sender in E.164", async () => {
    const { onAsyncReport, events } = sink();
    const a = adapter({}, { onAsyncReport });
    await a.send(request());
    expect(await fake.deliverMo({ from: "5535991234567", to: "29090", text: "PARE", dataCoding: 0 })).toBe(0);
    expect(await fake.deliverMo({ from: "35988887777", fromTon: 2, to: "29090", text: "Não quero mais, obrigado", dataCoding: 8 })).toBe(0);
    expect(events).toEqual([
      { reports: [], inbound: [{ from: "+5535991234567", to: "29090", text: "PARE" }] },
      { reports: [], inbound: [{ from: "+5535988887777", to: "29090", text: "Não quero mais, obrigado" }] },
    ]);
  });
});

/** Open sockets and timers of this process, by kind. */
function handles(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) {
    if (kind === "TCPSocketWrap" || kind === "TCPServerWrap" || kind === "Timeout") counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}
