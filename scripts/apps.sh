#!/usr/bin/env bash
# Starts / stops the six platform processes from dist/ without Docker.
#   scripts/apps.sh start|stop|status
# Pids in .run/, logs (JSON lines) in .run/logs/<app>.log.
set -euo pipefail
cd "$(dirname "$0")/.."
APPS=(system metering billing analytics ingest gateway)
RUN=.run
mkdir -p "$RUN/logs"

running() { [ -f "$RUN/$1.pid" ] && kill -0 "$(cat "$RUN/$1.pid")" 2>/dev/null; }

stop() {
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
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
