// The outbox against an in-memory IndexedDB (fake-indexeddb): what is kept, what is sent, what
// waits, what fails, and that a fresh module (an app restarted offline) finds everything again.
import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { SendIndividualInput, SendOutcomeOutput } from "@/server/services/sms/schemas";

type OutboxModule = typeof import("./outbox");
type SubmitModule = typeof import("./submit");

const USER = "user-1";

function input(overrides: Partial<SendIndividualInput> = {}): SendIndividualInput {
  return {
    customerId: 7,
    motivo: "Aviso de manutenção",
    ddd: "35",
    number: "99123-4567",
    message: "Olá {primeiro_nome}, haverá manutenção hoje às 14h.",
    confirmed: true,
    idempotencyKey: crypto.randomUUID(),
    ...overrides,
  };
}

const outcome = (id: number): SendOutcomeOutput => ({
  id,
  status: "sent",
  phone: "(35) 99123-4567",
  body: "x",
  encoding: "GSM7",
  segments: 1,
  errorMessage: null,
  replayed: false,
});

// What tRPC throws: a fetch failure has no `data`; a server refusal carries code and HTTP status.
const networkError = () => Object.assign(new Error("Failed to fetch"), { cause: new TypeError("Failed to fetch") });
const serverError = (code: string, httpStatus: number, message: string) => Object.assign(new Error(message), { data: { code, httpStatus } });

let outbox: OutboxModule;
let submit: SubmitModule;

async function freshModules() {
  vi.resetModules();
  outbox = await import("./outbox");
  submit = await import("./submit");
}

