import { z } from "zod";
import type { Db } from "@/db/client";
import type { SessionUser } from "@/server/auth/session";
import { nextDrainAt, sendJobEvent } from "@/server/jobs/runtime";
import { writeAudit } from "../audit";
import { pendingCount } from "./drain";

export const queueStatusOutput = z.object({ nextDrainAt: z.date(), pending: z.number() });

export async function queueStatus({ db }: { db: Db }): Promise<z.output<typeof queueStatusOutput>> {
  return { nextDrainAt: nextDrainAt(), pending: await pendingCount(db) };
}

/** "Processar fila agora": asks for a drain outside the schedule (it never overlaps a running one). */
export async function requestDrain({ ctx }: { ctx: { db: Db; user: SessionUser } }): Promise<{ requested: true }> {
  await sendJobEvent({ name: "sms/queue.drain-requested", data: { requestedBy: ctx.user.id } });
  await writeAudit(ctx, "queue.drain_now", "sms_queue", null, {});
  return { requested: true };
}
