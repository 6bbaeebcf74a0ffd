/**
 * Writes db/migrations/0005_batch_candidate_text.sql from server/services/batches/text-metrics.ts
 * (see text-metrics-migration.ts). Run only while that migration is unreleased.
 */
import { writeFileSync } from "node:fs";
import { textMetricsMigrationSql } from "@/server/services/batches/text-metrics-migration";

export const TEXT_METRICS_MIGRATION = "db/migrations/0005_batch_candidate_text.sql";

writeFileSync(TEXT_METRICS_MIGRATION, textMetricsMigrationSql());
console.log(`Wrote ${TEXT_METRICS_MIGRATION}`);
