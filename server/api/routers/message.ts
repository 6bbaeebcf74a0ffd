import { getMessageDetail } from "@/server/services/messages/get-message";
import { listMessages } from "@/server/services/messages/list-messages";
import { listMessageOperators } from "@/server/services/messages/list-operators";
import {
  getMessageInput, listMessagesInput, listMessagesOutput, messageDetailOutput, messageOperatorsOutput,
} from "@/server/services/messages/schemas";
import { protectedProcedure, router, smsProcedure, toServiceContext } from "../trpc";

// The history of messages. Technicians reach it too, restricted by the service to their own sends.
export const messageRouter = router({
  list: protectedProcedure
    .input(listMessagesInput)
    .output(listMessagesOutput)
    .query(({ ctx, input }) => listMessages(toServiceContext(ctx), input)),
  // One message and its timeline (same restriction: a technician's own sends only).
  get: protectedProcedure
    .input(getMessageInput)
    .output(messageDetailOutput)
    .query(({ ctx, input }) => getMessageDetail(toServiceContext(ctx), input)),
  // Choices of the "Operador" filter, which only operators and admins have.
  operators: smsProcedure.output(messageOperatorsOutput).query(({ ctx }) => listMessageOperators(toServiceContext(ctx))),
});
