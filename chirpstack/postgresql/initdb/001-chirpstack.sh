#!/usr/bin/env bash
# Creates ChirpStack's role and database on the platform's PostgreSQL server.
#
# Run by the postgres image's entrypoint (mounted on
# /docker-entrypoint-initdb.d) ONCE, when the data volume is empty. To add
# ChirpStack to an existing volume, run the same statements by hand (see
# docs/deployment.md).
#
# pg_trgm is required by ChirpStack's first migration (gin_trgm_ops indexes);
# hstore is used by its PostgreSQL integration. Both are created as the
# superuser, in ChirpStack's database.
set -euo pipefail

: "${POSTGRES_USER:?POSTGRES_USER is not set}"
: "${CHIRPSTACK_POSTGRES_PASSWORD:?CHIRPSTACK_POSTGRES_PASSWORD is not set}"

# The password travels as a psql variable (:'name' quotes it as a literal),
# never inside the SQL text.
psql -v ON_ERROR_STOP=1 \
  --username "$POSTGRES_USER" \
  --dbname "${POSTGRES_DB:-$POSTGRES_USER}" \
  --set=chirpstack_password="$CHIRPSTACK_POSTGRES_PASSWORD" <<'EOSQL'
CREATE ROLE chirpstack WITH LOGIN PASSWORD :'chirpstack_password';
CREATE DATABASE chirpstack WITH OWNER chirpstack ENCODING 'UTF8';
\connect chirpstack
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS hstore;
EOSQL
