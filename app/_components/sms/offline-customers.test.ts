// The offline customer search: only what the device saved, matched like the server does (accents,
// code, CPF, phone digits), one row per customer — never the previous term's results.
import { describe, expect, it } from "vitest";
import type { CustomerDetail, SearchCustomersOutput } from "@/server/services/customers/schemas";
import { findSavedCustomers, fromDetail } from "./offline-customers";

const row = (id: number, name: string, extra: Partial<SearchCustomersOutput["items"][number]> = {}) => ({
  id,
  code: `C0${id}`,
  name,
  document: "12345678909",
  status: "active" as const,
  city: "Poços de Caldas",
  uf: "MG",
  primaryMobile: null,
  ...extra,
});

const heloisa = row(1, "Heloísa Conceição", { primaryMobile: "(35) 99123-4567" });
const joao = row(2, "João Araújo", { document: "98765432100" });
const list: SearchCustomersOutput = { items: [heloisa, joao], nextCursor: null };

const detail: CustomerDetail = {
  id: 3,
  code: "C03",
  name: "Luíza Gonçalves",
  personType: "individual",
  document: "11122233344",
  status: "active",
  email: null,
  address: { street: null, number: null, complement: null, neighbourhood: null, city: "Campinas", uf: "SP", postalCode: null },
  paymentProfile: null,
  phones: [
    { id: 10, kind: "landline", e164: "+551932345678", national: "(19) 3234-5678", isPrimary: true, label: null },
    { id: 11, kind: "mobile", e164: "+5519991112222", national: "(19) 99111-2222", isPrimary: false, label: "WhatsApp" },
  ],
  connections: [],
};

describe("findSavedCustomers", () => {
  it("matches name words without accents, in any order", () => {
    expect(findSavedCustomers("heloisa", [list], []).map((c) => c.id)).toEqual([1]);
    expect(findSavedCustomers("conceicao helo", [list], []).map((c) => c.id)).toEqual([1]);
    expect(findSavedCustomers("ARAUJO", [list], []).map((c) => c.id)).toEqual([2]);
  });

  it("a new term finds only its own matches, not the previous term's", () => {
    expect(findSavedCustomers("joão", [list], []).map((c) => c.id)).toEqual([2]);
    expect(findSavedCustomers("Zuleica", [list], [])).toEqual([]);
  });

  it("matches code, CPF and phone digits", () => {
    expect(findSavedCustomers("c02", [list], []).map((c) => c.id)).toEqual([2]);
    expect(findSavedCustomers("987.654", [list], []).map((c) => c.id)).toEqual([2]);
    expect(findSavedCustomers("99123-4567", [list], []).map((c) => c.id)).toEqual([1]);
    expect(findSavedCustomers("+55 35 99123-4567", [list], []).map((c) => c.id)).toEqual([1]);
  });

  it("includes opened customers, with their mobile (never a landline) as the primary one", () => {
    expect(fromDetail(detail)).toMatchObject({ id: 3, name: "Luíza Gonçalves", city: "Campinas", uf: "SP", primaryMobile: "(19) 99111-2222" });
    expect(findSavedCustomers("luiza", [list], [detail]).map((c) => c.id)).toEqual([3]);
    expect(fromDetail({ ...detail, phones: [detail.phones[0]!] }).primaryMobile).toBeNull();
  });

  it("one row per customer, by name", () => {
    const again = { items: [heloisa], nextCursor: null };
    expect(findSavedCustomers("o", [list, again], []).map((c) => c.name)).toEqual(["Heloísa Conceição", "João Araújo"]);
  });
});

// Issue 12 §9: a technician's saved records have no CPF/CNPJ, e-mail, payment profile nor logins.
describe("findSavedCustomers with a technician's records", () => {
  const { document: _d, ...fieldRow } = row(4, "Sebastião Guimarães", { primaryMobile: "(35) 98877-6655" });
  const { document: _dd, email: _e, paymentProfile: _p, ...fieldDetail } = { ...detail, id: 5, name: "Vitória Magalhães" };
  const lists: SearchCustomersOutput[] = [{ items: [fieldRow], nextCursor: null }];

  it("finds them by name, code and phone, and a number typed never matches a CPF they lack", () => {
    expect(findSavedCustomers("sebastiao", lists, [fieldDetail]).map((c) => c.id)).toEqual([4]);
    expect(findSavedCustomers("98877", lists, [fieldDetail]).map((c) => c.id)).toEqual([4]);
    expect(findSavedCustomers("99111", lists, [fieldDetail]).map((c) => c.id)).toEqual([5]);
    expect(findSavedCustomers("529982", lists, [fieldDetail])).toEqual([]);
    expect(fromDetail(fieldDetail)).not.toHaveProperty("document", expect.anything());
  });
});
