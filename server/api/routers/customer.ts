import { getCustomer } from "@/server/services/customers/get-customer";
import { customerDetail, getCustomerInput, searchCustomersInput, searchCustomersOutput } from "@/server/services/customers/schemas";
import { searchCustomers } from "@/server/services/customers/search-customers";
import { liftOptOut, listCustomerOptOuts, optOutOutput } from "@/server/services/sms/opt-outs";
import { z } from "zod";
import { idInput, protectedProcedure, router, smsProcedure, toServiceContext } from "../trpc";

// Every role looks customers up (technicians send individual SMS in the field), each with its view.
export const customerRouter = router({
  search: protectedProcedure
    .input(searchCustomersInput)
    .output(searchCustomersOutput)
    .query(({ ctx, input }) => searchCustomers(toServiceContext(ctx), input)),
  get: protectedProcedure
    .input(getCustomerInput)
    .output(customerDetail)
    .query(({ ctx, input }) => getCustomer(toServiceContext(ctx), input)),
  optOuts: protectedProcedure
    .input(idInput)
    .output(z.array(optOutOutput))
    .query(({ ctx, input }) => listCustomerOptOuts(toServiceContext(ctx), input)),
  // Lifting consent blocks is an SMS operation: operators and admins.
  liftOptOut: smsProcedure.input(idInput).mutation(({ ctx, input }) => liftOptOut(toServiceContext(ctx), input)),
});
