// Protects the operator's hands on the "Fila de SMS": only pending messages are listed; cancel,
// "tentar agora" and settling an in_doubt message go through the ledger as compare-and-set, so a
// message that changed meanwhile (the drain took it, a report arrived) is refused with nothing
// changed; sending an in_doubt message again needs an explicit acceptance of a duplicate.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, smsEvent } from "@/db/schema";
import type { SmsOrigin } from "@/db/schema/constants";
import type { SessionUser } from "@/server/auth/session";
import { createTestDb } from "@/test/db";
import { makeCustomer, makeNetwork, makeUser } from "@/test/factories";
import { DomainError } from "../errors";
import { claimMessage } from "../sms/dispatch";
import { getMessage, queueMessage, transition } from "../sms/ledger";
import { claimDue } from "./drain";
import { listQueue } from "./list-queue";
import { cancelQueued, resolveInDoubt, retryNow } from "./queue-actions";
import { atTime, systemContext, userContext } from "@/server/services/context";

const db = createTestDb();
let operador: SessionUser;
let customerId: number;
let n = 0;

beforeAll(async () => {
  operador = await makeUser(db, "operador");
  const net = await makeNetwork(db);
  customerId = (await makeCustomer(db, net, { name: "Maria da Fila" })).id;
});

async function queued(origin: SmsOrigin = "billing", extra: Partial<Parameters<typeof queueMessage>[1]> = {}) {
  const { message } = await queueMessage(db, {
    origin,
    category: "operacional",
    customerId,
    phoneE164: `+55359${String(91_000_000 + ++n)}`,
    motivo: "Lembrete de vencimento",
    body: "Sua fatura vence amanha.",
    encoding: "GSM7",
    segments: 1,
    characters: 24,
    idempotencyKey: crypto.randomUUID(),
    ...extra,
  });
  return message;
}

async function scheduled(at: Date) {
  const m = await queued("notification");
  return (await transition(db, m.id, "queued", "scheduled", { nextAttemptAt: at }, { reason: "send_window" }))!;
}

async function inDoubt() {
  const m = await queued();
  await claimMessage(db, m.id);
  return (await transition(db, m.id, "sending", "in_doubt", { lastErrorCode: "timeout", lastErrorMessage: "Tempo esgotado." }))!;
}

const ctx = () => userContext(db, operador);
const eventsOf = (id: number) => db.select().from(smsEvent).where(eq(smsEvent.messageId, id)).orderBy(smsEvent.id);
const auditsOf = (id: number, action: string) =>
  db.select().from(auditLog).where(and(eq(auditLog.entity, "sms_message"), eq(auditLog.entityId, String(id)), eq(auditLog.action, action)));

async function refusal(p: Promise<unknown>): Promise<DomainError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  return err as DomainError;
}

describe("queue list", () => {
  it("lists only pending messages with origin, customer, phone, attempts, next attempt and last error", async () => {
    const q = await queued("billing");
    const s = await scheduled(new Date(Date.now() + 3_600_000));
    const d = await inDoubt();
    const sent = await queued("api");
    await claimMessage(db, sent.id);
    await transition(db, sent.id, "sending", "sent");
    const { items } = await listQueue(systemContext(db, "test"), { limit: 100 });
    const ids = items.map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining([q.id, s.id, d.id]));
    expect(ids).not.toContain(sent.id);
    expect(items.find((i) => i.id === q.id)).toMatchObject({
      origin: "billing",
      status: "queued",
      customer: { id: customerId, name: "Maria da Fila" },
      phone: expect.stringMatching(/^\(35\) 9/),
      motivo: "Lembrete de vencimento",
      attempts: 0,
      nextAttemptAt: null,
      lastError: null,
    });
    expect(items.find((i) => i.id === s.id)?.nextAttemptAt?.getTime()).toBe(s.nextAttemptAt!.getTime());
    expect(items.find((i) => i.id === d.id)).toMatchObject({ status: "in_doubt", attempts: 1, lastError: { code: "timeout", message: "Tempo esgotado." } });
  });

  it("pages by keyset without repeats and filters by status and origin", async () => {
    for (let i = 0; i < 5; i++) await queued("notification");
    const seen: number[] = [];
    let cursor: number | null = null;
    do {
      const page: Awaited<ReturnType<typeof listQueue>> = await listQueue(systemContext(db, "test"), { limit: 2, cursor });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    const all = await listQueue(systemContext(db, "test"), { limit: 100 });
    expect(seen).toEqual(all.items.map((i) => i.id));
    const doubts = await listQueue(systemContext(db, "test"), { status: "in_doubt", limit: 100 });
    expect(doubts.items.length).toBeGreaterThan(0);
    expect(doubts.items.every((i) => i.status === "in_doubt")).toBe(true);
    const notices = await listQueue(systemContext(db, "test"), { origin: "notification", limit: 100 });
    expect(notices.items.length).toBeGreaterThanOrEqual(5);
    expect(notices.items.every((i) => i.origin === "notification")).toBe(true);
  });
});

