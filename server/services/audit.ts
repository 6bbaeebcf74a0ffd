import { auditLog } from "@/db/schema";
import { actorRef, actorUserId, type ServiceContext } from "./context";

/** Records who did what; detail must never hold secrets or message bodies. */
export async function writeAudit(
  ctx: Pick<ServiceContext, "db" | "actor">,
  action: string,
  entity: string,
  entityId: string | number | null,
  detail: Record<string, unknown>,
): Promise<void> {
  await ctx.db.insert(auditLog).values({ userId: actorUserId(ctx.actor), actor: actorRef(ctx.actor), action, entity, entityId: entityId === null ? null : String(entityId), detail });
}
