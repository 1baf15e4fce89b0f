#!/usr/bin/env bash
# Shared helpers of scripts/up.sh and scripts/test.sh: make sure the local services the platform
# needs are installed (Debian packages) and running. Idempotent: safe to run any number of times.
set -euo pipefail

log() { printf '\033[1;34m==>\033[0m %s\n' "$*"; }
warn() { printf '\033[1;33m!!\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31mxx\033[0m %s\n' "$*" >&2; exit 1; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

APT_UPDATED=0
apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || die "need Debian packages: ${missing[*]} (no apt-get here)"
  if [ "$APT_UPDATED" = 0 ]; then as_root apt-get update -qq; APT_UPDATED=1; fi
  log "installing ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && exec 3>&- 3<&-; }

wait_port() {
  local port=$1 name=$2 tries=${3:-60}
  for _ in $(seq "$tries"); do port_open "$port" && return 0; sleep 1; done
  die "$name did not open port $port"
}

ensure_postgres() {
  if port_open 5432; then return 0; fi
  apt_install postgresql
  log "starting PostgreSQL"
  as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start || true
  wait_port 5432 PostgreSQL
}

ensure_redis() {
  if port_open 6379; then return 0; fi
  apt_install redis-server
  log "starting Redis"
  as_root redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no
  wait_port 6379 Redis
}

ensure_mosquitto() {
  if port_open 1883; then return 0; fi
  apt_install mosquitto
  log "starting Mosquitto"
  as_root mosquitto -d -c /etc/mosquitto/mosquitto.conf
  wait_port 1883 Mosquitto
}

clickhouse_up() { curl -fsS --max-time 2 http://127.0.0.1:8123/ping >/dev/null 2>&1; }

ensure_clickhouse() {
  if clickhouse_up; then return 0; fi
  apt_install clickhouse-server clickhouse-client
  log "starting ClickHouse"
  as_root bash -c 'cd / && nohup clickhouse-server --config=/etc/clickhouse-server/config.xml >/var/log/clickhouse-server/stdout.log 2>&1 &'
  for _ in $(seq 60); do clickhouse_up && return 0; sleep 1; done
  die "ClickHouse did not answer on :8123 (see /var/log/clickhouse-server/)"
}

ensure_chromium() { apt_install chromium; }

ensure_node_modules() {
  command -v node >/dev/null || die "Node.js 20 is required"
  local stamp=node_modules/.install-stamp
  if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
    log "installing npm dependencies"
    # `npm install` honours package-lock.json; `npm ci` refuses this lock because chdb names
    # optional per-platform packages that were never published.
    npm install --no-audit --no-fund
    touch "$stamp"
  fi
}

ensure_services() {
  apt_install curl ca-certificates
  ensure_postgres
  ensure_redis
  ensure_mosquitto
  ensure_clickhouse
}
