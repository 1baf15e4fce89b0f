#!/usr/bin/env bash
# Brings the whole platform up with demo data. Safe to run twice.
#  - Where a Docker engine runs: docker compose (every service, ChirpStack included).
#  - Elsewhere (a Debian machine with Node 20): installs and starts what is missing from Debian's
#    packages (ClickHouse; PostgreSQL, Redis, Mosquitto if absent), installs npm dependencies,
#    builds, migrates, seeds the demo data, starts every service and the console, registers the
#    uplink simulator's meters in the demo tenant and starts the simulator in the background
#    (SIM_METERS meters, SIM_RATE uplinks/s; SIMULATOR=0 leaves it out).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

PORT=${GATEWAY_PORT:-3000}

wait_healthy() {
  log "waiting for the platform to report healthy"
  for _ in $(seq 90); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/api/v1/health" || true)
    [ "$code" = 200 ] && return 0
    sleep 1
  done
  curl -s "http://127.0.0.1:$PORT/api/v1/health" || true
  die "the platform did not become healthy; see .run/logs/ (or docker compose logs)"
}

if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1 && [ "${NO_DOCKER:-}" != 1 ]; then
  if [ ! -f .env ]; then
    log "creating .env with fresh secrets"
    while IFS= read -r line; do
      case "$line" in
        # The demo password must pass the password rules (3 character classes): hex alone does not.
        DEMO_PASSWORD=*) printf 'DEMO_PASSWORD=Demo-%s-%s!\n' "$(openssl rand -hex 6)" "$(openssl rand -hex 6 | tr a-f A-F)" ;;
        *=change-me*) printf '%s=%s\n' "${line%%=*}" "$(openssl rand -hex 32)" ;;
        *) printf '%s\n' "$line" ;;
      esac
    done <.env.example >.env
  elif ! grep -q '^DEMO_PASSWORD=' .env; then
    log "adding DEMO_PASSWORD (the seeded logins' password) to .env"
    printf 'DEMO_PASSWORD=Demo-%s-%s!\n' "$(openssl rand -hex 6)" "$(openssl rand -hex 6 | tr a-f A-F)" >>.env
  fi
  docker compose up -d --build
  wait_healthy
  LOGINS="Demo logins (the password is DEMO_PASSWORD in .env: $(sed -n 's/^DEMO_PASSWORD=//p' .env)):
  tenant platform  admin@platform.example     platform_admin
  tenant demo      admin@demo.example         tenant_admin
  tenant demo      operator@demo.example      operator
  tenant demo      analyst@demo.example       analyst
  tenant demo      billing@demo.example       billing_clerk"
else
  ensure_services
  ensure_node_modules
  log "building"
  npm run -s build
  log "migrating"
  npm run -s migrate
  log "seeding the platform administrator and the demo tenant"
  LOGINS="$(LOG_LEVEL=warn npm run -s seed)"
  log "starting the services"
  bash scripts/apps.sh start
  wait_healthy
  if [ "${SIMULATOR:-1}" != 0 ]; then
    export SIM_METERS=${SIM_METERS:-200} SIM_SEED=${SIM_SEED:-1} SIM_RATE=${SIM_RATE:-20}
    log "registering $SIM_METERS simulated meters in the demo tenant"
    # The simulator writes its fleet (same meters and seed) as a meter import file; the import skips meters already there.
    node dist/tools/simulator/cli.js --meters "$SIM_METERS" --seed "$SIM_SEED" --registry-csv .run/simulator-meters.csv --dry-run --count 0 >/dev/null
    if GATEWAY_PORT=$PORT node dist/tools/seed-simulated.js .run/simulator-meters.csv; then
      log "starting the uplink simulator ($SIM_RATE uplinks/s)"
      bash scripts/apps.sh simulator
      SIMULATOR_NOTE="Simulator: $SIM_METERS meters, $SIM_RATE uplinks/s to ${MQTT_URL:-mqtt://127.0.0.1:1883} (log .run/logs/simulator.log; stopped with the services)"
    else
      warn "the simulated meters could not be registered; the uplink simulator was not started"
      SIMULATOR_NOTE="Simulator: not started (registering its meters failed, see above)"
    fi
  else
    SIMULATOR_NOTE="Simulator: off (SIMULATOR=0)"
  fi
fi

cat <<MSG

  Open HES is up.
  Console:  http://localhost:$PORT/
  API docs: http://localhost:$PORT/api/docs
  Health:   http://localhost:$PORT/api/v1/health
  Logs:     .run/logs/<service>.log   Stop: bash scripts/apps.sh stop
  ${SIMULATOR_NOTE:-}

$LOGINS

MSG
