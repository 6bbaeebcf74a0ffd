import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { optOut, phone } from "@/db/schema";
import type { OptOutSource } from "@/db/schema/constants";
import { OPT_OUT_SOURCES } from "@/db/schema/constants";
import { formatPhoneNational } from "@/server/sms/phone";
import { writeAudit } from "../audit";
import { notFound } from "../errors";
import { requirePermission } from "@/server/services/permissions";
import { actorUserId, type ServiceContext } from "@/server/services/context";

export const optOutOutput = z.object({
  id: z.number(),
  phoneE164: z.string(),
  national: z.string(),
  source: z.enum(OPT_OUT_SOURCES),
  detail: z.string().nullable(),
  createdAt: z.date(),
});
export type OptOutOutput = z.output<typeof optOutOutput>;

export async function activeOptOut(db: Db, e164: string) {
  const [row] = await db.select().from(optOut).where(and(eq(optOut.phoneE164, e164), isNull(optOut.liftedAt)));
  return row;
}

/** Records an opt-out once; a repeated PARE keeps the first record. */
export async function recordOptOut(
  db: Db,
  v: { phoneE164: string; source: OptOutSource; detail?: string | null; providerAccountId?: number | null; createdBy?: string | null },
): Promise<void> {
  await db
    .insert(optOut)
    .values({ phoneE164: v.phoneE164, source: v.source, detail: v.detail ?? null, providerAccountId: v.providerAccountId ?? null, createdBy: v.createdBy ?? null })
    .onConflictDoNothing();
}

const customerIdInput = z.object({ id: z.number().int().positive() });

/** The customer's numbers that asked not to receive SMS. */
export async function listCustomerOptOuts(ctx: ServiceContext, input: { id: number }): Promise<OptOutOutput[]> {
  requirePermission(ctx, "customers.read");
  const { db } = ctx;
  const { id: customerId } = customerIdInput.parse(input);
  const phones = await db.select({ e164: phone.e164 }).from(phone).where(eq(phone.customerId, customerId));
  if (phones.length === 0) return [];
  const rows = await db
    .select()
    .from(optOut)
    .where(and(inArray(optOut.phoneE164, phones.map((p) => p.e164)), isNull(optOut.liftedAt)))
    .orderBy(desc(optOut.createdAt));
  return rows.map((r) => ({ id: r.id, phoneE164: r.phoneE164, national: formatPhoneNational(r.phoneE164), source: r.source, detail: r.detail, createdAt: r.createdAt }));
}

/** An operator lifts an opt-out (the customer asked to receive SMS again); audited. */
export async function liftOptOut(ctx: ServiceContext, input: { id: number }): Promise<void> {
  requirePermission(ctx, "opt_outs.lift");
  const [row] = await ctx.db
    .update(optOut)
    .set({ liftedAt: new Date(), liftedBy: actorUserId(ctx.actor) })
    .where(and(eq(optOut.id, input.id), isNull(optOut.liftedAt)))
    .returning();
  if (!row) throw notFound("Bloqueio não encontrado ou já removido.");
  await writeAudit(ctx, "opt_out.lift", "opt_out", row.id, { phone: row.phoneE164 });
}
