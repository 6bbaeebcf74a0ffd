import { z } from "zod";
import { nextDrainAt, sendJobEvent } from "@/server/jobs/runtime";
import { writeAudit } from "../audit";
import { pendingCount } from "./drain";
import { requirePermission } from "@/server/services/permissions";
import { actorStamp, type ServiceContext } from "@/server/services/context";

export const queueStatusOutput = z.object({ nextDrainAt: z.date(), pending: z.number() });

export async function queueStatus(ctx: ServiceContext): Promise<z.output<typeof queueStatusOutput>> {
  requirePermission(ctx, "queue.manage");
  const { db } = ctx;
  return { nextDrainAt: nextDrainAt(), pending: await pendingCount(db) };
}

/** "Processar fila agora": asks for a drain outside the schedule (it never overlaps a running one). */
export async function requestDrain(ctx: ServiceContext): Promise<{ requested: true }> {
  requirePermission(ctx, "queue.drain");
  await sendJobEvent({ name: "sms/queue.drain-requested", data: { requestedBy: actorStamp(ctx.actor).by } });
  await writeAudit(ctx, "queue.drain_now", "sms_queue", null, {});
  return { requested: true };
}
