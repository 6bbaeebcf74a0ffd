import { z } from "zod";
import { listAccounts, createAccount, setAccountActive, setDefaultAccount, updateAccount } from "@/server/services/sms-accounts/manage-accounts";
import { accountIdInput, accountOutput, createAccountInput, setAccountActiveInput, testAccountInput, updateAccountInput } from "@/server/services/sms-accounts/schemas";
import { testAccount, testAccountOutput } from "@/server/services/sms-accounts/test-account";
import { adminProcedure, router, toServiceContext } from "../trpc";

// "Configuração de SMS": admin only. Outputs carry masked credentials only.
export const smsAccountRouter = router({
  list: adminProcedure.output(z.array(accountOutput)).query(({ ctx }) => listAccounts(toServiceContext(ctx))),
  create: adminProcedure.input(createAccountInput).output(accountOutput).mutation(({ ctx, input }) => createAccount(toServiceContext(ctx), input)),
  update: adminProcedure.input(updateAccountInput).output(accountOutput).mutation(({ ctx, input }) => updateAccount(toServiceContext(ctx), input)),
  setDefault: adminProcedure.input(accountIdInput).output(accountOutput).mutation(({ ctx, input }) => setDefaultAccount(toServiceContext(ctx), input)),
  setActive: adminProcedure.input(setAccountActiveInput).output(accountOutput).mutation(({ ctx, input }) => setAccountActive(toServiceContext(ctx), input)),
  test: adminProcedure.input(testAccountInput).output(testAccountOutput).mutation(({ ctx, input }) => testAccount(toServiceContext(ctx), input)),
});
