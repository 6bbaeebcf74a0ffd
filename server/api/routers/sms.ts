import { sendIndividualInput, sendOutcomeOutput } from "@/server/services/sms/schemas";
import { sendIndividual } from "@/server/services/sms/send-individual";
import {
  composeSettingsOutput, getComposeSettings, getSendWindowRules, setSendWindowRules, setSmsSettings, smsSettingsSchema,
} from "@/server/services/sms/settings";
import { setUfSendWindow, setUfSendWindowInput } from "@/server/services/sms/uf-send-window";
import { sendWindowRulesSchema } from "@/server/sms/send-window-rules";
import { adminProcedure, protectedProcedure, router, smsProcedure, toServiceContext } from "../trpc";

export const smsRouter = router({
  // Operators and technicians send individual SMS (admins too).
  sendIndividual: protectedProcedure
    .input(sendIndividualInput)
    .output(sendOutcomeOutput)
    .mutation(({ ctx, input }) => sendIndividual(toServiceContext(ctx), input)),
  // Every role needs the limits (and whether the default account sends without accents) to count characters in the form.
  settings: protectedProcedure.output(composeSettingsOutput).query(({ ctx }) => getComposeSettings(ctx.db)),
  setSettings: adminProcedure
    .input(smsSettingsSchema)
    .output(smsSettingsSchema)
    .mutation(({ ctx, input }) => setSmsSettings(toServiceContext(ctx), input)),
  // Send windows per UF (defaults from state laws); UFs not overridden keep the defaults.
  sendWindows: smsProcedure.output(sendWindowRulesSchema).query(({ ctx }) => getSendWindowRules(ctx.db)),
  setSendWindows: adminProcedure
    .input(sendWindowRulesSchema)
    .output(sendWindowRulesSchema)
    .mutation(({ ctx, input }) => setSendWindowRules(toServiceContext(ctx), input)),
  // One UF at a time (the settings screen): concurrent edits of different UFs never overwrite each other.
  setUfSendWindow: adminProcedure
    .input(setUfSendWindowInput)
    .output(sendWindowRulesSchema)
    .mutation(({ ctx, input }) => setUfSendWindow(toServiceContext(ctx), input)),
});
