// The wizard's preview checked against an independent computation: the batch rules' oracle of the
// service tests (batch-test-kit.ts, written plainly, not the selection SQL) over the e2e database's rows.
import type { Client } from "@libsql/client";
import { type Expected as Selection, expectSelection, loadBase } from "@/server/services/batches/batch-test-kit";
import type { BatchFilters, BatchMode } from "@/server/services/batches/constants";
import { formatPhoneNational } from "@/server/sms/phone";
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

export type Expected = Omit<Selection, "recipients"> & {
  /** Sendable phones in snapshot order (customer id, phone id). */
  recipients: { customerId: number; customerName: string; e164: string; national: string }[];
};

async function idOf(db: Client, table: string, name: string): Promise<number> {
  const r = await db.execute({ sql: `SELECT id FROM ${table} WHERE name = ?`, args: [name] });
  if (!r.rows[0]) throw new Error(`${table} "${name}" not in the e2e seed`);
  return Number(r.rows[0].id);
}

/** What the preview must show for `c`, leaving out the customers in `deselected`. */
export function expectBatch(c: BatchCase, deselected: readonly number[] = []): Promise<Expected> {
  return withE2eDb(async (db, drizzle) => {
    const filters: BatchFilters = {
      mode: c.mode,
      valueId: await idOf(db, VALUE_TABLE[c.mode], c.value),
      neighbourhoodId: c.neighbourhood ? await idOf(db, "neighbourhood", c.neighbourhood) : null,
      streetId: null,
      prefixes: c.prefixes,
      allPhones: c.allPhones,
      withConnection: c.withConnection,
    };
    const { recipients, ...counts } = expectSelection(await loadBase(drizzle), filters, deselected);
    const names = new Map((await db.execute("SELECT id, name FROM customer")).rows.map((r) => [Number(r.id), String(r.name)]));
    return {
      ...counts,
      recipients: [...recipients].map(([e164, customerId]) => ({ customerId, customerName: names.get(customerId)!, e164, national: formatPhoneNational(e164) })),
    };
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
