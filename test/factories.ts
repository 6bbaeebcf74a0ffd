import { hashPassword } from "better-auth/crypto";
import type { Db } from "@/db/client";
import { accessPoint, account, city, connection, customer, neighbourhood, paymentProfile, phone, plan, server, street, user } from "@/db/schema";
import type { CustomerStatus, PhoneKind, Role } from "@/db/schema/constants";
import type { SessionUser } from "@/server/auth/session";
import { normalizeSearch } from "@/server/lib/text";

// Factories make unique rows so tests never depend on each other's data.
let seq = 0;
const next = () => ++seq;

export async function makeNetwork(db: Db) {
  const n = next();
  const [c] = await db.insert(city).values({ name: `Cidade ${n}`, uf: "MG", timeZone: "America/Sao_Paulo" }).returning();
  const [nb] = await db.insert(neighbourhood).values({ cityId: c!.id, name: `Bairro ${n}` }).returning();
  const [st] = await db.insert(street).values({ neighbourhoodId: nb!.id, name: `Rua ${n}`, postalCode: "37701-000" }).returning();
  const [sv] = await db.insert(server).values({ name: `BRAS-${n}`, host: `10.0.0.${n % 250}` }).returning();
  const [ap] = await db.insert(accessPoint).values({ name: `POP ${n}`, serverId: sv!.id, cityId: c!.id }).returning();
  const [pl] = await db.insert(plan).values({ name: `Fibra ${n}00 Mega`, downloadMbps: n * 100, uploadMbps: n * 50, priceCents: 9990 }).returning();
  const [pp] = await db.insert(paymentProfile).values({ name: `Boleto dia ${n}`, method: "boleto", dueDay: 10 }).returning();
  return { city: c!, neighbourhood: nb!, street: st!, server: sv!, accessPoint: ap!, plan: pl!, paymentProfile: pp! };
}

export type Network = Awaited<ReturnType<typeof makeNetwork>>;

export async function makeCustomer(
  db: Db,
  net: Network,
  opts: {
    name?: string;
    code?: string;
    document?: string;
    status?: CustomerStatus;
    phones?: { e164: string; kind?: PhoneKind; isPrimary?: boolean }[];
    withConnection?: boolean;
  } = {},
) {
  const n = next();
  const name = opts.name ?? `Cliente Teste ${n}`;
  const [c] = await db
    .insert(customer)
    .values({
      code: opts.code ?? `T${String(n).padStart(6, "0")}`,
      name,
      searchName: normalizeSearch(name),
      personType: "individual",
      document: opts.document ?? String(10_000_000_000 + n),
      status: opts.status ?? "active",
      cityId: net.city.id,
      neighbourhoodId: net.neighbourhood.id,
      streetId: net.street.id,
      addressNumber: String(n),
      paymentProfileId: net.paymentProfile.id,
    })
    .returning();
  for (const p of opts.phones ?? []) {
    await db.insert(phone).values({ customerId: c!.id, e164: p.e164, kind: p.kind ?? "mobile", isPrimary: p.isPrimary ?? false });
  }
  if (opts.withConnection ?? true) {
    await db.insert(connection).values({
      customerId: c!.id,
      login: `login${n}`,
      planId: net.plan.id,
      serverId: net.server.id,
      accessPointId: net.accessPoint.id,
    });
  }
  return c!;
}

export async function makeUser(db: Db, role: Role, opts: { password?: string; disabled?: boolean } = {}): Promise<SessionUser> {
  const n = next();
  const id = crypto.randomUUID();
  const u = { id, name: `Usuário ${role} ${n}`, email: `${role}${n}-${id.slice(0, 6)}@teste.test`, role };
  await db.insert(user).values({ ...u, emailVerified: true, disabled: opts.disabled ?? false });
  if (opts.password) {
    await db.insert(account).values({ id: crypto.randomUUID(), accountId: id, providerId: "credential", userId: id, password: await hashPassword(opts.password) });
  }
  return u;
}
