import { relations } from "drizzle-orm";
import { account, session, user } from "./auth";
import { connection, customer, phone } from "./customer";
import { accessPoint, city, neighbourhood, paymentProfile, plan, server, street } from "./reference";

export const cityRelations = relations(city, ({ many }) => ({
  neighbourhoods: many(neighbourhood),
  customers: many(customer),
}));
export const neighbourhoodRelations = relations(neighbourhood, ({ one, many }) => ({
  city: one(city, { fields: [neighbourhood.cityId], references: [city.id] }),
  streets: many(street),
}));
export const streetRelations = relations(street, ({ one }) => ({
  neighbourhood: one(neighbourhood, { fields: [street.neighbourhoodId], references: [neighbourhood.id] }),
}));
export const accessPointRelations = relations(accessPoint, ({ one }) => ({
  server: one(server, { fields: [accessPoint.serverId], references: [server.id] }),
  city: one(city, { fields: [accessPoint.cityId], references: [city.id] }),
}));
export const customerRelations = relations(customer, ({ one, many }) => ({
  city: one(city, { fields: [customer.cityId], references: [city.id] }),
  neighbourhood: one(neighbourhood, { fields: [customer.neighbourhoodId], references: [neighbourhood.id] }),
  street: one(street, { fields: [customer.streetId], references: [street.id] }),
  paymentProfile: one(paymentProfile, { fields: [customer.paymentProfileId], references: [paymentProfile.id] }),
  phones: many(phone),
  connections: many(connection),
}));
export const phoneRelations = relations(phone, ({ one }) => ({
  customer: one(customer, { fields: [phone.customerId], references: [customer.id] }),
}));
export const connectionRelations = relations(connection, ({ one }) => ({
  customer: one(customer, { fields: [connection.customerId], references: [customer.id] }),
  plan: one(plan, { fields: [connection.planId], references: [plan.id] }),
  server: one(server, { fields: [connection.serverId], references: [server.id] }),
  accessPoint: one(accessPoint, { fields: [connection.accessPointId], references: [accessPoint.id] }),
}));
export const userRelations = relations(user, ({ many }) => ({
  sessions: many(session),
  accounts: many(account),
}));
export const sessionRelations = relations(session, ({ one }) => ({
  user: one(user, { fields: [session.userId], references: [user.id] }),
}));
export const accountRelations = relations(account, ({ one }) => ({
  user: one(user, { fields: [account.userId], references: [user.id] }),
}));
