#!/usr/bin/env bash
# Starts / stops the six platform processes from dist/ without Docker, and the uplink simulator.
#   scripts/apps.sh start|stop|status|simulator
# Pids in .run/, logs (JSON lines) in .run/logs/<app>.log. `simulator` (re)starts tools/simulator in the
# background (.run/simulator.pid, .run/logs/simulator.log): SIM_METERS virtual meters (200), SIM_SEED (1),
# SIM_RATE uplinks/s (20) to MQTT_URL, until stopped. `stop` stops it too.
set -euo pipefail
cd "$(dirname "$0")/.."
APPS=(system metering billing analytics ingest gateway)
RUN=.run
mkdir -p "$RUN/logs"

running() { [ -f "$RUN/$1.pid" ] && kill -0 "$(cat "$RUN/$1.pid")" 2>/dev/null; }

SIM_METERS=${SIM_METERS:-200}
SIM_SEED=${SIM_SEED:-1}
SIM_RATE=${SIM_RATE:-20}

stop_simulator() {
  if running simulator; then
    kill "$(cat "$RUN/simulator.pid")" 2>/dev/null || true
    for _ in $(seq 25); do running simulator || break; sleep 0.2; done
    if running simulator; then kill -9 "$(cat "$RUN/simulator.pid")" 2>/dev/null || true; fi
  fi
  rm -f "$RUN/simulator.pid"
}

# Unbounded (no --count/--duration): plays the fleet in real time until stopped.
simulator() {
  stop_simulator
  nohup node dist/tools/simulator/cli.js --meters "$SIM_METERS" --seed "$SIM_SEED" --rate "$SIM_RATE" \
    --mqtt "${MQTT_URL:-mqtt://127.0.0.1:1883}" >>"$RUN/logs/simulator.log" 2>&1 &
  echo $! >"$RUN/simulator.pid"
}

stop() {
  stop_simulator
  for app in "${APPS[@]}"; do
    if running "$app"; then kill "$(cat "$RUN/$app.pid")" 2>/dev/null || true; fi
  done
  for app in "${APPS[@]}"; do
    for _ in $(seq 50); do running "$app" || break; sleep 0.2; done
    if running "$app"; then kill -9 "$(cat "$RUN/$app.pid")" 2>/dev/null || true; fi
    rm -f "$RUN/$app.pid"
  done
}

start() {
  stop
  for app in "${APPS[@]}"; do
    nohup node "dist/apps/$app/src/main.js" >>"$RUN/logs/$app.log" 2>&1 &
    echo $! >"$RUN/$app.pid"
  done
}

status() {
  for app in "${APPS[@]}"; do
    if running "$app"; then echo "$app: running (pid $(cat "$RUN/$app.pid"))"; else echo "$app: stopped"; fi
  done
  if running simulator; then echo "simulator: running (pid $(cat "$RUN/simulator.pid"))"; else echo "simulator: stopped"; fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  simulator) simulator ;;
  *) echo "usage: $0 start|stop|status|simulator" >&2; exit 2 ;;
esac
