// Geography, network and catalogue rows, with ids assigned here so customers can point at them.
import { ACCESS_POINTS, PAYMENT_PROFILES, PLANS, type PlanSeed, SERVERS, type Technology } from "./data/catalog";
import { CITIES, type CitySeed, STREET_POOL } from "./data/places";
import { Rng, WeightedPicker } from "./random";
import {
  ACCESS_POINT, CITY, type Executor, insertRows, NEIGHBOURHOOD, PAYMENT_PROFILE, PLAN, type Row, SERVER, STREET,
} from "./sql";

/** Geography does not depend on --seed, so street names stay put across reseeds. */
const GEOGRAPHY_SEED = 0x5e11a;
const TIME_ZONE = "America/Sao_Paulo";

export interface StreetRef {
  id: number;
  name: string;
}
export interface NeighbourhoodRef {
  id: number;
  name: string;
  streets: StreetRef[];
}
export interface AccessPointRef {
  id: number;
  serverId: number;
  serverIndex: number;
  technology: Technology;
}
export interface CityRef {
  id: number;
  seed: CitySeed;
  neighbourhoods: NeighbourhoodRef[];
  neighbourhoodPicker: WeightedPicker<NeighbourhoodRef>;
  accessPointPicker: WeightedPicker<AccessPointRef>;
}
export interface PlanRef {
  id: number;
  seed: PlanSeed;
}

export interface Reference {
  cities: CityRef[];
  cityPicker: WeightedPicker<CityRef>;
  planPickers: Record<Technology, WeightedPicker<PlanRef>>;
  businessPlans: PlanRef[];
  paymentProfilePicker: WeightedPicker<number>;
  rows: {
    cities: Row[];
    neighbourhoods: Row[];
    streets: Row[];
    servers: Row[];
    accessPoints: Row[];
    plans: Row[];
    paymentProfiles: Row[];
  };
}

function streetCeps(rng: Rng, city: CitySeed, count: number): string[] {
  const cep = city.cep;
  if ("single" in cep) return new Array<string>(count).fill(cep.single);
  const prefix = rng.pick(cep.prefixes);
  const used = new Set<string>();
  while (used.size < count) used.add(`${prefix}-${String(rng.int(1, 999)).padStart(3, "0")}`);
  return [...used];
}

export function buildReference(createdAt: number): Reference {
  const rng = new Rng(GEOGRAPHY_SEED);
  const rows: Reference["rows"] = {
    cities: [], neighbourhoods: [], streets: [], servers: [], accessPoints: [], plans: [], paymentProfiles: [],
  };

  const serverIds = new Map<string, { id: number; index: number }>();
  SERVERS.forEach((s, index) => {
    const id = index + 1;
    serverIds.set(s.name, { id, index });
    rows.servers.push([id, s.name, s.host, 1]);
  });

  // Access points first: each city's picker is built with the city.
  const apsByCity = new Map<string, [AccessPointRef, number][]>();
  ACCESS_POINTS.forEach((ap, index) => {
    const id = index + 1;
    const server = serverIds.get(ap.server);
    const cityIndex = CITIES.findIndex((c) => c.tag === ap.city);
    if (!server || cityIndex < 0) throw new Error(`Access point ${ap.name}: unknown server or city`);
    rows.accessPoints.push([id, ap.name, server.id, cityIndex + 1, ap.technology]);
    const list = apsByCity.get(ap.city) ?? [];
    list.push([{ id, serverId: server.id, serverIndex: server.index, technology: ap.technology }, ap.weight]);
    apsByCity.set(ap.city, list);
  });

  let nbhId = 0;
  let streetId = 0;
  const cities: CityRef[] = CITIES.map((seed, cityIndex) => {
    const cityId = cityIndex + 1;
    rows.cities.push([cityId, seed.name, seed.uf, seed.ibgeCode, TIME_ZONE]);
    // Street names are unique within a city until its share of the pool runs out.
    let pool = rng.shuffle(STREET_POOL);
    const neighbourhoods = seed.neighbourhoods.map((name): NeighbourhoodRef => {
      const id = ++nbhId;
      rows.neighbourhoods.push([id, cityId, name]);
      const names = new Set<string>(name === "Centro" ? seed.centroStreets : []);
      const wanted = name === "Centro" ? names.size + rng.int(1, 3) : rng.int(5, 12);
      while (names.size < wanted) {
        if (pool.length === 0) pool = rng.shuffle(STREET_POOL);
        names.add(pool.pop() as string);
      }
      const ceps = streetCeps(rng, seed, names.size);
      const streets = [...names].map((streetName, i): StreetRef => {
        const sid = ++streetId;
        rows.streets.push([sid, id, streetName, ceps[i] ?? null]);
        return { id: sid, name: streetName };
      });
      return { id, name, streets };
    });
    // The Centro and a few big neighbourhoods hold most customers.
    const weights = neighbourhoods.map((n) => (n.name === "Centro" ? 3 : 0.5 + rng.next() * 1.5));
    const aps = apsByCity.get(seed.tag);
    if (!aps) throw new Error(`City ${seed.name} has no access point`);
    return {
      id: cityId,
      seed,
      neighbourhoods,
      neighbourhoodPicker: new WeightedPicker(neighbourhoods, weights),
      accessPointPicker: WeightedPicker.of(aps),
    };
  });

  const plans: PlanRef[] = PLANS.map((seed, index) => {
    rows.plans.push([index + 1, seed.name, seed.downloadMbps, seed.uploadMbps, seed.priceCents, seed.active ? 1 : 0]);
    return { id: index + 1, seed };
  });
  const retail = (tech: Technology) =>
    WeightedPicker.of(plans.filter((p) => p.seed.technology === tech && !p.seed.business).map((p) => [p, p.seed.weight] as const));

  PAYMENT_PROFILES.forEach((p, index) => {
    rows.paymentProfiles.push([index + 1, p.name, p.method, p.dueDay, 1, createdAt]);
  });

  return {
    cities,
    cityPicker: WeightedPicker.of(cities.map((c) => [c, c.seed.weight] as const)),
    planPickers: { fibra: retail("fibra"), "rádio": retail("rádio") },
    businessPlans: plans.filter((p) => p.seed.business),
    paymentProfilePicker: WeightedPicker.of(PAYMENT_PROFILES.map((p, index) => [index + 1, p.weight] as const)),
    rows,
  };
}

export async function insertReference(tx: Executor, ref: Reference): Promise<void> {
  await insertRows(tx, CITY, ref.rows.cities);
  await insertRows(tx, NEIGHBOURHOOD, ref.rows.neighbourhoods);
  await insertRows(tx, STREET, ref.rows.streets);
  await insertRows(tx, SERVER, ref.rows.servers);
  await insertRows(tx, ACCESS_POINT, ref.rows.accessPoints);
  await insertRows(tx, PLAN, ref.rows.plans);
  await insertRows(tx, PAYMENT_PROFILE, ref.rows.paymentProfiles);
}
