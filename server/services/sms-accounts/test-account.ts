import { z } from "zod";
import { analyzeSms } from "@/server/sms/encoding";
import { formatPhoneNational } from "@/server/sms/phone";
import { validateSmsRecipientStrict } from "@/server/sms/phone-server";
import { writeAudit } from "../audit";
import { invalid, notFound } from "../errors";
import { dispatchMessage } from "../sms/dispatch";
import { getMessage, queueMessage } from "../sms/ledger";
import { findAccount } from "./account-store";
import { testAccountInput } from "./schemas";
import { requirePermission } from "@/server/services/permissions";
import { actorUserId, type ServiceContext } from "@/server/services/context";

export const testAccountOutput = z.object({
  status: z.string(),
  phone: z.string(),
  /** The provider's answer in Portuguese (error) or null when accepted. */
  errorMessage: z.string().nullable(),
  providerMessageId: z.string().nullable(),
});

/** "Testar": sends a real test SMS through one account; it is recorded in the ledger like any send. */
export async function testAccount(ctx: ServiceContext, input: z.input<typeof testAccountInput>) {
  requirePermission(ctx, "sms_accounts.manage");
  const data = testAccountInput.parse(input);
  const account = await findAccount(ctx.db, data.id);
  if (!account) throw notFound("Conta de SMS não encontrada.");
  if (!account.active) throw invalid("A conta está desativada. Ative-a para testar.");
  const to = validateSmsRecipientStrict(data.phone);
  if (!to.ok) throw invalid(to.message, { phone: to.message });
  const analysis = analyzeSms(data.text, { maxParts: 1 });
  const { message } = await queueMessage(ctx.db, {
    origin: "individual",
    category: "operacional",
    phoneE164: to.e164,
    motivo: `Teste da conta ${account.name}`,
    body: data.text,
    encoding: analysis.encoding,
    segments: analysis.parts,
    characters: analysis.characters,
    providerAccountId: account.id,
    createdBy: actorUserId(ctx.actor),
    idempotencyKey: data.idempotencyKey,
  });
  await dispatchMessage(ctx.db, message.id);
  const m = (await getMessage(ctx.db, message.id))!;
  await writeAudit(ctx, "sms_account.test", "provider_account", account.id, { messageId: m.id, status: m.status });
  return { status: m.status, phone: formatPhoneNational(m.phoneE164), errorMessage: m.lastErrorMessage, providerMessageId: m.providerMessageId };
}
