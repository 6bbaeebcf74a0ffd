import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { accessPoint, city, neighbourhood, paymentProfile, plan, server, street } from "@/db/schema";
import { requirePermission } from "@/server/services/permissions";
import type { ServiceContext } from "@/server/services/context";

const named = z.object({ id: z.number(), name: z.string() });
export const referenceOptionsOutput = z.object({
  cities: z.array(named.extend({ uf: z.string() })),
  servers: z.array(named),
  accessPoints: z.array(named.extend({ serverId: z.number() })),
  plans: z.array(named),
  paymentProfiles: z.array(named),
});
export type ReferenceOptions = z.output<typeof referenceOptionsOutput>;
export const namedList = z.array(named);

export const neighbourhoodsInput = z.object({ cityId: z.number().int().positive() });
export const streetsInput = z.object({ neighbourhoodId: z.number().int().positive() });

/** The values the batch filters choose from (Considerar: cidade, ponto de acesso, servidor, plano, profile). */
export async function listReferenceOptions(ctx: ServiceContext): Promise<ReferenceOptions> {
  requirePermission(ctx, "reference.read");
  const { db } = ctx;
  const [cities, servers, accessPoints, plans, paymentProfiles] = await Promise.all([
    db.select({ id: city.id, name: city.name, uf: city.uf }).from(city).orderBy(asc(city.name)),
    db.select({ id: server.id, name: server.name }).from(server).orderBy(asc(server.name)),
    db.select({ id: accessPoint.id, name: accessPoint.name, serverId: accessPoint.serverId }).from(accessPoint).orderBy(asc(accessPoint.name)),
    db.select({ id: plan.id, name: plan.name }).from(plan).orderBy(asc(plan.name)),
    db.select({ id: paymentProfile.id, name: paymentProfile.name }).from(paymentProfile).orderBy(asc(paymentProfile.name)),
  ]);
  return { cities, servers, accessPoints, plans, paymentProfiles };
}

export async function listNeighbourhoods(ctx: ServiceContext, input: z.input<typeof neighbourhoodsInput>) {
  requirePermission(ctx, "reference.read");
  const { db } = ctx;
  const { cityId } = neighbourhoodsInput.parse(input);
  return db.select({ id: neighbourhood.id, name: neighbourhood.name }).from(neighbourhood).where(eq(neighbourhood.cityId, cityId)).orderBy(asc(neighbourhood.name));
}

export async function listStreets(ctx: ServiceContext, input: z.input<typeof streetsInput>) {
  requirePermission(ctx, "reference.read");
  const { db } = ctx;
  const { neighbourhoodId } = streetsInput.parse(input);
  return db.select({ id: street.id, name: street.name }).from(street).where(eq(street.neighbourhoodId, neighbourhoodId)).orderBy(asc(street.name));
}