beforeEach(async () => {
  const { IDBFactory } = await import("fake-indexeddb");
  vi.stubGlobal("indexedDB", new IDBFactory());
  await freshModules();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("submitIndividualSms", () => {
  it("sends at once when online and keeps nothing", async () => {
    const send = vi.fn(async () => outcome(1));
    const res = await submit.submitIndividualSms(input(), send, { userId: USER });
    expect(res).toMatchObject({ status: "sent", outcome: { id: 1 } });
    expect(await outbox.listOutbox(USER)).toEqual([]);
  });

  it("refuses invalid input on the device with the server's messages, and queues nothing", async () => {
    const send = vi.fn(async () => outcome(1));
    const cases: [Partial<SendIndividualInput>, string, string][] = [
      [{ confirmed: false as unknown as true }, "confirmed", "Marque a confirmação para enviar."],
      [{ number: "3722-1234", ddd: "35" }, "number", "Número fixo não recebe SMS. Informe um celular."],
      [{ ddd: "20" }, "ddd", "DDD 20 não existe."],
      [{ message: "Olá {nom}" }, "message", "Variável desconhecida: {nom}. Use {nome}, {primeiro_nome}, {codigo}, {plano} ou {cidade}."],
      [{ message: "a".repeat(161) }, "message", "A mensagem passa de 160 caracteres (1 SMS): tem 161."],
    ];
    for (const [bad, field, message] of cases) {
      const res = await submit.submitIndividualSms(input(bad), send, { userId: USER });
      expect(res).toMatchObject({ status: "invalid", fieldErrors: { [field]: message } });
    }
    expect(send).not.toHaveBeenCalled();
    expect(await outbox.listOutbox(USER)).toEqual([]);
  });

  it("checks the length of the message as rendered for the customer", async () => {
    const send = vi.fn(async () => outcome(1));
    const message = `{nome} ${"a".repeat(140)}`;
    const long = { nome: "A".repeat(30), primeiro_nome: "A", codigo: "1", plano: "", cidade: "" };
    expect(await submit.submitIndividualSms(input({ message }), send, { userId: USER, context: long })).toMatchObject({ status: "invalid" });
    expect(await submit.submitIndividualSms(input({ message }), send, { userId: USER, context: { ...long, nome: "Ana" } })).toMatchObject({ status: "sent" });
  });

  it("queues the message when the request cannot reach the server, with the same key", async () => {
    const i = input();
    const res = await submit.submitIndividualSms(i, async () => Promise.reject(networkError()), { userId: USER, customerName: "MARIA" });
    expect(res).toMatchObject({ status: "queued", item: { id: i.idempotencyKey, status: "pending", display: { phone: "(35) 99123-4567", customerName: "MARIA" } } });
    const [item] = await outbox.listOutbox(USER);
    expect(item?.input).toEqual(i);
  });

  it("queues without trying when the device knows it is offline", async () => {
    vi.stubGlobal("navigator", { onLine: false });
    const send = vi.fn(async () => outcome(1));
    expect(await submit.submitIndividualSms(input(), send, { userId: USER })).toMatchObject({ status: "queued" });
    expect(send).not.toHaveBeenCalled();
  });

  it("throws server refusals to the form instead of queueing them", async () => {
    const refusal = serverError("BAD_REQUEST", 400, "Este número pediu para não receber SMS.");
    await expect(submit.submitIndividualSms(input(), async () => Promise.reject(refusal), { userId: USER })).rejects.toBe(refusal);
    expect(await outbox.listOutbox(USER)).toEqual([]);
  });
});

describe("flushOutbox", () => {
  it("sends pending messages in order, once each, and marks them sent", async () => {
    const a = await outbox.enqueue(USER, input(), { phone: "(35) 99123-4567" }, 1);
    const b = await outbox.enqueue(USER, input(), { phone: "(35) 99123-4567" }, 2);
    const sent: string[] = [];
    const send = vi.fn(async (i: SendIndividualInput) => {
      sent.push(i.idempotencyKey);
      return outcome(sent.length);
    });
    // Two triggers at once (app start and the online event): one flush.
    const [r1, r2] = await Promise.all([outbox.flushOutbox(USER, send), outbox.flushOutbox(USER, send)]);
    expect(r1).toEqual({ sent: 2, failed: 0, waiting: 0 });
    expect(r2).toBe(r1);
    expect(sent).toEqual([a.id, b.id]);
    const items = await outbox.listOutbox(USER);
    expect(items.map((i) => [i.status, i.outcome?.id, i.attempts])).toEqual([
      ["sent", 1, 1],
      ["sent", 2, 1],
    ]);
    expect(await outbox.flushOutbox(USER, send)).toEqual({ sent: 0, failed: 0, waiting: 0 });
    expect(send).toHaveBeenCalledTimes(2);
  });

  it("stops at a network error and keeps the rest pending for the next time", async () => {
    await outbox.enqueue(USER, input(), { phone: "p" }, 1);
    await outbox.enqueue(USER, input(), { phone: "p" }, 2);
    const send = vi.fn(async () => Promise.reject(networkError()));
    expect(await outbox.flushOutbox(USER, send)).toEqual({ sent: 0, failed: 0, waiting: 2, stoppedBy: "offline" });
    expect(send).toHaveBeenCalledTimes(1);
    expect((await outbox.listOutbox(USER)).map((i) => i.status)).toEqual(["pending", "pending"]);
  });

  it("waits when the server asks to (rate limit) and marks refusals failed with the reason", async () => {
    const refused = await outbox.enqueue(USER, input(), { phone: "p" }, 1);
    const limited = await outbox.enqueue(USER, input(), { phone: "p" }, 2);
    const send = vi.fn(async (i: SendIndividualInput) => {
      if (i.idempotencyKey === refused.id) throw serverError("BAD_REQUEST", 400, "Este número pediu para não receber SMS.");
      throw serverError("TOO_MANY_REQUESTS", 429, "Limite de 10 SMS individuais por minuto atingido.");
    });
    expect(await outbox.flushOutbox(USER, send)).toEqual({ sent: 0, failed: 1, waiting: 1, stoppedBy: "retry_later" });
    const byId = new Map((await outbox.listOutbox(USER)).map((i) => [i.id, i]));
    expect(byId.get(refused.id)).toMatchObject({ status: "failed", error: "Este número pediu para não receber SMS." });
    expect(byId.get(limited.id)).toMatchObject({ status: "pending" });

    await outbox.retryOutboxItem(refused.id);
    expect(await outbox.getOutboxItem(refused.id)).toMatchObject({ status: "pending", error: undefined });
  });

  it("resends a message left 'sending' by a closed tab, with the same key", async () => {
    const item = await outbox.enqueue(USER, input(), { phone: "p" }, 1);
    const lost = vi.fn(async () => Promise.reject(networkError()));
    await outbox.flushOutbox(USER, lost);
    // Simulate a tab closed mid-request.
    const { idb, OUTBOX_STORE } = await import("@/app/_lib/pwa/idb");
    await idb.update(OUTBOX_STORE, item.id, (i) => (i ? { ...(i as object), status: "sending" } : i));
    const send = vi.fn(async (_i: SendIndividualInput) => outcome(9));
    expect(await outbox.flushOutbox(USER, send)).toEqual({ sent: 1, failed: 0, waiting: 0 });
    expect(send.mock.calls[0]?.[0]).toMatchObject({ idempotencyKey: item.id });
  });

  it("leaves the flush to another tab that holds the lock", async () => {
    vi.stubGlobal("navigator", { onLine: true, locks: { request: async (_n: string, _o: object, cb: (l: null) => unknown) => cb(null) } });
    await outbox.enqueue(USER, input(), { phone: "p" });
    const send = vi.fn(async () => outcome(1));
    expect(await outbox.flushOutbox(USER, send)).toMatchObject({ skipped: "locked" });
    expect(send).not.toHaveBeenCalled();
  });

  it("does not try while offline", async () => {
    vi.stubGlobal("navigator", { onLine: false });
    await outbox.enqueue(USER, input(), { phone: "p" });
    const send = vi.fn(async () => outcome(1));
    expect(await outbox.flushOutbox(USER, send)).toMatchObject({ skipped: "offline" });
    expect(send).not.toHaveBeenCalled();
  });
});

describe("the outbox on the device", () => {
  it("keeps pending messages across a restart of the app", async () => {
    const item = await outbox.enqueue(USER, input(), { phone: "p" });
    await freshModules();
    expect((await outbox.listOutbox(USER)).map((i) => i.id)).toEqual([item.id]);
  });

  it("never adds the same idempotency key twice", async () => {
    const i = input();
    await outbox.enqueue(USER, i, { phone: "p" });
    await outbox.enqueue(USER, i, { phone: "p" });
    expect(await outbox.listOutbox(USER)).toHaveLength(1);
  });

  it("lists only the user's own messages", async () => {
    await outbox.enqueue(USER, input(), { phone: "p" });
    await outbox.enqueue("someone-else", input(), { phone: "p" });
    expect(await outbox.listOutbox(USER)).toHaveLength(1);
  });

  it("cancels pending and failed messages but not sent ones", async () => {
    const pending = await outbox.enqueue(USER, input(), { phone: "p" });
    const sent = await outbox.enqueue(USER, input(), { phone: "p" });
    await outbox.flushOutbox(USER, async (i) => {
      if (i.idempotencyKey === pending.id) throw serverError("BAD_REQUEST", 400, "Recusado.");
      return outcome(1);
    });
    expect(await outbox.cancelOutboxItem(sent.id)).toBe(false);
    expect(await outbox.cancelOutboxItem(pending.id)).toBe(true);
    expect((await outbox.listOutbox(USER)).map((i) => i.id)).toEqual([sent.id]);
  });

  it("never both cancels a message and sends it when a flush claims it during the cancel", async () => {
    const item = await outbox.enqueue(USER, input(), { phone: "p" });
    const send = vi.fn(async () => outcome(1));
    // The flush reads the list first; the cancel's read comes before the flush claims the item.
    const flushing = outbox.flushOutbox(USER, send);
    const cancelled = await outbox.cancelOutboxItem(item.id);
    await flushing;
    const left = await outbox.getOutboxItem(item.id);
    expect({ cancelled, sent: send.mock.calls.length, left: left?.status }).toEqual(
      cancelled ? { cancelled, sent: 0, left: undefined } : { cancelled, sent: 1, left: "sent" },
    );
  });

  it("forgets sent messages after a day", async () => {
    const item = await outbox.enqueue(USER, input(), { phone: "p" });
    await outbox.flushOutbox(USER, async () => outcome(1));
    const later = Date.now() + outbox.SENT_KEPT_MS + 1000;
    expect(await outbox.listOutbox(USER, later)).toEqual([]);
    expect(await outbox.getOutboxItem(item.id)).toBeUndefined();
  });

  it("tells subscribers about every change", async () => {
    const listener = vi.fn();
    const off = outbox.subscribeOutbox(listener);
    const item = await outbox.enqueue(USER, input(), { phone: "p" });
    await outbox.cancelOutboxItem(item.id);
    off();
    expect(listener).toHaveBeenCalledTimes(2);
  });
});
