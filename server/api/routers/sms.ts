import { sendIndividualInput, sendOutcomeOutput } from "@/server/services/sms/schemas";
import { sendIndividual } from "@/server/services/sms/send-individual";
import { getSmsSettings, setSmsSettings, smsSettingsSchema } from "@/server/services/sms/settings";
import { adminProcedure, protectedProcedure, router } from "../trpc";

export const smsRouter = router({
  // Operators and technicians send individual SMS (admins too).
  sendIndividual: protectedProcedure
    .input(sendIndividualInput)
    .output(sendOutcomeOutput)
    .mutation(({ ctx, input }) => sendIndividual({ ctx, input })),
  // Every role needs the limits to count characters in the form.
  settings: protectedProcedure.output(smsSettingsSchema).query(({ ctx }) => getSmsSettings(ctx.db)),
  setSettings: adminProcedure
    .input(smsSettingsSchema)
    .output(smsSettingsSchema)
    .mutation(({ ctx, input }) => setSmsSettings({ db: ctx.db, userId: ctx.user.id, input })),
});
