import { z } from "zod";
import { createUserInput, setUserDisabledInput, setUserRoleInput, userOutput } from "@/server/services/users/schemas";
import { createUser, listUsers, setUserDisabled, setUserRole } from "@/server/services/users/manage-users";
import { adminProcedure, router, toServiceContext } from "../trpc";

export const userRouter = router({
  list: adminProcedure.output(z.array(userOutput)).query(({ ctx }) => listUsers(toServiceContext(ctx))),
  create: adminProcedure.input(createUserInput).output(userOutput).mutation(({ ctx, input }) => createUser(toServiceContext(ctx), input)),
  setRole: adminProcedure.input(setUserRoleInput).output(userOutput).mutation(({ ctx, input }) => setUserRole(toServiceContext(ctx), input)),
  setDisabled: adminProcedure.input(setUserDisabledInput).output(userOutput).mutation(({ ctx, input }) => setUserDisabled(toServiceContext(ctx), input)),
});
