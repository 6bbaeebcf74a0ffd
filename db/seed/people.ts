// Names, e-mails and logins of demo customers.
import {
  COMPANY_KINDS, COMPANY_QUALIFIERS, COMPANY_SUFFIXES, EMAIL_DOMAINS, FEMALE_FIRST_NAMES, MALE_FIRST_NAMES,
  SURNAME_PARTICLES, SURNAMES,
} from "./data/names";
import type { Rng } from "./random";

/** Lower-case, accent-free copy used for search (the same folding the app applies to queries). */
export function toSearchName(name: string): string {
  return name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** Letters and digits only, for logins and e-mail local parts. */
function slug(text: string): string {
  return toSearchName(text).replace(/[^a-z0-9]+/g, "");
}

export interface GeneratedName {
  name: string;
  /** Short form for logins and e-mails ("maria.silva"). */
  handle: string;
}

export function personName(rng: Rng): GeneratedName {
  const first = rng.chance(0.5) ? rng.pick(FEMALE_FIRST_NAMES) : rng.pick(MALE_FIRST_NAMES);
  const surnames = [rng.pick(SURNAMES)];
  if (rng.chance(0.7)) {
    let second = rng.pick(SURNAMES);
    while (second === surnames[0]) second = rng.pick(SURNAMES);
    surnames.push(second);
  }
  const parts: string[] = [first];
  for (const s of surnames) {
    const particle = SURNAME_PARTICLES[s];
    if (particle && rng.chance(0.35)) parts.push(particle);
    parts.push(s);
  }
  const firstToken = first.split(" ")[0] as string;
  return { name: parts.join(" "), handle: `${slug(firstToken)}.${slug(surnames[surnames.length - 1] as string)}` };
}

export function companyName(rng: Rng): GeneratedName {
  const kind = rng.pick(COMPANY_KINDS);
  const r = rng.next();
  let core: string;
  if (r < 0.45) core = `${kind} ${rng.pick(SURNAMES)}`;
  else if (r < 0.85) core = `${kind} ${rng.pick(COMPANY_QUALIFIERS)}`;
  else core = `${rng.pick(SURNAMES)} & ${rng.pick(SURNAMES)} ${rng.pick(["Comércio", "Serviços", "Representações"])}`;
  return { name: `${core} ${rng.pick(COMPANY_SUFFIXES)}`, handle: slug(core).slice(0, 20) };
}

export function personEmail(rng: Rng, handle: string): string {
  return `${handle}${rng.chance(0.6) ? rng.int(1, 99) : ""}@${rng.pick(EMAIL_DOMAINS)}`;
}

export function companyEmail(rng: Rng, handle: string): string {
  return `${rng.pick(["contato", "financeiro", "adm"])}.${handle}@${rng.pick(EMAIL_DOMAINS)}`;
}

const COMPLEMENTS_HOME = ["Casa 2", "Casa 3", "Fundos", "Sobrado", "Apto 101", "Apto 202", "Apto 304", "Bloco B", "Casa A", "Casa B"] as const;
const COMPLEMENTS_BUSINESS = ["Sala 1", "Sala 3", "Loja 2", "Galpão 1", "Térreo", "1º andar"] as const;

export function addressNumber(rng: Rng): string {
  if (rng.chance(0.03)) return "S/N";
  const r = rng.next();
  return String(1 + Math.floor(r * r * 2500));
}

export function addressComplement(rng: Rng, company: boolean): string | null {
  if (company) return rng.chance(0.3) ? rng.pick(COMPLEMENTS_BUSINESS) : null;
  return rng.chance(0.18) ? rng.pick(COMPLEMENTS_HOME) : null;
}
