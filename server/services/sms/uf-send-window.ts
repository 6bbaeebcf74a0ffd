/**
 * Changes the send window of one UF (or gives it back its legal default) in a single statement,
 * so two admins editing different UFs never overwrite each other's change.
 */
import { sql } from "drizzle-orm";
import { z } from "zod";
import { appSetting } from "@/db/schema";
import { UFS } from "@/db/schema/constants";
import { type SendWindowRules, weekRulesSchema } from "@/server/sms/send-window-rules";
import { writeAudit } from "../audit";
import { parseInput } from "../batches/parse";
import { getSendWindowRules, SEND_WINDOWS_KEY as KEY } from "./settings";
import { requirePermission } from "@/server/services/permissions";
import { actorUserId, type ServiceContext } from "@/server/services/context";

export const setUfSendWindowInput = z.object({
  uf: z.enum(UFS, { error: "UF desconhecida." }),
  /** null: back to the legal default of the UF. */
  rules: weekRulesSchema.nullable(),
});
export type SetUfSendWindowInput = z.input<typeof setUfSendWindowInput>;

export async function setUfSendWindow(ctx: ServiceContext, input: SetUfSendWindowInput): Promise<SendWindowRules> {
  requirePermission(ctx, "settings.manage");
  const { uf, rules } = parseInput(setUfSendWindowInput, input);
  // The UF comes from the enum above, so the JSON path is one of 27 fixed strings.
  const path = `$.${uf}`;
  const now = Date.now();
  if (rules) {
    const value = JSON.stringify(rules);
    await ctx.db.run(sql`insert into ${appSetting} (key, value, updated_by, updated_at)
      values (${KEY}, json_object(${uf}, json(${value})), ${actorUserId(ctx.actor)}, ${now})
      on conflict (key) do update set value = json_set(coalesce(${appSetting.value}, '{}'), ${path}, json(${value})),
        updated_by = ${actorUserId(ctx.actor)}, updated_at = ${now}`);
  } else {
    await ctx.db.run(sql`update ${appSetting} set value = json_remove(${appSetting.value}, ${path}), updated_by = ${actorUserId(ctx.actor)}, updated_at = ${now}
      where ${appSetting.key} = ${KEY}`);
  }
  await writeAudit(ctx, rules ? "sms.send_window.set" : "sms.send_window.restore", "app_setting", KEY, { uf, rules });
  return getSendWindowRules(ctx.db);
}
