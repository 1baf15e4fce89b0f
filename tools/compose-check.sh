#!/usr/bin/env bash
# Validates the deployment files without a Docker engine and without a real .env:
#   1. docker-compose.yml parses and interpolates (`config -q`) with an env
#      file built from .env.example, and refuses to render without each
#      required secret;
#   2. structure of the rendered compose file (healthchecks, restart policies,
#      named volumes, one-shot migrate), when python3 + PyYAML are available;
#   3. ChirpStack configuration: enabled_regions <-> region files, MQTT
#      integration (json=true, qos=1, topics, share_name), secrets from env,
#      gateway bridge topic prefixes;
#   4. Mosquitto broker settings (persistence and queue limits);
#   5. bind-mounted paths and the PostgreSQL init script.
#
# Usage: bash tools/compose-check.sh        (exit 0 = every check passed)
# The compose command can be forced with COMPOSE="docker compose".
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

CFILE=docker-compose.yml
CS_DIR=chirpstack/chirpstack
CS_TOML=$CS_DIR/chirpstack.toml
GWB_TOML=chirpstack/chirpstack-gateway-bridge/chirpstack-gateway-bridge.toml
MOSQ_DIR=chirpstack/mosquitto
INITDB=chirpstack/postgresql/initdb/001-chirpstack.sh

failures=0
pass() { printf '  ok    %s\n' "$*"; }
fail() { printf '  FAIL  %s\n' "$*"; failures=$((failures + 1)); }
skip() { printf '  skip  %s\n' "$*"; }
section() { printf '\n== %s\n' "$*"; }

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

