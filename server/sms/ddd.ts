// Brazil's area codes (DDD) allocated by Anatel and the states they serve. Browser-safe.
import type { Uf } from "@/db/schema/constants";

const DDD_UFS = {
  11: ["SP"], 12: ["SP"], 13: ["SP"], 14: ["SP"], 15: ["SP"], 16: ["SP"], 17: ["SP"], 18: ["SP"], 19: ["SP"],
  21: ["RJ"], 22: ["RJ"], 24: ["RJ"], 27: ["ES"], 28: ["ES"],
  31: ["MG"], 32: ["MG"], 33: ["MG"], 34: ["MG"], 35: ["MG"], 37: ["MG"], 38: ["MG"],
  41: ["PR"], 42: ["PR"], 43: ["PR"], 44: ["PR"], 45: ["PR"], 46: ["PR"], 47: ["SC"], 48: ["SC"], 49: ["SC"],
  51: ["RS"], 53: ["RS"], 54: ["RS"], 55: ["RS"],
  // 61 also covers the Goiás towns around Brasília.
  61: ["DF", "GO"], 62: ["GO"], 63: ["TO"], 64: ["GO"], 65: ["MT"], 66: ["MT"], 67: ["MS"], 68: ["AC"], 69: ["RO"],
  71: ["BA"], 73: ["BA"], 74: ["BA"], 75: ["BA"], 77: ["BA"], 79: ["SE"],
  81: ["PE"], 82: ["AL"], 83: ["PB"], 84: ["RN"], 85: ["CE"], 86: ["PI"], 87: ["PE"], 88: ["CE"], 89: ["PI"],
  91: ["PA"], 92: ["AM"], 93: ["PA"], 94: ["PA"], 95: ["RR"], 96: ["AP"], 97: ["AM"], 98: ["MA"], 99: ["MA"],
} as const satisfies Record<number, readonly Uf[]>;

export type Ddd = keyof typeof DDD_UFS;

/** Every allocated DDD, ascending (the same list as the seed's). */
export const BRAZIL_DDDS: readonly Ddd[] = Object.keys(DDD_UFS)
  .map(Number)
  .filter((n): n is Ddd => n in DDD_UFS)
  .sort((a, b) => a - b);

/** "35" or 35 → true when the DDD is allocated. */
export function isBrazilDdd(ddd: string | number): boolean {
  const s = String(ddd);
  return /^[1-9]\d$/.test(s) && Number(s) in DDD_UFS;
}

/** States a DDD serves ("61" → ["DF", "GO"]); empty for an unallocated one. */
export function dddToUfs(ddd: string | number): readonly Uf[] {
  return isBrazilDdd(ddd) ? DDD_UFS[Number(ddd) as Ddd] : [];
}
