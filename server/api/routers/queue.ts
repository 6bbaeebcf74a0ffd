import { z } from "zod";
import { listQueue } from "@/server/services/queue/list-queue";
import { cancelQueued, rescheduleQueued, resolveInDoubt, retryNow } from "@/server/services/queue/queue-actions";
import { queueStatus, queueStatusOutput, requestDrain } from "@/server/services/queue/queue-status";
import { listQueueInput, listQueueOutput, queueActionInput, queueActionOutput, rescheduleQueuedInput, resolveInDoubtInput } from "@/server/services/queue/schemas";
import { adminProcedure, router, smsProcedure, toServiceContext } from "../trpc";

// "Fila de SMS": operators see it and act on messages; only admins trigger a drain by hand.
export const queueRouter = router({
  status: smsProcedure.output(queueStatusOutput).query(({ ctx }) => queueStatus(toServiceContext(ctx))),
  list: smsProcedure.input(listQueueInput).output(listQueueOutput).query(({ ctx, input }) => listQueue(toServiceContext(ctx), input)),
  cancel: smsProcedure.input(queueActionInput).output(queueActionOutput).mutation(({ ctx, input }) => cancelQueued(toServiceContext(ctx), input)),
  retryNow: smsProcedure.input(queueActionInput).output(queueActionOutput).mutation(({ ctx, input }) => retryNow(toServiceContext(ctx), input)),
  reschedule: smsProcedure.input(rescheduleQueuedInput).output(queueActionOutput).mutation(({ ctx, input }) => rescheduleQueued(toServiceContext(ctx), input)),
  resolveInDoubt: smsProcedure.input(resolveInDoubtInput).output(queueActionOutput).mutation(({ ctx, input }) => resolveInDoubt(toServiceContext(ctx), input)),
  drainNow: adminProcedure.output(z.object({ requested: z.literal(true) })).mutation(({ ctx }) => requestDrain(toServiceContext(ctx))),
});
