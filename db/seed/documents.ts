// Valid (check-digit correct) CPF and CNPJ numbers for demo customers, digits only.
import type { Rng } from "./random";

function mod11Digit(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += Number(digits[i]) * (weights[i] as number);
  const rest = sum % 11;
  return rest < 2 ? 0 : 11 - rest;
}

const CPF_W1 = [10, 9, 8, 7, 6, 5, 4, 3, 2];
const CPF_W2 = [11, 10, 9, 8, 7, 6, 5, 4, 3, 2];
const CNPJ_W1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
const CNPJ_W2 = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];

/** Appends the two check digits to a 9-digit CPF base. */
export function completeCpf(base9: string): string {
  const d1 = mod11Digit(base9, CPF_W1);
  const d2 = mod11Digit(base9 + d1, CPF_W2);
  return `${base9}${d1}${d2}`;
}

/** Appends the two check digits to a 12-digit CNPJ base (8-digit root + 4-digit branch). */
export function completeCnpj(base12: string): string {
  const d1 = mod11Digit(base12, CNPJ_W1);
  const d2 = mod11Digit(base12 + d1, CNPJ_W2);
  return `${base12}${d1}${d2}`;
}

/**
 * A CPF not yet in `used` (which it joins). Repeated-digit bases such as 111.111.111-11 pass the
 * check digits but every validator rejects them, so they are skipped.
 */
export function generateCpf(rng: Rng, used: Set<string>): string {
  for (;;) {
    const base = rng.digits(9);
    if (/^(\d)\1{8}$/.test(base)) continue;
    const cpf = completeCpf(base);
    if (used.has(cpf)) continue;
    used.add(cpf);
    return cpf;
  }
}

/** A head-office ("0001") CNPJ not yet in `used` (which it joins). */
export function generateCnpj(rng: Rng, used: Set<string>): string {
  for (;;) {
    const root = rng.digits(8);
    if (/^(\d)\1{7}$/.test(root)) continue;
    const cnpj = completeCnpj(`${root}0001`);
    if (used.has(cnpj)) continue;
    used.add(cnpj);
    return cnpj;
  }
}
