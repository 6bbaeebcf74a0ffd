import type { JobEvent } from "./events";

/**
 * A concurrency limit by key, in Inngest's expression form (`event.data.<field>`): runs whose key
 * has `limit` runs in progress wait in line (they are queued, never dropped).
 */
export type ConcurrencyRule = { key: `event.data.${string}`; limit: number };

/** The value of a concurrency key for an event, as Inngest evaluates `event.data.<field>`. */
export function concurrencyKeyValue(rule: ConcurrencyRule, event: JobEvent | null): string {
  const field = rule.key.slice("event.data.".length);
  const value = (event?.data as Record<string, unknown> | undefined)?.[field];
  // Inngest puts runs whose key evaluates to nothing in one shared line; so does this.
  return value === undefined || value === null ? "" : String(value);
}
