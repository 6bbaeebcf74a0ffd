// Protects the confirmation step's forecast: every filter in words (Bairro and Rua included), and how
// many recipients are outside their send window at the send time, per UF and time zone, with the
// opening of each — counted over exactly the phones the batch would send to (unticked customers,
// opt-outs and operational notices taken into account).
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { city, customer } from "@/db/schema";
import { createTestDb } from "@/test/db";
import { makeCustomer, makeNetwork, type Network } from "@/test/factories";
import { atTime, systemContext } from "@/server/services/context";
import { forecastBatchSend } from "./send-forecast";

const db = createTestDb();
let net: Network;
const ids: number[] = [];
// Sunday 06/12/2026 12:00 in São Paulo.
const SUNDAY = new Date("2026-12-06T15:00:00Z");

beforeAll(async () => {
  net = await makeNetwork(db);
  for (let i = 0; i < 6; i++) {
    ids.push((await makeCustomer(db, net, { name: `Conceição ${i}`, phones: [{ e164: `+553599600000${i}`, isPrimary: true }] })).id);
  }
  // Two of them live in Manaus (AM, one hour behind São Paulo).
  const [manaus] = await db.insert(city).values({ name: "Manaus", uf: "AM", timeZone: "America/Manaus" }).returning();
  for (const id of ids.slice(4)) await db.update(customer).set({ cityId: manaus!.id, neighbourhoodId: null, streetId: null }).where(eq(customer.id, id));
});

const draft = (extra: Record<string, unknown> = {}) => ({
  mode: "plano" as const, valueId: net.plan.id, motivo: "Promoção", message: "Olá {primeiro_nome}!", category: "marketing" as const, ...extra,
});

describe("forecastBatchSend", () => {
  it("counts the recipients outside their window per UF and zone, with each opening (São Paulo and Manaus)", async () => {
    const f = await forecastBatchSend(atTime(systemContext(db, "test"), SUNDAY), draft());
    expect(f).toMatchObject({ at: SUNDAY, windowBound: true, recipients: 6, outside: 6 });
    expect(f.places).toEqual([
      { uf: "MG", timeZone: "America/Sao_Paulo", count: 4, opensAt: new Date("2026-12-07T11:00:00Z") },
      // Monday 08:00 in Manaus is 09:00 in São Paulo.
      { uf: "AM", timeZone: "America/Manaus", count: 2, opensAt: new Date("2026-12-07T12:00:00Z") },
    ]);
    expect(f.filters).toEqual([
      { label: "Plano de acesso", value: net.plan.name },
      { label: "Prefixo", value: "0 (todos os celulares)" },
      { label: "Fones", value: "Só o celular principal" },
    ]);
  });

  it("forecasts at the scheduled time, leaves out unticked customers, and knows operational notices do not wait", async () => {
    // Monday 08:30 in São Paulo: MG is open, Manaus (07:30) is not yet.
    const monday = new Date("2026-12-07T11:30:00Z");
    const f = await forecastBatchSend(atTime(systemContext(db, "test"), SUNDAY), draft({ sendAt: monday, deselectedCustomerIds: [ids[0]!, ids[5]!] }));
    expect(f).toMatchObject({ at: monday, recipients: 4, outside: 1 });
    expect(f.places).toEqual([
      { uf: "MG", timeZone: "America/Sao_Paulo", count: 3, opensAt: null },
      { uf: "AM", timeZone: "America/Manaus", count: 1, opensAt: new Date("2026-12-07T12:00:00Z") },
    ]);
    const notice = await forecastBatchSend(atTime(systemContext(db, "test"), SUNDAY), draft({ category: "operacional" }));
    expect(notice).toMatchObject({ windowBound: false, recipients: 6, outside: 0 });
  });

  it("lists every filter of a Cidade selection, Bairro and Rua included", async () => {
    const f = await forecastBatchSend(atTime(systemContext(db, "test"), SUNDAY), {
      ...draft(), mode: "cidade", valueId: net.city.id, neighbourhoodId: net.neighbourhood.id, streetId: net.street.id, prefix: "99", allPhones: true, withConnection: true,
    });
    expect(f.filters).toEqual([
      { label: "Cidade", value: net.city.name },
      { label: "Bairro", value: net.neighbourhood.name },
      { label: "Rua", value: net.street.name },
      { label: "Prefixo", value: "99" },
      { label: "Fones", value: "Todos os fones (também os celulares adicionais)" },
      { label: "Com conexão", value: "Sim" },
    ]);
    expect(f).toMatchObject({ recipients: 4, outside: 4 });
  });
});
