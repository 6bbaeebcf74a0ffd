import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { notFound } from "../errors";
import { BATCH_MODE_LABELS, type BatchFilters, type BatchMode } from "./constants";

type Labels = { value: string | null; neighbourhood: string | null; street: string | null };

const VALUE_TABLE: Readonly<Record<BatchMode, string>> = {
  cidade: "city",
  ponto_acesso: "access_point",
  servidor: "server",
  plano: "plan",
  profile_pagamento: "payment_profile",
};

const NOT_FOUND: Readonly<Record<BatchMode, string>> = {
  cidade: "Cidade não encontrada.",
  ponto_acesso: "Ponto de acesso não encontrado.",
  servidor: "Servidor não encontrado.",
  plano: "Plano de acesso não encontrado.",
  profile_pagamento: "Profile de pagamento não encontrado.",
};

/** Names of the filter's values; a neighbourhood of another city (or street of another one) is null. */
async function loadLabels(db: Db, f: BatchFilters): Promise<Labels> {
  const [row] = await db.all<Labels>(sql`SELECT
    (SELECT name FROM ${sql.raw(VALUE_TABLE[f.mode])} WHERE id = ${f.valueId}) AS value,
    (SELECT name FROM neighbourhood WHERE id = ${f.neighbourhoodId} AND city_id = ${f.valueId}) AS neighbourhood,
    (SELECT name FROM street WHERE id = ${f.streetId} AND neighbourhood_id = ${f.neighbourhoodId}) AS street`);
  return row ?? { value: null, neighbourhood: null, street: null };
}

/** Refuses filters pointing at rows that do not exist or do not belong together. */
export async function assertFilterTargets(db: Db, f: BatchFilters): Promise<void> {
  const labels = await loadLabels(db, f);
  if (labels.value === null) throw notFound(NOT_FOUND[f.mode]);
  if (f.neighbourhoodId !== null && labels.neighbourhood === null) throw notFound("Bairro não encontrado nesta cidade.");
  if (f.streetId !== null && labels.street === null) throw notFound("Rua não encontrada neste bairro.");
}

/** "Cidade: Poços de Caldas › Centro · prefixo 98, 99 · todos os fones · com conexão". */
export async function describeFilters(db: Db, f: BatchFilters): Promise<string> {
  const labels = await loadLabels(db, f);
  const place = [labels.value ?? `#${f.valueId}`, labels.neighbourhood, labels.street].filter((x) => x !== null).join(" › ");
  return [
    `${BATCH_MODE_LABELS[f.mode]}: ${place}`,
    f.prefixes.length > 0 ? `prefixo ${f.prefixes.join(", ")}` : "todos os celulares",
    f.allPhones ? "todos os fones" : "só o celular principal",
    f.mode === "cidade" && f.withConnection ? "com conexão" : null,
  ]
    .filter((x) => x !== null)
    .join(" · ");
}

/**
 * Every filter of a batch as label and value, for the confirmation step: Considerar's value, Bairro
 * and Rua (or "Todos"), Prefixo, Todos os fones and, for Cidade, Com conexão.
 */
export async function filterLines(db: Db, f: BatchFilters): Promise<{ label: string; value: string }[]> {
  const labels = await loadLabels(db, f);
  const lines = [{ label: BATCH_MODE_LABELS[f.mode], value: labels.value ?? `#${f.valueId}` }];
  if (f.mode === "cidade") {
    lines.push({ label: "Bairro", value: labels.neighbourhood ?? "Todos os bairros" });
    lines.push({ label: "Rua", value: labels.street ?? "Todas as ruas" });
  }
  lines.push({ label: "Prefixo", value: f.prefixes.length > 0 ? f.prefixes.join(", ") : "0 (todos os celulares)" });
  lines.push({ label: "Fones", value: f.allPhones ? "Todos os fones (também os celulares adicionais)" : "Só o celular principal" });
  if (f.mode === "cidade") lines.push({ label: "Com conexão", value: f.withConnection ? "Sim" : "Não" });
  return lines;
}