# Value of `key=...` (first match) inside TOML section [name] (up to the next header).
toml_get() { # file section key
  awk -v sect="[$2]" -v key="$3" '
    /^[[:space:]]*\[/ { line = $0; gsub(/^[[:space:]]+|[[:space:]]+$/, "", line); insect = (line == sect); next }
    insect {
      line = $0; sub(/#.*/, "", line)
      if (match(line, "^[[:space:]]*" key "[[:space:]]*=")) {
        val = substr(line, RLENGTH + 1); gsub(/^[[:space:]]+|[[:space:]]+$/, "", val); print val; exit
      }
    }' "$1"
}
unquote() { sed -e 's/^"//' -e 's/"$//'; }
nocomments() { grep -vE '^[[:space:]]*#' "$1"; }

# ---------------------------------------------------------------------------
section "compose file: $CFILE"

if [ -n "${COMPOSE:-}" ]; then
  read -r -a COMPOSE_CMD <<<"$COMPOSE"
elif command -v docker-compose >/dev/null 2>&1; then
  COMPOSE_CMD=(docker-compose)
elif command -v docker >/dev/null 2>&1 && docker compose version >/dev/null 2>&1; then
  COMPOSE_CMD=(docker compose)
else
  echo "neither docker-compose nor 'docker compose' is installed" >&2
  exit 2
fi
echo "  using: ${COMPOSE_CMD[*]} ($("${COMPOSE_CMD[@]}" version --short 2>/dev/null || echo '?'))"

[ -f .env.example ] || { fail ".env.example is missing"; exit 1; }

# Throwaway env file: .env.example as is (placeholders are non-empty), so a
# real .env is neither needed nor read. Variables exported in this shell would
# override it: clear the ones compose reads.
ENV_FILE="$TMP/env"
cp .env.example "$ENV_FILE"
mapfile -t COMPOSE_VARS < <(nocomments "$CFILE" | grep -oE '\$\{[A-Za-z_][A-Za-z0-9_]*' | sed 's/^\${//' | sort -u)
for v in "${COMPOSE_VARS[@]}" COMPOSE_PROJECT_NAME COMPOSE_FILE; do unset "$v" || true; done

compose() { "${COMPOSE_CMD[@]}" --env-file "$1" -f "$CFILE" --project-directory "$ROOT" "${@:2}"; }

if out="$(compose "$ENV_FILE" config -q 2>&1)"; then
  pass "config -q with an env file made from .env.example"
else
  fail "config -q failed:"; printf '%s\n' "$out" | sed 's/^/        /'
fi

# Every variable compose reads is documented in .env.example.
missing=()
for v in "${COMPOSE_VARS[@]}"; do
  grep -qE "^${v}=" .env.example || missing+=("$v")
done
if [ ${#missing[@]} -eq 0 ]; then
  pass "every variable of the compose file is listed in .env.example (${#COMPOSE_VARS[@]})"
else
  fail "not in .env.example: ${missing[*]}"
fi

# Required secrets: ${VAR:?...} must stop compose when the value is empty.
mapfile -t REQUIRED < <(nocomments "$CFILE" | grep -oE '\$\{[A-Za-z_][A-Za-z0-9_]*:\?' | sed -e 's/^\${//' -e 's/:?$//' | sort -u)
for v in "${REQUIRED[@]}"; do
  sed "s|^${v}=.*|${v}=|" .env.example >"$TMP/env-$v"
  if compose "$TMP/env-$v" config -q >/dev/null 2>&1; then
    fail "compose renders although required $v is empty"
  else
    pass "required: compose refuses an empty $v"
  fi
  grep -qE "^${v}=.+" .env.example || fail ".env.example has no placeholder for $v"
done
[ ${#REQUIRED[@]} -gt 0 ] || fail "no required (\${VAR:?}) secrets found"

# No secret value written into the compose file itself.
if grep -nE '^[[:space:]]*[A-Z0-9_]*(PASSWORD|SECRET|TOKEN|_KEY)[A-Z0-9_]*:[[:space:]]+[^$[:space:]]|://[^:/@[:space:]]+:[^$@[:space:]]+@' "$CFILE" \
  | grep -vE '^[0-9]+:[[:space:]]*#' >"$TMP/clear"; then
  fail "secret-looking values in clear:"; sed 's/^/        /' "$TMP/clear"
else
  pass "no secret values in clear (all from \${...})"
fi

# Keys the older docker-compose 1.29 does not know.
if nocomments "$CFILE" | grep -nE '^name:|start_interval' >/dev/null; then
  fail "uses top-level 'name' or healthcheck 'start_interval' (unknown to compose 1.29)"
else
  pass "no top-level 'name' / 'start_interval'"
fi

# ---------------------------------------------------------------------------
section "compose structure (rendered)"

if command -v python3 >/dev/null 2>&1 && python3 -c 'import yaml' 2>/dev/null; then
  if compose "$ENV_FILE" config >"$TMP/rendered.yml" 2>"$TMP/render.err"; then
    python3 - "$TMP/rendered.yml" >"$TMP/structure.out" 2>&1 <<'PY' || true
import sys, yaml
doc = yaml.safe_load(open(sys.argv[1]))
services = doc.get("services", {})
volumes = set((doc.get("volumes") or {}).keys())
bad = []
def ok(msg): print("  ok    " + msg)
def ko(msg): print("  FAIL  " + msg); bad.append(msg)

expected = {"migrate", "gateway", "system", "metering", "billing", "analytics", "ingest",
            "postgres", "mongo", "clickhouse", "redis", "mosquitto",
            "chirpstack", "chirpstack-gateway-bridge", "chirpstack-rest-api"}
missing = expected - set(services)
ok("services: " + ", ".join(sorted(services))) if not missing else ko("missing services: " + ", ".join(sorted(missing)))

for name, svc in sorted(services.items()):
    if name == "migrate":
        if svc.get("restart", "no") not in ("no", None):
            ko("migrate must not restart (one-shot)")
        continue
    hc = svc.get("healthcheck") or {}
    if not hc.get("test") or hc.get("disable"):
        ko(f"{name}: no healthcheck")
    if svc.get("restart") != "unless-stopped":
        ko(f"{name}: restart is {svc.get('restart')!r}, expected unless-stopped")
    if "container_name" in svc:
        ko(f"{name}: container_name prevents scaling")
ok("healthcheck + restart: unless-stopped on every long-running service") if not any(
    ("healthcheck" in b or "restart" in b) for b in bad) else None

apps = ["gateway", "system", "metering", "billing", "analytics", "ingest"]
for app in apps:
    dep = (services.get(app, {}).get("depends_on") or {})
    cond = dep.get("migrate", {}).get("condition") if isinstance(dep, dict) else None
    if cond != "service_completed_successfully":
        ko(f"{app}: does not wait for migrate (service_completed_successfully)")
    cmd = services.get(app, {}).get("command") or []
    cmd = " ".join(cmd) if isinstance(cmd, list) else cmd
    if f"dist/apps/{app}/src/main.js" not in cmd:
        ko(f"{app}: command does not start dist/apps/{app}/src/main.js")
if not any(a in m for m in bad for a in apps):
    ok("apps start dist/apps/<app>/src/main.js after migrate completed")

mig = " ".join(services.get("migrate", {}).get("command") or [])
if "dist/tools/migrate.js" in mig and "dist/tools/seed.js" in mig and mig.index("migrate.js") < mig.index("seed.js") and "&&" in mig:
    ok("migrate runs dist/tools/migrate.js && dist/tools/seed.js")
else:
    ko("migrate command must run dist/tools/migrate.js && dist/tools/seed.js")
if not (services.get("migrate", {}).get("environment") or {}).get("DEMO_PASSWORD"):
    ko("migrate: no DEMO_PASSWORD for the seed")
for app in ("gateway", "system"):
    if not (services.get(app, {}).get("environment") or {}).get("JWT_SECRET"):
        ko(f"{app}: no JWT_SECRET")

stateful = {"postgres": "/var/lib/postgresql/data", "mongo": "/data/db", "clickhouse": "/var/lib/clickhouse",
            "redis": "/data", "mosquitto": "/mosquitto/data"}
for name, target in stateful.items():
    vols = services.get(name, {}).get("volumes") or []
    hit = [v for v in vols if isinstance(v, dict) and v.get("target") == target and v.get("type") == "volume"]
    hit += [v for v in vols if isinstance(v, str) and v.split(":")[1:2] == [target] and not v.startswith((".", "/"))]
    if not hit:
        ko(f"{name}: {target} is not on a named volume")
    else:
        src = hit[0]["source"] if isinstance(hit[0], dict) else hit[0].split(":")[0]
        if src not in volumes:
            ko(f"{name}: volume {src} not declared")
if not any(n in m for m in bad for n in stateful):
    ok("named volumes for " + ", ".join(stateful))

sys.exit(1 if bad else 0)
PY
    cat "$TMP/structure.out"
    n="$(grep -c '^  FAIL' "$TMP/structure.out" || true)"
    failures=$((failures + n))
    grep -qE '^  (ok|FAIL)' "$TMP/structure.out" || fail "structure check crashed: $(tail -3 "$TMP/structure.out")"
  else
    fail "config (render) failed: $(cat "$TMP/render.err")"
  fi
else
  skip "python3 with PyYAML not available: structure checks skipped"
fi

# ---------------------------------------------------------------------------
section "ChirpStack: $CS_DIR"

[ -f "$CS_TOML" ] || { fail "$CS_TOML missing"; }

# enabled_regions=[ "a", "b", ] (one line or several)
mapfile -t ENABLED < <(awk '
  /^[[:space:]]*enabled_regions[[:space:]]*=/ { on = 1 }
  on { line = $0; sub(/#.*/, "", line); print line; if (line ~ /\]/) exit }' "$CS_TOML" |
  grep -oE '"[^"]+"' | tr -d '"')
if [ ${#ENABLED[@]} -gt 0 ]; then
  pass "enabled_regions: ${ENABLED[*]}"
else
  fail "no enabled_regions in $CS_TOML"
fi

for id in "${ENABLED[@]}"; do
  f="$CS_DIR/region_${id}.toml"
  if [ ! -f "$f" ]; then fail "region $id: $f missing"; continue; fi
  rid="$(toml_get "$f" '[regions]' id | unquote)"
  [ "$rid" = "$id" ] && pass "region $id: $f declares id=\"$id\"" || fail "region $id: $f declares id=\"$rid\""
  prefix="$(toml_get "$f" regions.gateway.backend.mqtt topic_prefix | unquote)"
  [ -n "$prefix" ] && pass "region $id: gateway topic_prefix=\"$prefix\"" || fail "region $id: no topic_prefix"
done

# ChirpStack loads EVERY *.toml of the directory: only chirpstack.toml and the
# enabled regions' files may be there.
for f in "$CS_DIR"/*.toml; do
  b="$(basename "$f")"
  [ "$b" = chirpstack.toml ] && continue
  id="${b#region_}"; id="${id%.toml}"
  if [[ "$b" != region_*.toml ]] || [[ " ${ENABLED[*]} " != *" $id "* ]]; then
    fail "$f is shipped but not an enabled region (ChirpStack would load it)"
  fi
done
[ "$(find "$CS_DIR" -maxdepth 1 -name 'region_*.toml' | wc -l)" -eq ${#ENABLED[@]} ] &&
  pass "no region file beyond enabled_regions" || true

# Gateway bridge topics use the region's prefix (first enabled region).
if [ -f "$GWB_TOML" ] && [ ${#ENABLED[@]} -gt 0 ]; then
  prefix="$(toml_get "$CS_DIR/region_${ENABLED[0]}.toml" regions.gateway.backend.mqtt topic_prefix | unquote)"
  okp=1
  for k in event_topic_template state_topic_template command_topic_template; do
    t="$(toml_get "$GWB_TOML" integration.mqtt "$k" | unquote)"
    [[ "$t" == "$prefix/gateway/"* ]] || { fail "gateway bridge $k=\"$t\" does not start with \"$prefix/gateway/\""; okp=0; }
  done
  [ $okp = 1 ] && pass "gateway bridge topic templates under \"$prefix/gateway/\""
  [ "$(toml_get "$GWB_TOML" integration marshaler | unquote)" = protobuf ] &&
    pass "gateway bridge marshaler=protobuf" || fail "gateway bridge marshaler is not protobuf"
  [ "$(toml_get "$GWB_TOML" backend.semtech_udp udp_bind | unquote)" = "0.0.0.0:1700" ] &&
    pass "gateway bridge Semtech UDP on 0.0.0.0:1700" || fail "gateway bridge udp_bind is not 0.0.0.0:1700"
else
  fail "$GWB_TOML missing"
fi

# [integration] / [integration.mqtt]
check_eq() { # file section key expected label
  local got; got="$(toml_get "$1" "$2" "$3")"
  [ "$got" = "$4" ] && pass "$5" || fail "$5 (found: ${got:-nothing})"
}
check_eq "$CS_TOML" integration enabled '["mqtt"]' '[integration] enabled=["mqtt"]'
check_eq "$CS_TOML" integration.mqtt json true '[integration.mqtt] json=true'
check_eq "$CS_TOML" integration.mqtt qos 1 '[integration.mqtt] qos=1'
check_eq "$CS_TOML" integration.mqtt clean_session false '[integration.mqtt] clean_session=false'
check_eq "$CS_TOML" integration.mqtt event_topic \
  '"application/{{application_id}}/device/{{dev_eui}}/event/{{event}}"' '[integration.mqtt] event_topic as documented'
check_eq "$CS_TOML" integration.mqtt command_topic \
  '"application/{{application_id}}/device/{{dev_eui}}/command/{{command}}"' '[integration.mqtt] command_topic as documented'
share="$(toml_get "$CS_TOML" integration.mqtt share_name | unquote)"
[ -n "$share" ] && [ "$share" != ingest ] && pass "share_name=\"$share\" (not the ingest group)" ||
  fail "share_name must be set and differ from \"ingest\" (found: ${share:-nothing})"
check_eq "$CS_TOML" monitoring bind '"0.0.0.0:8070"' '[monitoring] bind="0.0.0.0:8070" (healthcheck)'
check_eq "$CS_TOML" api secret '"$CHIRPSTACK_API_SECRET"' '[api] secret from $CHIRPSTACK_API_SECRET'
dsn="$(toml_get "$CS_TOML" postgresql dsn)"
[[ "$dsn" == *'$CHIRPSTACK_POSTGRES_PASSWORD'* && "$dsn" == *'$POSTGRESQL_HOST'* ]] &&
  pass "[postgresql] dsn from environment" || fail "[postgresql] dsn not from environment: $dsn"
grep -A3 '^\[redis\]' "$CS_TOML" >/dev/null && grep -q '"redis://\$REDIS_HOST' "$CS_TOML" &&
  pass "[redis] servers from \$REDIS_HOST" || fail "[redis] servers not from \$REDIS_HOST"

# Every $VAR the ChirpStack files use must be given to the container.
mapfile -t CS_VARS < <(cat "$CS_DIR"/*.toml | sed 's/#.*//' | grep -oE '\$[A-Z_][A-Z0-9_]*' | sed 's/^\$//' | sort -u)
cs_env="$(awk '/^  chirpstack:$/ { on = 1; next } on && /^  [a-z]/ { exit } on' "$CFILE")"
for v in "${CS_VARS[@]}"; do
  grep -qE "^[[:space:]]+${v}:" <<<"$cs_env" || fail "chirpstack container lacks \$$v (used in $CS_DIR)"
done
pass "chirpstack container environment covers: ${CS_VARS[*]}"

# ---------------------------------------------------------------------------
section "Mosquitto: $MOSQ_DIR"

MOSQ_ALL="$(cat "$MOSQ_DIR/mosquitto.conf" "$MOSQ_DIR"/conf.d/*.conf 2>/dev/null | sed 's/#.*//')"
mosq() { awk -v k="$1" '$1 == k { $1 = ""; sub(/^ /, ""); v = $0 } END { print v }' <<<"$MOSQ_ALL"; }
grep -qE '^listener 1883' "$MOSQ_DIR/mosquitto.conf" && pass "listener 1883" || fail "no 'listener 1883'"
[ "$(mosq persistence)" = true ] && pass "persistence true" || fail "persistence is not true"
[ -n "$(mosq persistence_location)" ] && pass "persistence_location $(mosq persistence_location)" || fail "no persistence_location"
[ -n "$(mosq autosave_interval)" ] && pass "autosave_interval $(mosq autosave_interval)" || fail "no autosave_interval"
q="$(mosq max_queued_messages)"
[[ "$q" =~ ^[0-9]+$ ]] && { [ "$q" -ge 100000 ] || [ "$q" -eq 0 ]; } && pass "max_queued_messages $q" ||
  fail "max_queued_messages ${q:-unset} (needs >= 100000 for an outage backlog)"
b="$(mosq max_queued_bytes)"
[[ "$b" =~ ^[0-9]+$ ]] && { [ "$b" -eq 0 ] || [ "$b" -ge 104857600 ]; } && pass "max_queued_bytes $b" ||
  fail "max_queued_bytes ${b:-unset} (0 or >= 100 MB)"
[ -n "$(mosq max_inflight_messages)" ] && pass "max_inflight_messages $(mosq max_inflight_messages)" || fail "no max_inflight_messages"
[ -n "$(mosq persistent_client_expiration)" ] && pass "persistent_client_expiration $(mosq persistent_client_expiration)" ||
  fail "no persistent_client_expiration"
[ -n "$(mosq allow_anonymous)" ] && pass "allow_anonymous set explicitly ($(mosq allow_anonymous))" || fail "allow_anonymous not set"
if command -v mosquitto >/dev/null 2>&1; then
  # Start the shared broker settings on a spare port, the way a test would.
  mdir="$TMP/mosquitto"; mkdir -p "$mdir/data"; chmod 777 "$mdir" "$mdir/data"
  port=$((20000 + RANDOM % 20000))
  printf 'per_listener_settings false\nlistener %s 127.0.0.1\nallow_anonymous true\npersistence_location %s/data/\nlog_dest stdout\ninclude_dir %s\n' \
    "$port" "$mdir" "$ROOT/$MOSQ_DIR/conf.d" >"$mdir/mosquitto.conf"
  mosquitto -c "$mdir/mosquitto.conf" >"$mdir/log" 2>&1 &
  mpid=$!
  sleep 1
  if kill -0 "$mpid" 2>/dev/null; then
    pass "local mosquitto $(mosquitto -h 2>/dev/null | head -1 | awk '{print $3}') starts with conf.d/ (test layout)"
    kill "$mpid"; wait "$mpid" 2>/dev/null || true
  else
    fail "local mosquitto rejected conf.d/: $(tr '\n' ' ' <"$mdir/log")"
  fi
else
  skip "mosquitto not installed: broker config not started"
fi

# ---------------------------------------------------------------------------
section "files"

for p in ./chirpstack/postgresql/initdb ./chirpstack/mosquitto ./chirpstack/chirpstack ./chirpstack/chirpstack-gateway-bridge; do
  grep -q "$p:" "$CFILE" || fail "$p is not mounted by $CFILE"
  [ -d "$p" ] || fail "bind mount source $p missing"
done
pass "bind-mount sources exist"
[ -x "$INITDB" ] && pass "$INITDB is executable" || fail "$INITDB missing or not executable"
grep -q 'pg_trgm' "$INITDB" && grep -q 'hstore' "$INITDB" && pass "init script creates pg_trgm and hstore" ||
  fail "init script lacks pg_trgm/hstore"
bash -n "$INITDB" && pass "init script parses (bash -n)" || fail "init script syntax"
[ -f Dockerfile ] && grep -q '^FROM node:20-bookworm-slim\|NODE_IMAGE=node:20-bookworm-slim' Dockerfile &&
  pass "Dockerfile on node:20-bookworm-slim" || fail "Dockerfile missing or not node:20-bookworm-slim"
grep -qE '^USER[[:space:]]+[^r]' Dockerfile && pass "Dockerfile runs as non-root" || fail "Dockerfile has no non-root USER"
grep -qx '.env' .dockerignore 2>/dev/null && pass ".dockerignore keeps .env out of the image" || fail ".dockerignore lacks .env"

# ---------------------------------------------------------------------------
echo
if [ "$failures" -eq 0 ]; then
  echo "compose-check: all checks passed"
else
  echo "compose-check: $failures check(s) failed"
  exit 1
fi
