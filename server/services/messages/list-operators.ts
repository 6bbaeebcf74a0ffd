import { asc, eq, exists } from "drizzle-orm";
import type { Db } from "@/db/client";
import { smsMessage, user } from "@/db/schema";
import type { MessageOperatorsOutput } from "./schemas";

/** Users who have created at least one message: the choices of the "Operador" filter. */
export async function listMessageOperators({ db }: { db: Db }): Promise<MessageOperatorsOutput> {
  return db
    .select({ id: user.id, name: user.name })
    .from(user)
    .where(exists(db.select({ one: smsMessage.id }).from(smsMessage).where(eq(smsMessage.createdBy, user.id))))
    .orderBy(asc(user.name), asc(user.id));
}
