/**
 * The account form's fields, read from the provider kind's zod schemas (server/providers/schemas.ts),
 * so a setting added to a provider shows up in the form with no second list to keep in sync.
 */
import { z } from "zod";
import type { ProviderKind } from "@/db/schema/constants";
import { providerConfigSchemas, providerCredentialSchemas } from "@/server/providers/schemas";

export type FieldKind = "text" | "number" | "boolean" | "enum" | "list" | "json";
export type FieldSpec = {
  name: string;
  kind: FieldKind;
  /** Without a default and not optional: the form shows it outside "opções avançadas". */
  required: boolean;
  options?: readonly string[];
  defaultValue?: unknown;
};

function describe(name: string, schema: z.ZodType): FieldSpec {
  let s: z.ZodType = schema;
  let required = true;
  let defaultValue: unknown;
  for (;;) {
    if (s instanceof z.ZodDefault) {
      required = false;
      defaultValue = s.def.defaultValue;
      s = s.unwrap() as z.ZodType;
    } else if (s instanceof z.ZodOptional || s instanceof z.ZodNullable) {
      required = false;
      s = s.unwrap() as z.ZodType;
    } else if (s instanceof z.ZodPipe) {
      // preprocess(blank, x) is a pipe into x; x.transform(trim) is a pipe out of x.
      s = (s.out instanceof z.ZodTransform ? s.in : s.out) as z.ZodType;
    } else break;
  }
  if (s instanceof z.ZodNumber) return { name, kind: "number", required, defaultValue };
  if (s instanceof z.ZodBoolean) return { name, kind: "boolean", required, defaultValue };
  if (s instanceof z.ZodEnum) return { name, kind: "enum", required, defaultValue, options: s.options.map(String) };
  if (s instanceof z.ZodArray) return { name, kind: "list", required, defaultValue };
  // z.url() and other string formats are strings too.
  if (s.def.type === "string") return { name, kind: "text", required, defaultValue };
  // Records, unions (response matchers) and anything structured: edited as JSON.
  return { name, kind: "json", required, defaultValue };
}

function fieldsOf(schema: z.ZodType): FieldSpec[] {
  if (!(schema instanceof z.ZodObject)) return [];
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, s]) => describe(name, s));
}

export function configFields(kind: ProviderKind): FieldSpec[] {
  return fieldsOf(providerConfigSchemas[kind]);
}

export function credentialFields(kind: ProviderKind): string[] {
  return fieldsOf(providerCredentialSchemas[kind]).map((f) => f.name);
}

/** The typed text of a config field as the value the schema expects; "" leaves it out (its default applies). */
export function parseConfigValue(spec: FieldSpec, raw: string | boolean): { ok: true; value: unknown } | { ok: false } {
  if (spec.kind === "boolean") return { ok: true, value: raw === true };
  const text = String(raw).trim();
  if (text === "") return { ok: true, value: undefined };
  switch (spec.kind) {
    case "number": {
      const n = Number(text.replace(",", "."));
      return Number.isFinite(n) ? { ok: true, value: n } : { ok: false };
    }
    case "list":
      return { ok: true, value: text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean) };
    case "json":
      try {
        return { ok: true, value: JSON.parse(text) as unknown };
      } catch {
        return { ok: false };
      }
    default:
      return { ok: true, value: text };
  }
}

/** A stored config value as the form's text. */
export function formatConfigValue(spec: FieldSpec, value: unknown): string | boolean {
  if (spec.kind === "boolean") return value === true;
  if (value === undefined || value === null) return "";
  if (spec.kind === "list" && Array.isArray(value)) return value.join("\n");
  if (spec.kind === "json") return JSON.stringify(value, null, 2);
  return String(value);
}
