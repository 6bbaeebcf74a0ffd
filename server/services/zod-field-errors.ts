import type { z } from "zod";

/**
 * A zod error keyed the way the server's `fieldErrors` are ("name", "config.baseUrl",
 * "rules.weekday.start"), first message per field. The server answers with it, and the forms check
 * with the server's own schemas through it, so both show the same message next to each field.
 * No error (a safeParse that succeeded) gives no field errors.
 */
export function zodFieldErrors(error: z.ZodError | undefined, prefix?: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error?.issues ?? []) out[[...(prefix ? [prefix] : []), ...issue.path.map(String)].join(".")] ??= issue.message;
  return out;
}
