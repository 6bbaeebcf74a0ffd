import type { z } from "zod";

/**
 * A failed safeParse keyed the way the server's `fieldErrors` are ("name", "config.baseUrl",
 * "rules.weekday.start"), first message per field: forms check with the server's own schemas and
 * show every message next to its field before sending anything.
 */
export function zodFieldErrors(result: z.ZodSafeParseResult<unknown>, prefix?: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (result.success) return out;
  for (const issue of result.error.issues) out[[...(prefix ? [prefix] : []), ...issue.path.map(String)].join(".")] ??= issue.message;
  return out;
}
