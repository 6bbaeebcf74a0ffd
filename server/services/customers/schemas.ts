import { z } from "zod";
import { lineText } from "@/server/lib/clean-text";
import type { Actor } from "@/server/services/context";
import { CONNECTION_STATUSES, CUSTOMER_STATUSES, PERSON_TYPES, PHONE_KINDS, type Role } from "@/db/schema/constants";

export const CUSTOMER_PAGE_SIZE = 20;

/**
 * What a role sees of customers. "field" (technicians): what a visit needs — name, address, phones,
 * connection status — found only by a search term, one page at most; no CPF/CNPJ, e-mail, payment
 * profile or PPPoE logins. "office" (operators, admins): everything.
 */
export type CustomerView = "office" | "field";
export const customerViewFor = (role: Role): CustomerView => (role === "tecnico" ? "field" : "office");
/** An API key sees the field view (least privilege: no CPF/CNPJ, e-mail or logins); jobs see the office view. */
export const customerViewOf = (actor: Actor): CustomerView =>
  actor.kind === "user" ? customerViewFor(actor.role) : actor.kind === "api_key" ? "field" : "office";
/** The shortest term a technician may search with. */
export const FIELD_SEARCH_MIN_CHARS = 2;

export const searchCustomersInput = z.object({
  q: lineText().trim().max(100, "A busca aceita no máximo 100 caracteres.").default(""),
  status: z.enum(CUSTOMER_STATUSES).optional(),
  /** Offset of the next page, as returned in nextCursor. */
  cursor: z.number().int().min(0).max(100_000).nullish(),
});
export type SearchCustomersInput = z.input<typeof searchCustomersInput>;

export const customerListItem = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  /** Absent in the field view. */
  document: z.string().optional(),
  status: z.enum(CUSTOMER_STATUSES),
  city: z.string(),
  uf: z.string(),
  primaryMobile: z.string().nullable(),
});

export const searchCustomersOutput = z.object({
  items: z.array(customerListItem),
  nextCursor: z.number().nullable(),
});
export type SearchCustomersOutput = z.output<typeof searchCustomersOutput>;

export const getCustomerInput = z.object({ id: z.number().int().positive() });

export const customerDetail = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  personType: z.enum(PERSON_TYPES),
  // These three are absent in the field view (technicians).
  document: z.string().optional(),
  status: z.enum(CUSTOMER_STATUSES),
  email: z.string().nullable().optional(),
  address: z.object({
    street: z.string().nullable(),
    number: z.string().nullable(),
    complement: z.string().nullable(),
    neighbourhood: z.string().nullable(),
    city: z.string(),
    uf: z.string(),
    postalCode: z.string().nullable(),
  }),
  paymentProfile: z.object({ id: z.number(), name: z.string() }).nullable().optional(),
  phones: z.array(
    // label: what the customer said the number is ("Cônjuge", "WhatsApp"), shown beside it.
    z.object({ id: z.number(), kind: z.enum(PHONE_KINDS), e164: z.string(), national: z.string(), isPrimary: z.boolean(), label: z.string().nullable() }),
  ),
  connections: z.array(
    z.object({
      id: z.number(),
      /** The PPPoE login: absent in the field view. */
      login: z.string().optional(),
      status: z.enum(CONNECTION_STATUSES),
      plan: z.string(),
      server: z.string(),
      accessPoint: z.string(),
    }),
  ),
});
export type CustomerDetail = z.output<typeof customerDetail>;
