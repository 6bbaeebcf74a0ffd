import { and, asc, eq, sql } from "drizzle-orm";
import { providerAccount } from "@/db/schema";
import type { ProviderKind } from "@/db/schema/constants";
import { decryptJson, encryptJson, maskSecret, randomToken } from "@/server/lib/crypto";
import { providerConfigSchemas, providerCredentialSchemas, senderRequirement } from "@/server/providers";
import { writeAudit } from "../audit";
import { invalid, notFound } from "../errors";
import { zodFieldErrors } from "../zod-field-errors";
import { type AccountRow, credentialsKey, findAccount, webhookUrl } from "./account-store";
import {
  type AccountOutput,
  type CreateAccountInput,
  createAccountInput,
  setAccountActiveInput,
  type UpdateAccountInput,
  updateAccountInput,
} from "./schemas";
import { requirePermission } from "@/server/services/permissions";
import type { ServiceContext } from "@/server/services/context";


export function toAccountOutput(row: AccountRow): AccountOutput {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    sender: row.sender,
    config: row.config,
    credentialsMasked: row.credentialsMasked,
    webhookUrl: webhookUrl(row),
    ratePerSecond: row.ratePerSecond,
    stripAccents: row.stripAccents,
    isDefault: row.isDefault,
    active: row.active,
    createdAt: row.createdAt,
  };
}

/** Validates config and credentials against the kind's schemas; errors name the field. */
function validateKind(kind: ProviderKind, config: unknown, credentials: unknown, sender: string | null | undefined) {
  const c = providerConfigSchemas[kind].safeParse(config);
  const k = providerCredentialSchemas[kind].safeParse(credentials);
  const senderIssue = c.success ? senderRequirement(kind, c.data, sender) : undefined;
  if (!c.success || !k.success || senderIssue) {
    const fields = { ...(senderIssue ? { sender: senderIssue } : {}), ...zodFieldErrors(c.error, "config"), ...zodFieldErrors(k.error, "credentials") };
    throw invalid(Object.values(fields)[0] ?? "Configuração inválida.", fields);
  }
  return { config: c.data as Record<string, unknown>, credentials: k.data as Record<string, string> };
}

function mask(credentials: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(credentials).filter(([, v]) => v).map(([k, v]) => [k, maskSecret(v)]));
}

export async function listAccounts(ctx: ServiceContext): Promise<AccountOutput[]> {
  requirePermission(ctx, "sms_accounts.manage");
  const { db } = ctx;
  const rows = await db.select().from(providerAccount).orderBy(asc(providerAccount.name));
  return rows.map(toAccountOutput);
}

export async function createAccount(ctx: ServiceContext, input: CreateAccountInput): Promise<AccountOutput> {
  requirePermission(ctx, "sms_accounts.manage");
  const data = createAccountInput.parse(input);
  const { config, credentials } = validateKind(data.kind, data.config, data.credentials, data.sender);
  const credentialsEnc = await encryptJson(await credentialsKey(), credentials);
  const [existingDefault] = await ctx.db.select({ id: providerAccount.id }).from(providerAccount).where(eq(providerAccount.isDefault, true));
  // The first account becomes the default so sending works at once.
  const makeDefault = data.isDefault || !existingDefault;
  // A batch, not an interactive transaction (see ledger.ts): clear the old default, insert the new.
  const [, inserted] = await ctx.db.batch([
    ctx.db.update(providerAccount).set({ isDefault: false }).where(and(eq(providerAccount.isDefault, true), sql`${makeDefault}`)),
    ctx.db
      .insert(providerAccount)
      .values({
        name: data.name,
        kind: data.kind,
        sender: data.sender ?? null,
        config,
        credentialsEnc,
        credentialsMasked: mask(credentials),
        webhookSecret: randomToken(),
        ratePerSecond: data.ratePerSecond,
        stripAccents: data.stripAccents,
        isDefault: makeDefault,
      })
      .returning(),
  ]);
  const row = inserted[0];
  await writeAudit(ctx, "sms_account.create", "provider_account", row!.id, { name: data.name, kind: data.kind, isDefault: makeDefault });
  return toAccountOutput(row!);
}

export async function updateAccount(ctx: ServiceContext, input: UpdateAccountInput): Promise<AccountOutput> {
  requirePermission(ctx, "sms_accounts.manage");
  const data = updateAccountInput.parse(input);
  const row = await findAccount(ctx.db, data.id);
  if (!row) throw notFound("Conta de SMS não encontrada.");
  const stored = await decryptJson<Record<string, string>>(await credentialsKey(), row.credentialsEnc);
  const typed = Object.fromEntries(Object.entries(data.credentials).filter(([, v]) => v.trim() !== ""));
  const { config, credentials } = validateKind(row.kind, data.config, { ...stored, ...typed }, data.sender);
  const [updated] = await ctx.db
    .update(providerAccount)
    .set({
      name: data.name,
      sender: data.sender ?? null,
      config,
      credentialsEnc: await encryptJson(await credentialsKey(), credentials),
      credentialsMasked: mask(credentials),
      ratePerSecond: data.ratePerSecond,
      stripAccents: data.stripAccents,
      updatedAt: new Date(),
    })
    .where(eq(providerAccount.id, row.id))
    .returning();
  await writeAudit(ctx, "sms_account.update", "provider_account", row.id, { name: data.name, stripAccents: data.stripAccents, credentialsChanged: Object.keys(typed) });
  return toAccountOutput(updated!);
}

export async function setDefaultAccount(ctx: ServiceContext, input: { id: number }): Promise<AccountOutput> {
  requirePermission(ctx, "sms_accounts.manage");
  const row = await findAccount(ctx.db, input.id);
  if (!row) throw notFound("Conta de SMS não encontrada.");
  if (!row.active) throw invalid("Ative a conta antes de torná-la padrão.");
  const [, rows] = await ctx.db.batch([
    ctx.db.update(providerAccount).set({ isDefault: false }).where(eq(providerAccount.isDefault, true)),
    ctx.db.update(providerAccount).set({ isDefault: true, updatedAt: new Date() }).where(eq(providerAccount.id, row.id)).returning(),
  ]);
  await writeAudit(ctx, "sms_account.set_default", "provider_account", row.id, {});
  return toAccountOutput(rows[0]!);
}

export async function setAccountActive(ctx: ServiceContext, input: { id: number; active: boolean }): Promise<AccountOutput> {
  requirePermission(ctx, "sms_accounts.manage");
  const data = setAccountActiveInput.parse(input);
  const row = await findAccount(ctx.db, data.id);
  if (!row) throw notFound("Conta de SMS não encontrada.");
  // A disabled account cannot stay the default: sends would silently go nowhere.
  const [updated] = await ctx.db
    .update(providerAccount)
    .set({ active: data.active, isDefault: data.active ? row.isDefault : false, updatedAt: new Date() })
    .where(eq(providerAccount.id, row.id))
    .returning();
  await writeAudit(ctx, data.active ? "sms_account.enable" : "sms_account.disable", "provider_account", row.id, {});
  return toAccountOutput(updated!);
}
