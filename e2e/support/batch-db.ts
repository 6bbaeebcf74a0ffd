// The batch selection rules of server/services/batches/selection-sql.ts, written plainly over the
// e2e database's rows, so the wizard's preview can be checked against an independent computation.
import { formatPhoneNational, parseSmsRecipient } from "@/server/sms/phone";
import type { BatchMode } from "@/server/services/batches/constants";
import { withE2eDb } from "./db";

export type BatchCase = {
  mode: BatchMode;
  /** Name of the city, access point, server, plan or payment profile. */
  value: string;
  neighbourhood?: string;
  prefixes: number[];
  allPhones: boolean;
  withConnection: boolean;
};

const VALUE_TABLE: Record<BatchMode, string> = {
  cidade: "city",
  ponto_acesso: "access_point",
  servidor: "server",
  plano: "plan",
  profile_pagamento: "payment_profile",
};
const CONNECTION_COLUMN: Partial<Record<BatchMode, string>> = { ponto_acesso: "access_point_id", servidor: "server_id", plano: "plan_id" };

export type Expected = {
  valueId: number;
  customersFound: number;
  noMobile: number;
  invalidNumber: number;
  prefixNotAccepted: number;
  optedOut: number;
  duplicateInBatch: number;
  /** Sendable phones in snapshot order (customer id, phone id). */
  recipients: { customerId: number; customerName: string; e164: string; national: string }[];
};

function idOf(table: string, name: string): Promise<number> {
  return withE2eDb(async (db) => {
    const r = await db.execute({ sql: `SELECT id FROM ${table} WHERE name = ?`, args: [name] });
    if (!r.rows[0]) throw new Error(`${table} "${name}" not in the e2e seed`);
    return Number(r.rows[0].id);
  });
}

/** What the preview must show for `c`, leaving out the customers in `deselected`. */
export async function expectBatch(c: BatchCase, deselected: readonly number[] = []): Promise<Expected> {
  const valueId = await idOf(VALUE_TABLE[c.mode], c.value);
  const neighbourhoodId = c.neighbourhood ? await idOf("neighbourhood", c.neighbourhood) : null;
  return withE2eDb(async (db) => {
    const connected = "EXISTS (SELECT 1 FROM connection k WHERE k.customer_id = c.id AND k.status <> 'cancelled'";
    const column = CONNECTION_COLUMN[c.mode];
    const where =
      c.mode === "cidade"
        ? `c.city_id = ${valueId}${neighbourhoodId ? ` AND c.neighbourhood_id = ${neighbourhoodId}` : ""}${c.withConnection ? ` AND ${connected})` : ""}`
        : c.mode === "profile_pagamento"
          ? `c.payment_profile_id = ${valueId} AND ${connected})`
          : `${connected} AND k.${column} = ${valueId})`;
    const customers = (await db.execute(`SELECT c.id, c.name FROM customer c WHERE c.status = 'active' AND ${where} ORDER BY c.id`)).rows;
    const phones = (await db.execute("SELECT id, customer_id, e164, is_primary FROM phone WHERE kind = 'mobile' ORDER BY id")).rows;
    const opted = new Set((await db.execute("SELECT phone_e164 FROM opt_out WHERE lifted_at IS NULL")).rows.map((r) => String(r.phone_e164)));
    const out: Expected = { valueId, customersFound: customers.length, noMobile: 0, invalidNumber: 0, prefixNotAccepted: 0, optedOut: 0, duplicateInBatch: 0, recipients: [] };
    const taken = new Set<string>();
    for (const cu of customers) {
      const id = Number(cu.id);
      if (deselected.includes(id)) continue;
      const mine = phones.filter((p) => Number(p.customer_id) === id && (c.allPhones || Number(p.is_primary) === 1));
      if (mine.length === 0) out.noMobile++;
      for (const p of mine) {
        const e164 = String(p.e164);
        const parsed = parseSmsRecipient(e164);
        if (!parsed.ok || parsed.e164 !== e164) out.invalidNumber++;
        else if (c.prefixes.length > 0 && !c.prefixes.some((x) => e164.slice(5).startsWith(String(x)))) out.prefixNotAccepted++;
        else if (opted.has(e164)) out.optedOut++;
        else if (taken.has(e164)) out.duplicateInBatch++;
        else {
          taken.add(e164);
          out.recipients.push({ customerId: id, customerName: String(cu.name), e164, national: formatPhoneNational(e164) });
        }
      }
    }
    return out;
  });
}

/** The stored batch: its recipients' numbers and their messages' statuses. */
export function storedBatch(batchId: number) {
  return withE2eDb(async (db) => {
    const b = await db.execute({ sql: "SELECT status FROM sms_batch WHERE id = ?", args: [batchId] });
    const r = await db.execute({
      sql: `SELECT r.phone_e164 AS e164, r.customer_id AS customer_id, m.status AS status FROM sms_batch_recipient r
            LEFT JOIN sms_message m ON m.id = r.message_id WHERE r.batch_id = ? ORDER BY r.id`,
      args: [batchId],
    });
    return {
      status: String(b.rows[0]?.status),
      recipients: r.rows.map((x) => ({ e164: String(x.e164), customerId: Number(x.customer_id), status: x.status === null ? null : String(x.status) })),
    };
  });
}

/** The demo sandbox account's pace, as db/seed/index.ts creates it. */
export const SEEDED_SANDBOX_RATE = 20;

/**
 * Sets the demo sandbox account's messages per second (read at every send). A pause test slows it
 * for a few seconds so that its batch is certainly still running when "Pausar" is tapped.
 */
export function setSandboxRate(perSecond: number) {
  return withE2eDb(async (db) => {
    await db.execute({ sql: "UPDATE provider_account SET rate_per_second = ? WHERE kind = 'sandbox' AND is_default = 1", args: [perSecond] });
  });
}
