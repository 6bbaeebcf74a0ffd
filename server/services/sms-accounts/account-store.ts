import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { providerAccount } from "@/db/schema";
import { env } from "@/server/env";
import { decryptJson, importKey } from "@/server/lib/crypto";
import { resolveCredentialsKey } from "@/server/lib/data-secrets";
import { createAdapter } from "@/server/providers";
import type { AdapterAccount, AdapterDeps, ProviderAdapter } from "@/server/providers/types";
import { recordProviderEvents } from "../sms/reports";

export type AccountRow = typeof providerAccount.$inferSelect;

let keyPromise: Promise<CryptoKey> | undefined;
export function credentialsKey(): Promise<CryptoKey> {
  keyPromise ??= importKey(resolveCredentialsKey(env()));
  return keyPromise;
}

/** Where a provider posts this account's delivery reports and inbound messages. */
export function webhookUrl(a: Pick<AccountRow, "id" | "webhookSecret">): string {
  return `${env().appUrl}/api/webhooks/sms/${a.id}/${a.webhookSecret}`;
}

export async function toAdapterAccount(row: AccountRow): Promise<AdapterAccount> {
  const credentials = await decryptJson<Record<string, string>>(await credentialsKey(), row.credentialsEnc);
  return { id: row.id, kind: row.kind, sender: row.sender, config: row.config, credentials, webhookSecret: row.webhookSecret };
}

export async function findAccount(db: Db, id: number): Promise<AccountRow | undefined> {
  const [row] = await db.select().from(providerAccount).where(eq(providerAccount.id, id));
  return row;
}

export async function findDefaultAccount(db: Db): Promise<AccountRow | undefined> {
  const [row] = await db
    .select()
    .from(providerAccount)
    .where(and(eq(providerAccount.isDefault, true), eq(providerAccount.active, true)));
  return row;
}

/** The account a message or batch sends through: its own, else the active default. */
export async function sendingAccount(db: Db, accountId: number | null): Promise<AccountRow | undefined> {
  return (accountId ? await findAccount(db, accountId) : undefined) ?? (await findDefaultAccount(db));
}

// Adapters are kept per account (SMPP holds a bound session); an edited account gets a new one.
type Cached = { version: number; adapter: ProviderAdapter };
const globalForAdapters = globalThis as unknown as { __smsAdapters?: Map<number, Cached> };
const cache = (globalForAdapters.__smsAdapters ??= new Map());

export async function adapterFor(db: Db, row: AccountRow): Promise<ProviderAdapter> {
  const version = row.updatedAt.getTime();
  const hit = cache.get(row.id);
  if (hit && hit.version === version) return hit.adapter;
  if (hit) await hit.adapter.close?.().catch(() => undefined);
  const deps: AdapterDeps = {
    // Receipts and replies that arrive on a bound SMPP session go to the same ledger as webhooks.
    onAsyncReport: async (event) => {
      await recordProviderEvents(db, row.id, event);
    },
  };
  const adapter = createAdapter(await toAdapterAccount(row), deps);
  cache.set(row.id, { version, adapter });
  return adapter;
}

/** For tests: drop cached adapters (closing persistent sessions). */
export async function resetAdapterCache(): Promise<void> {
  for (const { adapter } of cache.values()) await adapter.close?.().catch(() => undefined);
  cache.clear();
}
