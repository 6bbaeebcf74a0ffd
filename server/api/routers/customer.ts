import { getCustomer } from "@/server/services/customers/get-customer";
import { customerDetail, getCustomerInput, searchCustomersInput, searchCustomersOutput } from "@/server/services/customers/schemas";
import { searchCustomers } from "@/server/services/customers/search-customers";
import { protectedProcedure, router } from "../trpc";

// Every role looks customers up (technicians send individual SMS in the field).
export const customerRouter = router({
  search: protectedProcedure
    .input(searchCustomersInput)
    .output(searchCustomersOutput)
    .query(({ ctx, input }) => searchCustomers({ db: ctx.db, input })),
  get: protectedProcedure
    .input(getCustomerInput)
    .output(customerDetail)
    .query(({ ctx, input }) => getCustomer({ db: ctx.db, input })),
});
