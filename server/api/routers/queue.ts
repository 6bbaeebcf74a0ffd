import { z } from "zod";
import { queueStatus, queueStatusOutput, requestDrain } from "@/server/services/queue/queue-status";
import { adminProcedure, router, smsProcedure } from "../trpc";

// "Fila de SMS": operators see it; only admins trigger a drain by hand.
export const queueRouter = router({
  status: smsProcedure.output(queueStatusOutput).query(({ ctx }) => queueStatus({ db: ctx.db })),
  drainNow: adminProcedure.output(z.object({ requested: z.literal(true) })).mutation(({ ctx }) => requestDrain({ ctx })),
});
