import { asc, eq } from "drizzle-orm";
import { accessPoint, city, connection, customer, neighbourhood, paymentProfile, phone, plan, server, street } from "@/db/schema";
import { formatDocument } from "@/server/lib/text";
import { formatPhoneNational } from "@/server/sms/phone";
import { notFound } from "../errors";
import { type CustomerDetail, getCustomerInput, customerViewOf } from "./schemas";
import { requirePermission } from "@/server/services/permissions";
import type { ServiceContext } from "@/server/services/context";

/** One customer with address, phones (primary first) and connections; the field view without CPF/CNPJ, e-mail, payment profile and logins. */
export async function getCustomer(ctx: ServiceContext, input: { id: number }): Promise<CustomerDetail> {
  requirePermission(ctx, "customers.read");
  const { db } = ctx;
  const view = customerViewOf(ctx.actor);
  const { id } = getCustomerInput.parse(input);
  const [row] = await db
    .select({
      c: customer,
      city: city.name,
      uf: city.uf,
      neighbourhood: neighbourhood.name,
      street: street.name,
      postalCode: street.postalCode,
      paymentProfileName: paymentProfile.name,
    })
    .from(customer)
    .innerJoin(city, eq(city.id, customer.cityId))
    .leftJoin(neighbourhood, eq(neighbourhood.id, customer.neighbourhoodId))
    .leftJoin(street, eq(street.id, customer.streetId))
    .leftJoin(paymentProfile, eq(paymentProfile.id, customer.paymentProfileId))
    .where(eq(customer.id, id));
  if (!row) throw notFound("Cliente não encontrado.");

  const [phones, connections] = await Promise.all([
    db
      .select({ id: phone.id, kind: phone.kind, e164: phone.e164, isPrimary: phone.isPrimary, label: phone.label })
      .from(phone)
      .where(eq(phone.customerId, id))
      .orderBy(asc(phone.kind), asc(phone.isPrimary), asc(phone.id)),
    db
      .select({
        id: connection.id,
        login: connection.login,
        status: connection.status,
        plan: plan.name,
        server: server.name,
        accessPoint: accessPoint.name,
      })
      .from(connection)
      .innerJoin(plan, eq(plan.id, connection.planId))
      .innerJoin(server, eq(server.id, connection.serverId))
      .innerJoin(accessPoint, eq(accessPoint.id, connection.accessPointId))
      .where(eq(connection.customerId, id))
      .orderBy(asc(connection.id)),
  ]);

  const c = row.c;
  const office = view === "office";
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    personType: c.personType,
    ...(office ? { document: formatDocument(c.document), email: c.email } : {}),
    status: c.status,
    address: {
      street: row.street,
      number: c.addressNumber,
      complement: c.addressComplement,
      neighbourhood: row.neighbourhood,
      city: row.city,
      uf: row.uf,
      postalCode: row.postalCode,
    },
    ...(office ? { paymentProfile: c.paymentProfileId && row.paymentProfileName ? { id: c.paymentProfileId, name: row.paymentProfileName } : null } : {}),
    // Mobiles first, primary first within each kind.
    phones: phones
      .sort((a, b) => (a.kind === b.kind ? Number(b.isPrimary) - Number(a.isPrimary) : a.kind === "mobile" ? -1 : 1))
      .map((p) => ({ ...p, national: formatPhoneNational(p.e164) })),
    connections: office ? connections : connections.map(({ login: _login, ...rest }) => rest),
  };
}
