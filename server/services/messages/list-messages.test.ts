// Protects the history grid: every filter (period in São Paulo days, statuses, customer, operator,
// origin, phone), keyset pages that neither skip nor repeat rows on equal times, and the rule that
// a technician only sees their own messages whatever the input asks.
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/server/auth/session";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import { createTestDb } from "@/test/db";
import { makeCustomer, makeNetwork, makeUser } from "@/test/factories";
import { DomainError } from "../errors";
import { listMessages, messageConditions, messagePageQuery } from "./list-messages";
import { listMessageOperators } from "./list-operators";
import { insertMessage } from "./message-test-kit";
import type { ListMessagesInput } from "./schemas";
import { systemContext, userContext } from "@/server/services/context";

const db = createTestDb();
let op: SessionUser;
let tec: SessionUser;
let otherTec: SessionUser;
let maria: number;
let joao: number;

// 14/03/2026 23:30 in São Paulo is already the 15th in UTC.
const LATE_14TH = new Date("2026-03-15T02:30:00Z");
const MORNING_15TH = new Date("2026-03-15T12:00:00Z");
const TIE = new Date("2026-03-16T15:00:00Z");

async function ids(viewer: SessionUser, input: ListMessagesInput = {}) {
  const out = await listMessages(userContext(db, viewer), { limit: 100, ...input });
  return out.items.map((r) => r.id);
}

const made: Record<string, number> = {};

beforeAll(async () => {
  const net = await makeNetwork(db);
  op = await makeUser(db, "operador");
  tec = await makeUser(db, "tecnico");
  otherTec = await makeUser(db, "tecnico");
  maria = (await makeCustomer(db, net, { name: "Maria da Silva", code: "5001" })).id;
  joao = (await makeCustomer(db, net, { name: "João Souza", code: "5002" })).id;
  made.late14 = (await insertMessage(db, { createdAt: LATE_14TH, createdBy: tec.id, customerId: maria, status: "delivered", phoneE164: "+5535991110001", sentAt: LATE_14TH, finalAt: new Date(LATE_14TH.getTime() + 5000) })).id;
  made.morning15 = (await insertMessage(db, { createdAt: MORNING_15TH, createdBy: op.id, customerId: joao, status: "failed", phoneE164: "+5519982220002", lastErrorMessage: "Número inválido" })).id;
  made.billing = (await insertMessage(db, { createdAt: MORNING_15TH, origin: "billing", customerId: maria, status: "queued", phoneE164: "+5535991110001" })).id;
  made.otherTec = (await insertMessage(db, { createdAt: new Date("2026-03-16T10:00:00Z"), createdBy: otherTec.id, customerId: joao, status: "sent" })).id;
  for (let i = 0; i < 5; i++) made[`tie${i}`] = (await insertMessage(db, { createdAt: TIE, createdBy: tec.id, customerId: maria, status: "sent" })).id;
});

