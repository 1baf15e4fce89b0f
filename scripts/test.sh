#!/usr/bin/env bash
# Runs every test: lint, type check, compose check, unit, integration (real PostgreSQL, Redis,
# Mosquitto, ClickHouse) and end-to-end (built apps as processes, a headless browser).
# Installs and starts what it needs. `.ci/run` calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

ensure_services
ensure_chromium
apt_install docker-compose
ensure_node_modules

log "lint"
npm run -s lint
log "type check"
npm run -s typecheck
log "compose file check"
bash tools/compose-check.sh
log "build"
npm run -s build
log "tests"
mkdir -p test-results
set +e
npx jest --runInBand --forceExit --json --outputFile=test-results/jest.json "$@"
status=$?
set -e
# One plain closing line any CI reader understands.
node -e '
  const r = require("./test-results/jest.json");
  const failed = r.numFailedTests + (r.numRuntimeErrorTestSuites || 0);
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`tests: ${r.numPassedTests} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""));
' || true
exit $status
