import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { appSetting, providerAccount } from "@/db/schema";
import { type SendWindowRules, sendWindowRulesSchema } from "@/server/sms/send-window-rules";
import { requirePermission } from "@/server/services/permissions";
import { actorUserId, type ServiceContext } from "@/server/services/context";

/** Admin settings of sending; defaults follow the seed (one 160-character SMS). */
export const smsSettingsSchema = z.object({
  maxParts: z.number().int().min(1, "Mínimo de 1 parte.").max(10, "Máximo de 10 partes por mensagem."),
  individualPerMinute: z.number().int().min(1, "Mínimo de 1 SMS por minuto.").max(600, "Máximo de 600 SMS por minuto."),
});
export type SmsSettings = z.output<typeof smsSettingsSchema>;

export const DEFAULT_SMS_SETTINGS: SmsSettings = { maxParts: 1, individualPerMinute: 20 };
const KEY = "sms";

export async function getSmsSettings(db: Db): Promise<SmsSettings> {
  const [row] = await db.select().from(appSetting).where(eq(appSetting.key, KEY));
  const parsed = smsSettingsSchema.partial().safeParse(row?.value ?? {});
  return { ...DEFAULT_SMS_SETTINGS, ...(parsed.success ? parsed.data : {}) };
}

export async function setSmsSettings(ctx: ServiceContext, input: SmsSettings): Promise<SmsSettings> {
  requirePermission(ctx, "settings.manage");
  const { db } = ctx;
  const userId = actorUserId(ctx.actor);
  const value = smsSettingsSchema.parse(input);
  await db
    .insert(appSetting)
    .values({ key: KEY, value, updatedBy: userId })
    .onConflictDoUpdate({ target: appSetting.key, set: { value, updatedBy: userId, updatedAt: new Date() } });
  return value;
}

/** What the counters need to count as the server will: the limits and how the default account sends. */
export const composeSettingsOutput = smsSettingsSchema.extend({ stripAccents: z.boolean() });
export type ComposeSettings = z.output<typeof composeSettingsOutput>;

export async function getComposeSettings(db: Db): Promise<ComposeSettings> {
  const [account] = await db
    .select({ stripAccents: providerAccount.stripAccents })
    .from(providerAccount)
    .where(and(eq(providerAccount.isDefault, true), eq(providerAccount.active, true)));
  // No account yet: new accounts send without accents.
  return { ...(await getSmsSettings(db)), stripAccents: account?.stripAccents ?? true };
}

/** The app_setting row of the send-window overrides (also written one UF at a time: uf-send-window.ts). */
export const SEND_WINDOWS_KEY = "send_windows";

/** Send-window overrides per UF edited by an admin; absent UFs use the legal defaults. */
export async function getSendWindowRules(db: Db): Promise<SendWindowRules> {
  const [row] = await db.select().from(appSetting).where(eq(appSetting.key, SEND_WINDOWS_KEY));
  const parsed = sendWindowRulesSchema.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : {};
}

export async function setSendWindowRules(ctx: ServiceContext, input: unknown): Promise<SendWindowRules> {
  requirePermission(ctx, "settings.manage");
  const { db } = ctx;
  const userId = actorUserId(ctx.actor);
  const value = sendWindowRulesSchema.parse(input);
  await db
    .insert(appSetting)
    .values({ key: SEND_WINDOWS_KEY, value, updatedBy: userId })
    .onConflictDoUpdate({ target: appSetting.key, set: { value, updatedBy: userId, updatedAt: new Date() } });
  return value;
}
