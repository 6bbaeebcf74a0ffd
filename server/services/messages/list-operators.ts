import { asc, eq, exists } from "drizzle-orm";
import { smsMessage, user } from "@/db/schema";
import type { MessageOperatorsOutput } from "./schemas";
import { requirePermission } from "@/server/services/permissions";
import type { ServiceContext } from "@/server/services/context";

/** Users who have created at least one message: the choices of the "Operador" filter. */
export async function listMessageOperators(ctx: ServiceContext): Promise<MessageOperatorsOutput> {
  requirePermission(ctx, "messages.operators");
  const { db } = ctx;
  return db
    .select({ id: user.id, name: user.name })
    .from(user)
    .where(exists(db.select({ one: smsMessage.id }).from(smsMessage).where(eq(smsMessage.createdBy, user.id))))
    .orderBy(asc(user.name), asc(user.id));
}
