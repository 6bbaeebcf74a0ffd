// Each recipient's text rendered one by one over the e2e database (the oracle of the preview's
// over-limit count), with the demo account's rules: without accents, 1 SMS unless more are allowed.
import { textOracle } from "@/server/services/batches/batch-test-kit";
import type { Expected } from "./batch-db";
import { withE2eDb } from "./db";

export function textOfRecipients(expected: Expected, template: string, maxParts = 1) {
  return withE2eDb(async (_db, drizzle) => {
    const recipients = new Map(expected.recipients.map((r) => [r.e164, r.customerId]));
    return textOracle(drizzle, recipients, template, { stripAccents: true, maxParts });
  });
}
