import { z } from "zod";
import { ROLES } from "@/db/schema/constants";
import { protectedProcedure, router } from "../trpc";

export const meRouter = router({
  get: protectedProcedure
    .output(z.object({ id: z.string(), name: z.string(), email: z.string(), role: z.enum(ROLES) }))
    .query(({ ctx }) => ctx.user),
});
