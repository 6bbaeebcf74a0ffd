import type { z } from "zod";
import { invalid } from "../errors";
import { zodFieldErrors } from "../zod-field-errors";

/** Parses a verb's input; other callers than the router exist, so a bad input is a domain error. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const res = schema.safeParse(input);
  if (res.success) return res.data;
  throw invalid(res.error.issues[0]?.message ?? "Dados inválidos.", zodFieldErrors(res.error));
}