describe("listMessages", () => {
  it("lists newest first (ties by id) with the row's customer, phone, operator, status and times", async () => {
    const out = await listMessages(userContext(db, op), { limit: 100 });
    expect(out.items.map((r) => r.id)).toEqual([made.tie4, made.tie3, made.tie2, made.tie1, made.tie0, made.otherTec, made.billing, made.morning15, made.late14]);
    expect(out.nextCursor).toBeNull();
    const late = out.items.find((r) => r.id === made.late14)!;
    expect(late).toMatchObject({
      customer: { id: maria, name: "Maria da Silva", code: "5001" },
      phone: { e164: "+5535991110001", national: "(35) 99111-0001" },
      operator: { id: tec.id, name: tec.name },
      origin: "individual",
      status: "delivered",
      segments: 1,
      errorMessage: null,
    });
    expect(late.finalAt?.getTime()).toBe(LATE_14TH.getTime() + 5000);
    expect(out.items.find((r) => r.id === made.billing)!.operator).toBeNull();
    expect(out.items.find((r) => r.id === made.morning15)!.errorMessage).toBe("Número inválido");
  });

  it("reads the period as calendar days in São Paulo, both ends included", async () => {
    expect(await ids(op, { from: "2026-03-14", to: "2026-03-14" })).toEqual([made.late14]);
    expect(await ids(op, { from: "2026-03-15", to: "2026-03-15" })).toEqual([made.billing, made.morning15]);
    expect(await ids(op, { to: "2026-03-15" })).toEqual([made.billing, made.morning15, made.late14]);
    expect(await ids(op, { from: "2026-03-16" })).toHaveLength(6);
  });

  it("refuses an inverted or malformed period with a Portuguese message on the field", async () => {
    await expect(listMessages(userContext(db, op), { from: "2026-03-16", to: "2026-03-15" })).rejects.toMatchObject({
      kind: "validation",
      fields: { to: "A data final deve ser igual ou posterior à inicial." },
    });
    await expect(listMessages(userContext(db, op), { from: "15/03/2026" })).rejects.toBeInstanceOf(DomainError);
  });

  it("filters by several statuses, customer, operator, origin and phone digits", async () => {
    expect(await ids(op, { statuses: ["failed", "delivered"] })).toEqual([made.morning15, made.late14]);
    expect(await ids(op, { customerId: joao })).toEqual([made.otherTec, made.morning15]);
    expect(await ids(op, { operatorId: op.id })).toEqual([made.morning15]);
    expect(await ids(op, { origin: "billing" })).toEqual([made.billing]);
    expect(await ids(op, { phone: "(19) 98222" })).toEqual([made.morning15]);
    expect(await ids(op, { phone: "+55 35 99111-0001" })).toEqual([made.billing, made.late14]);
    expect(await ids(op, { phone: "%" })).toHaveLength(9);
    expect(await ids(op, { phone: "99111-0001" })).toEqual([made.billing, made.late14]);
    expect(await ids(op, { phone: "0001" })).toEqual([made.billing, made.late14]);
  });

  it("filters by phone through an index, the start or the end of the number, without scanning the messages", async () => {
    for (const phone of ["(19) 98222", "99111-0001"]) {
      const query = messagePageQuery(db, messageConditions(op, { phone }), null, 50).toSQL();
      const plan = await db.$client.execute({ sql: `EXPLAIN QUERY PLAN ${query.sql}`, args: query.params as never });
      const details = plan.rows.map((r) => String(r.detail));
      expect(details.filter((d) => d.startsWith("SCAN sms_message")), `${phone}\n${details.join("\n")}`).toEqual([]);
    }
    expect(await ids(op, { origin: "individual", customerId: maria, statuses: ["sent"] })).toEqual([made.tie4, made.tie3, made.tie2, made.tie1, made.tie0]);
  });

  it("pages by keyset without skipping or repeating rows that share a time", async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const out: Awaited<ReturnType<typeof listMessages>> = await listMessages(userContext(db, op), { limit: 2, cursor });
      seen.push(...out.items.map((r) => r.id));
      cursor = out.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(5);
    expect(seen).toEqual(await ids(op));
  });

  it("shows a technician only their own messages, whatever operator the input asks for", async () => {
    const own = [made.tie4, made.tie3, made.tie2, made.tie1, made.tie0, made.late14];
    expect(await ids(tec)).toEqual(own);
    expect(await ids(tec, { operatorId: otherTec.id })).toEqual(own);
    expect(await ids(tec, { operatorId: op.id, origin: "individual" })).toEqual(own);
    expect(await ids(tec, { customerId: joao })).toEqual([]);
    // Through the API too.
    const caller = createCaller(createInnerContext({ db, user: otherTec }));
    expect((await caller.message.list({ operatorId: tec.id })).items.map((r) => r.id)).toEqual([made.otherTec]);
  });

  it("lists the users who created messages as the operator filter's choices", async () => {
    const names = (await listMessageOperators(systemContext(db, "test"))).map((u) => u.id);
    expect(names.sort()).toEqual([op.id, tec.id, otherTec.id].sort());
  });
});
