#!/usr/bin/env bash
# `npm test`: every check, in the order a failure is cheapest to read. Each suite runs even
# when an earlier one failed, so one run shows everything; the exit code is non-zero if any
# failed. The build comes before the suites that need dist/ (export check, end-to-end).
set -uo pipefail
cd "$(dirname "$0")/.."
export STORYBOOK_DISABLE_TELEMETRY=1

failed=()
step() {
  echo
  echo "=== $1 ==="
  shift
  "$@" || failed+=("$1 $2 $3")
}

step "Types" npm run typecheck
step "Library build, declarations, manifest, export map" npm run build
step "Server tests (node:test, real server on loopback)" npm run test:server
step "Browser tests (@web/test-runner, Chromium)" npm run test:browser
step "End-to-end (playwright-core, Chromium, demo server)" npm run test:e2e
step "Storybook build" npm run build-storybook

echo
if [ ${#failed[@]} -gt 0 ]; then
  echo "FAILED: ${failed[*]}"
  exit 1
fi
echo "All checks passed."
