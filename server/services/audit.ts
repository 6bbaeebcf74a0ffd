import type { Db } from "@/db/client";
import { auditLog } from "@/db/schema";

/** Records who did what; detail must never hold secrets or message bodies. */
export async function writeAudit(
  ctx: { db: Db; user: { id: string } | null },
  action: string,
  entity: string,
  entityId: string | number | null,
  detail: Record<string, unknown>,
): Promise<void> {
  await ctx.db.insert(auditLog).values({ userId: ctx.user?.id ?? null, action, entity, entityId: entityId === null ? null : String(entityId), detail });
}