describe("queue actions", () => {
  it("cancels a queued, a scheduled and an in_doubt message, with an event and an audit entry", async () => {
    for (const m of [await queued(), await scheduled(new Date(Date.now() + 60_000)), await inDoubt()]) {
      const res = await cancelQueued(ctx(), { id: m.id, status: m.status as "queued" });
      expect(res.status).toBe("cancelled");
      const row = (await getMessage(db, m.id))!;
      expect(row).toMatchObject({ status: "cancelled", nextAttemptAt: null });
      expect(row.finalAt).not.toBeNull();
      expect((await eventsOf(m.id)).at(-1)).toMatchObject({ fromStatus: m.status, toStatus: "cancelled", detail: { reason: "operator_cancel", by: operador.id } });
      expect(await auditsOf(m.id, "queue.cancel")).toHaveLength(1);
    }
  });

  it("refuses to cancel a message being sent", async () => {
    const m = await queued();
    await claimMessage(db, m.id);
    const err = await refusal(cancelQueued(ctx(), { id: m.id, status: "sending" }));
    expect(err.message).toContain("sendo enviada");
    expect((await getMessage(db, m.id))!.status).toBe("sending");
  });

  it("refuses, changing nothing, when the drain took the message meanwhile", async () => {
    const m = await queued();
    const before = (await eventsOf(m.id)).length;
    // The operator saw it "queued"; the drain claims it before the click arrives.
    await claimMessage(db, m.id);
    const err = await refusal(cancelQueued(ctx(), { id: m.id, status: "queued" }));
    expect(err.kind).toBe("conflict");
    expect(err.message).toBe("Esta mensagem mudou enquanto você decidia (agora: Enviando). Nada foi alterado; confira a fila atualizada.");
    expect((await getMessage(db, m.id))!.status).toBe("sending");
    expect(await eventsOf(m.id)).toHaveLength(before + 1); // only the drain's attempt
    expect(await auditsOf(m.id, "queue.cancel")).toHaveLength(0);
  });

  it("a cancel racing the drain: exactly one of them wins", async () => {
    for (let i = 0; i < 10; i++) {
      const m = await queued();
      const [claimed, cancelled] = await Promise.allSettled([claimDue(db, { limit: 100 }), cancelQueued(ctx(), { id: m.id, status: "queued" })]);
      const drainGotIt = claimed.status === "fulfilled" && claimed.value.some((c) => c.id === m.id);
      const row = (await getMessage(db, m.id))!;
      if (cancelled.status === "fulfilled") {
        expect(drainGotIt).toBe(false);
        expect(row.status).toBe("cancelled");
      } else {
        expect(drainGotIt).toBe(true);
        expect(row.status).toBe("sending");
      }
      // Leave nothing due for the next round.
      if (row.status === "sending") await transition(db, m.id, "sending", "sent");
    }
  });

  it("tentar agora makes a scheduled or retrying message due now, and the drain takes it", async () => {
    const s = await scheduled(new Date(Date.now() + 3_600_000));
    const res = await retryNow(ctx(), { id: s.id, status: "scheduled" });
    expect(res.status).toBe("queued");
    expect(res.nextAttemptAt!.getTime()).toBeLessThanOrEqual(Date.now());
    expect((await eventsOf(s.id)).at(-1)).toMatchObject({ fromStatus: "scheduled", toStatus: "queued", detail: { reason: "retry_now", by: operador.id } });
    expect(await auditsOf(s.id, "queue.retry_now")).toHaveLength(1);

    const q = await queued();
    await claimMessage(db, q.id);
    await transition(db, q.id, "sending", "queued", { nextAttemptAt: new Date(Date.now() + 600_000), lastErrorCode: "http_503", lastErrorMessage: "Indisponível." });
    expect((await retryNow(ctx(), { id: q.id, status: "queued" })).status).toBe("queued");
    const claimed = (await claimDue(db, { limit: 1000 })).map((c) => c.id);
    expect(claimed).toEqual(expect.arrayContaining([s.id, q.id]));
    for (const id of claimed) await transition(db, id, "sending", "sent");
  });

  it("tentar agora is refused for an in_doubt message and for one that changed meanwhile", async () => {
    const d = await inDoubt();
    expect((await refusal(retryNow(ctx(), { id: d.id, status: "in_doubt" }))).message).toContain("Só mensagens na fila ou agendadas");
    const s = await scheduled(new Date(Date.now() + 60_000));
    await cancelQueued(userContext(db, await makeUser(db, "admin")), { id: s.id, status: "scheduled" });
    const err = await refusal(retryNow(ctx(), { id: s.id, status: "scheduled" }));
    expect(err.message).toContain("(agora: Cancelada)");
    expect((await getMessage(db, s.id))!.status).toBe("cancelled");
  });

  it("marks an in_doubt message as sent, noting the operator", async () => {
    const d = await inDoubt();
    const res = await resolveInDoubt(ctx(), { id: d.id, action: "markSent" });
    expect(res.status).toBe("sent");
    expect((await getMessage(db, d.id))!.sentAt).not.toBeNull();
    expect((await eventsOf(d.id)).at(-1)).toMatchObject({
      fromStatus: "in_doubt",
      toStatus: "sent",
      detail: { reason: "operator_marked_sent", by: operador.id, byName: operador.name },
    });
    expect(await auditsOf(d.id, "queue.mark_sent")).toHaveLength(1);
  });

  it("sends an in_doubt message again only when the operator accepts a possible duplicate", async () => {
    const d = await inDoubt();
    const err = await refusal(resolveInDoubt(ctx(), { id: d.id, action: "sendAgain" }));
    expect(err.kind).toBe("validation");
    expect(err.fields).toEqual({ confirmDuplicate: "Confirme que aceita o risco de o cliente receber a mensagem duas vezes." });
    expect((await getMessage(db, d.id))!.status).toBe("in_doubt");

    const res = await resolveInDoubt(ctx(), { id: d.id, action: "sendAgain", confirmDuplicate: true });
    expect(res.status).toBe("queued");
    expect(res.nextAttemptAt!.getTime()).toBeLessThanOrEqual(Date.now());
    expect((await eventsOf(d.id)).at(-1)).toMatchObject({ fromStatus: "in_doubt", toStatus: "queued", detail: { reason: "operator_send_again", acceptedDuplicate: true, by: operador.id } });
    expect(await auditsOf(d.id, "queue.send_again")).toHaveLength(1);
    const claimed = await claimDue(db, { limit: 1000 });
    expect(claimed.map((c) => c.id)).toContain(d.id);
    for (const c of claimed) await transition(db, c.id, "sending", "sent");
  });

  it("refuses to settle an in_doubt message that a late report already settled", async () => {
    const d = await inDoubt();
    // The provider's delivery report arrives while the operator is deciding.
    await transition(db, d.id, "in_doubt", "delivered", {}, {}, "report");
    for (const action of ["markSent", "sendAgain"] as const) {
      const err = await refusal(resolveInDoubt(ctx(), { id: d.id, action, confirmDuplicate: true }));
      expect(err.message).toContain("(agora: Entregue)");
    }
    expect((await getMessage(db, d.id))!.status).toBe("delivered");
  });

  it("says when the message does not exist", async () => {
    expect((await refusal(cancelQueued(ctx(), { id: 999_999, status: "queued" }))).kind).toBe("not_found");
  });
});

