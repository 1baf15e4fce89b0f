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
npx jest --runInBand "$@"
