import type { z } from "zod";
import { invalid } from "../errors";

/** Parses a verb's input; other callers than the router exist, so a bad input is a domain error. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const res = schema.safeParse(input);
  if (res.success) return res.data;
  const fields: Record<string, string> = {};
  for (const issue of res.error.issues) fields[issue.path.join(".")] ??= issue.message;
  throw invalid(res.error.issues[0]?.message ?? "Dados inválidos.", fields);
}