describe("tentar agora outside the send window", () => {
  // Sunday 06/12/2026 12:00 in São Paulo: MG's default window (weekdays 08–18) is closed until Monday 08:00.
  const sunday = new Date("2026-12-06T15:00:00Z");
  const mondayOpening = new Date("2026-12-07T11:00:00Z");

  it("says when a collection message goes instead of promising the next drain, and holds it until then", async () => {
    const m = await queued("billing", { category: "cobranca" });
    const res = await retryNow(atTime(ctx(), sunday), { id: m.id, status: "queued" });
    expect(res).toMatchObject({ status: "scheduled", nextAttemptAt: mondayOpening, windowClosed: "Fora do horário permitido para MG: sai seg 07/12 às 08:00." });
    expect((await getMessage(db, m.id))?.lastErrorCode).toBe("send_window");
    expect((await eventsOf(m.id)).at(-1)).toMatchObject({ fromStatus: "queued", toStatus: "scheduled", detail: { reason: "retry_now_window_closed" } });
    // Not due before the opening: the drain leaves it alone.
    expect((await claimDue(db, { limit: 100, now: sunday })).map((c) => c.id)).not.toContain(m.id);

    // Already waiting for that opening: the same answer, nothing written.
    const events = (await eventsOf(m.id)).length;
    const again = await retryNow(atTime(ctx(), sunday), { id: m.id, status: "scheduled" });
    expect(again).toMatchObject({ status: "scheduled", windowClosed: "Fora do horário permitido para MG: sai seg 07/12 às 08:00." });
    expect(await eventsOf(m.id)).toHaveLength(events);

    // Once the window is open, "tentar agora" makes it due at once.
    const open = await retryNow(atTime(ctx(), mondayOpening), { id: m.id, status: "scheduled" });
    expect(open).toMatchObject({ status: "queued", nextAttemptAt: mondayOpening, windowClosed: null });
  });
});
