#!/usr/bin/env bash
# `npm test`: every check, in the order CI runs them. Fails on the first failing step.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

step() { printf '\n== %s\n' "$1"; }

step "type check (tsc)"
npx tsc --noEmit

step "lint (eslint)"
npx eslint --max-warnings=0 .

step "unit and integration tests (vitest, real libSQL files)"
npx vitest run

step "e2e: Chromium"
npx tsx scripts/ensure-chromium.ts

step "e2e: production build"
npx next build

step "e2e: Playwright (Pixel 7 + desktop)"
npx playwright test
