import { readFileSync } from "node:fs";
import { and, eq, isNull } from "drizzle-orm";
import { optOut, providerAccount, smsInbound, smsMessage, user } from "@/db/schema";
import type { ProviderKind } from "@/db/schema/constants";
import { encryptJson, importKey, randomToken } from "@/server/lib/crypto";
import { queueMessage, transition } from "@/server/services/sms/ledger";
import { withE2eDb } from "./db";

// SMS accounts and messages written straight into the e2e server's database, for the HTTP attack
// replays (e2e/http/). Credentials are encrypted with the key the server generated in its data folder.

export type E2eAccount = { id: number; secret: string; webhookUrl: (baseURL: string) => string };

export function createProviderAccount(v: { name: string; kind: ProviderKind; sender?: string; config: Record<string, unknown>; credentials: Record<string, string> }): Promise<E2eAccount> {
  return withE2eDb(async (_, db) => {
    const key = await importKey(readFileSync(".tmp/e2e/credentials-key", "utf8").trim());
    const secret = randomToken();
    const [row] = await db
      .insert(providerAccount)
      .values({ name: v.name, kind: v.kind, sender: v.sender ?? null, config: v.config, credentialsEnc: await encryptJson(key, v.credentials), credentialsMasked: {}, webhookSecret: secret, ratePerSecond: 10 })
      .returning({ id: providerAccount.id });
    const id = row!.id;
    return { id, secret, webhookUrl: (baseURL: string) => `${baseURL}/api/webhooks/sms/${id}/${secret}` };
  });
}

/** A message that `accountId` accepted (status sent, with the provider's id). */
export function sentMessage(accountId: number, phoneE164: string, providerMessageId: string) {
  return withE2eDb(async (_, db) => {
    const [admin] = await db.select({ id: user.id }).from(user).where(eq(user.email, "admin@provedor.test"));
    const { message } = await queueMessage(db, {
      origin: "individual", phoneE164, motivo: "Aviso de manutenção", body: "Olá! Manutenção amanhã às 8h.", encoding: "GSM7", segments: 1, characters: 30,
      providerAccountId: accountId, createdBy: admin?.id ?? null, idempotencyKey: crypto.randomUUID(),
    });
    await transition(db, message.id, "queued", "sending");
    const sent = await transition(db, message.id, "sending", "sent", { providerMessageId });
    return { id: sent!.id, ref: sent!.ref };
  });
}

export function messageStatus(id: number) {
  return withE2eDb(async (_, db) => (await db.select({ s: smsMessage.status }).from(smsMessage).where(eq(smsMessage.id, id)))[0]?.s);
}

export function activeOptOuts(phoneE164: string) {
  return withE2eDb((_, db) => db.select().from(optOut).where(and(eq(optOut.phoneE164, phoneE164), isNull(optOut.liftedAt))));
}

export function inboundFrom(phoneE164: string) {
  return withE2eDb((_, db) => db.select().from(smsInbound).where(eq(smsInbound.fromE164, phoneE164)));
}
