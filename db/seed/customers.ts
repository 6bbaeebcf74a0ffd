// Customers with their phones and connections, as rows ready for bulk insert.
import type { CustomerStatus } from "@/db/schema/constants";
import { generateCnpj, generateCpf } from "./documents";
import {
  addressComplement, addressNumber, companyEmail, companyName, personEmail, personName, toSearchName,
} from "./people";
import { generateLandline, generateMobile, pickMobileDdd } from "./phones";
import { Rng, WeightedPicker } from "./random";
import type { AccessPointRef, Reference } from "./reference";
import type { Row } from "./sql";

// Sign-ups spread over the ISP's life; fixed so the same seed gives the same rows on any day.
const FIRST_SIGNUP = Date.UTC(2014, 2, 1) / 1000;
const LAST_SIGNUP = Date.UTC(2025, 5, 30) / 1000;

const STATUS = WeightedPicker.of<CustomerStatus>([["active", 88], ["suspended", 7], ["cancelled", 5]]);
const EXTRA_MOBILE_LABELS = ["Recado", "Trabalho", "WhatsApp", "Cônjuge", "Filho(a)", null] as const;

export interface GeneratedCustomers {
  customers: Row[];
  phones: Row[];
  connections: Row[];
  mobiles: number;
  landlines: number;
}

/** Hands out private addresses per server (10.64.0.0/13, 10.72.0.0/13, ...), skipping .0 and .255. */
class IpPool {
  private readonly next: number[] = [];

  take(serverIndex: number): string {
    const n = this.next[serverIndex] ?? 0;
    this.next[serverIndex] = n + 1;
    const second = 64 + serverIndex * 8 + Math.floor(n / (256 * 254));
    return `10.${second}.${Math.floor(n / 254) % 256}.${(n % 254) + 1}`;
  }
}

export function generateCustomers(ref: Reference, count: number, seed: number): GeneratedCustomers {
  const rng = new Rng(seed);
  const out: GeneratedCustomers = { customers: [], phones: [], connections: [], mobiles: 0, landlines: 0 };
  const documents = new Set<string>();
  // Numbers are unique across the base, not just per customer, so opt-outs map to one person.
  const numbers = new Set<string>();
  const ips = new IpPool();
  let phoneId = 0;
  let connectionId = 0;

  const uniqueNumber = (make: () => string): string => {
    for (;;) {
      const n = make();
      if (!numbers.has(n)) {
        numbers.add(n);
        return n;
      }
    }
  };
  const addPhone = (customerId: number, kind: "mobile" | "landline", e164: string, primary: boolean, label: string | null, at: number) => {
    out.phones.push([++phoneId, customerId, kind, e164, primary ? 1 : 0, label, at]);
    if (kind === "mobile") out.mobiles++;
    else out.landlines++;
  };

  const span = LAST_SIGNUP - FIRST_SIGNUP;
  for (let id = 1; id <= count; id++) {
    // Ids follow sign-up order, as in a real ERP export.
    const createdAt = Math.floor(FIRST_SIGNUP + (span * (id - 1 + rng.next())) / count);
    const updatedAt = Math.min(LAST_SIGNUP, createdAt + rng.int(0, 400) * 86400);
    const company = rng.chance(0.1);
    const generated = company ? companyName(rng) : personName(rng);
    const document = company ? generateCnpj(rng, documents) : generateCpf(rng, documents);
    const status = STATUS.pick(rng);
    const email = company
      ? (rng.chance(0.85) ? companyEmail(rng, generated.handle) : null)
      : (rng.chance(0.45) ? personEmail(rng, generated.handle) : null);
    const city = ref.cityPicker.pick(rng);
    const nbh = city.neighbourhoodPicker.pick(rng);
    const street = rng.pick(nbh.streets);
    const paymentProfileId = rng.chance(0.99) ? ref.paymentProfilePicker.pick(rng) : null;

    out.customers.push([
      id, String(id).padStart(6, "0"), generated.name, toSearchName(generated.name), company ? "company" : "individual",
      document, status, email, city.id, nbh.id, street.id, addressNumber(rng), addressComplement(rng, company),
      paymentProfileId, createdAt, updatedAt,
    ]);

    // Phones: most have a primary mobile; some only a landline or nothing at all.
    const homeDdd = city.seed.ddd;
    const hasMobile = !rng.chance(0.04);
    const wantsLandline = hasMobile ? rng.chance(0.13) : rng.chance(0.7);
    if (hasMobile) {
      addPhone(id, "mobile", uniqueNumber(() => generateMobile(rng, pickMobileDdd(rng, homeDdd))), true, null, createdAt);
      if (rng.chance(0.26)) {
        const label = rng.pick(EXTRA_MOBILE_LABELS);
        addPhone(id, "mobile", uniqueNumber(() => generateMobile(rng, pickMobileDdd(rng, homeDdd))), false, label, createdAt);
      }
    }
    if (wantsLandline) {
      const e164 = uniqueNumber(() => generateLandline(rng, homeDdd, city.seed.exchanges));
      addPhone(id, "landline", e164, true, company ? "Comercial" : "Residencial", createdAt);
    }

    // Connections: one for most, two for some (home + business, or a second address), none for a few.
    const r = rng.next();
    const connections = r < 0.06 ? 0 : r < 0.11 ? 2 : 1;
    for (let c = 0; c < connections; c++) {
      const ap: AccessPointRef = city.accessPointPicker.pick(rng);
      const plan = company && ap.technology === "fibra" && ref.businessPlans.length > 0 && rng.chance(0.4)
        ? rng.pick(ref.businessPlans)
        : ref.planPickers[ap.technology].pick(rng);
      const connStatus: CustomerStatus = status === "active" && rng.chance(0.02) ? "suspended" : status;
      const login = `${generated.handle}${id}${c > 0 ? `-${c + 1}` : ""}`;
      const ipv4 = connStatus === "cancelled" ? null : ips.take(ap.serverIndex);
      const at = c === 0 ? createdAt : Math.min(LAST_SIGNUP, createdAt + rng.int(30, 900) * 86400);
      out.connections.push([++connectionId, id, login, plan.id, ap.serverId, ap.id, connStatus, ipv4, at]);
    }
  }
  return out;
}
