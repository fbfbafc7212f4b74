#!/usr/bin/env bash
# Starts Debian's PostgreSQL cluster and makes the test role and database (idempotent).
set -euo pipefail
ver=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | grep -q "^$ver main"; then
  pg_createcluster "$ver" main >/dev/null
fi
pg_ctlcluster "$ver" main start 2>/dev/null || true
for i in $(seq 1 30); do
  su postgres -c "psql -qAtc 'select 1'" >/dev/null 2>&1 && break
  sleep 1
done
su postgres -c "psql -qAtc \"select 1 from pg_roles where rolname='switchboard'\"" | grep -q 1 \
  || su postgres -c "psql -qc \"create role switchboard login password 'switchboard'\""
su postgres -c "psql -qAtc \"select 1 from pg_database where datname='switchboard_test'\"" | grep -q 1 \
  || su postgres -c "createdb -O switchboard switchboard_test"
echo "PostgreSQL $ver up: jdbc:postgresql://127.0.0.1:5432/switchboard_test (switchboard/switchboard)"
