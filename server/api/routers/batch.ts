import { z } from "zod";
import { cancelBatch, pauseBatch } from "@/server/services/batches/controls";
import { previewBatch, previewCustomerIds, previewRecipients } from "@/server/services/batches/preview-batch";
import { getBatch, listBatches, listBatchRecipients } from "@/server/services/batches/queries";
import { forecastBatchSend } from "@/server/services/batches/send-forecast";
import { updateScheduledBatch } from "@/server/services/batches/update-scheduled";
import {
  batchIdInput,
  batchOutput,
  batchWithProgressOutput,
  createBatchInput,
  createBatchOutput,
  listBatchesInput,
  listBatchesOutput,
  listBatchRecipientsInput,
  listBatchRecipientsOutput,
  previewBatchInput,
  previewBatchOutput,
  previewCustomerIdsOutput,
  previewRecipientsOutput,
  sendForecastInput,
  sendForecastOutput,
  updateScheduledBatchInput,
} from "@/server/services/batches/schemas";
import { resendFailedAndSend, resumeAndSend, startBatch } from "@/server/services/batches/start-batch";
import { router, smsProcedure, toServiceContext } from "../trpc";

// "SMS em Lote": operators and admins.
export const batchRouter = router({
  preview: smsProcedure.input(previewBatchInput).output(previewBatchOutput).query(({ ctx, input }) => previewBatch(toServiceContext(ctx), input)),
  /** Later pages of the preview's list (the counts do not change while the operator scrolls). */
  previewRecipients: smsProcedure
    .input(previewBatchInput)
    .output(previewRecipientsOutput)
    .query(({ ctx, input }) => previewRecipients(toServiceContext(ctx), input)),
  /**
   * "Enviar"'s totals with the operator's unticked customers: the same as preview, sent as a POST
   * because thousands of ids do not fit in a query's URL.
   */
  previewTotals: smsProcedure.input(previewBatchInput).output(previewBatchOutput).mutation(({ ctx, input }) => previewBatch(toServiceContext(ctx), input)),
  previewCustomerIds: smsProcedure
    .input(previewBatchInput)
    .output(previewCustomerIdsOutput)
    .query(({ ctx, input }) => previewCustomerIds(toServiceContext(ctx), input)),
  /** The confirmation step: filters in words and who is outside the send window at the send time (a POST, as previewTotals). */
  sendForecast: smsProcedure.input(sendForecastInput).output(sendForecastOutput).mutation(({ ctx, input }) => forecastBatchSend(toServiceContext(ctx), input)),
  create: smsProcedure.input(createBatchInput).output(createBatchOutput).mutation(({ ctx, input }) => startBatch(toServiceContext(ctx), input)),
  list: smsProcedure.input(listBatchesInput).output(listBatchesOutput).query(({ ctx, input }) => listBatches(toServiceContext(ctx), input)),
  get: smsProcedure.input(batchIdInput).output(batchWithProgressOutput).query(({ ctx, input }) => getBatch(toServiceContext(ctx), input)),
  recipients: smsProcedure
    .input(listBatchRecipientsInput)
    .output(listBatchRecipientsOutput)
    .query(({ ctx, input }) => listBatchRecipients(toServiceContext(ctx), input)),
  /** A scheduled batch's time, motivo and message, until it is released. */
  reschedule: smsProcedure.input(updateScheduledBatchInput).output(batchOutput).mutation(({ ctx, input }) => updateScheduledBatch(toServiceContext(ctx), input)),
  pause: smsProcedure.input(batchIdInput).output(batchOutput).mutation(({ ctx, input }) => pauseBatch(toServiceContext(ctx), input)),
  resume: smsProcedure.input(batchIdInput).output(batchOutput).mutation(({ ctx, input }) => resumeAndSend(toServiceContext(ctx), input)),
  cancel: smsProcedure
    .input(batchIdInput)
    .output(batchOutput.extend({ cancelledMessages: z.number() }))
    .mutation(({ ctx, input }) => cancelBatch(toServiceContext(ctx), input)),
  resendFailed: smsProcedure
    .input(batchIdInput)
    .output(batchOutput.extend({ resent: z.number() }))
    .mutation(({ ctx, input }) => resendFailedAndSend(toServiceContext(ctx), input)),
});
