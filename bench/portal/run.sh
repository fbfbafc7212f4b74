#!/usr/bin/env bash
# Portal benchmark (not part of mvn verify): starts the service with the run command on its own ports
# and data folder, seeds alice's account with CDRS call records and TRACES trace rows in the service's
# database (server-side INSERT ... SELECT), then signs in as alice through Keycloak's login form and
# times the call history page, the API's first page and a month's CSV export, and the calls page.
# Stops the service (SIGTERM) at the end.
#
#   bench/portal/run.sh h2|postgresql [CDRS] [TRACES] [REPEATS]      (defaults 100000 1000000 5)
#
# PostgreSQL: SWITCHBOARD_BENCH_PG_URL, else SWITCHBOARD_TEST_PG_URL (user/password switchboard); its
# public schema is dropped first, as the end-to-end tests do. H2: the file under BENCH_VAR, opened with
# AUTO_SERVER=TRUE so that this script can write to it while WildFly holds it (as ear's RunCommand does).
# Ports: BENCH_PORT_OFFSET (default 800: portal on 8880) and BENCH_KEYCLOAK_PORT (default 7480);
# the realm must allow redirects to that portal port (switchboard-realm.json's redirectUris).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
db=${1:?usage: bench/portal/run.sh h2|postgresql [CDRS] [TRACES] [REPEATS]}
cdrs=${2:-100000}; traces=${3:-1000000}; repeats=${4:-5}
offset=${BENCH_PORT_OFFSET:-800}; kc_port=${BENCH_KEYCLOAK_PORT:-7480}
var=${BENCH_VAR:-$root/bench/portal/target/var-$db}
portal="http://localhost:$((8080 + offset))/"

# The EAR and ear's test classes (PortalBench, OidcBrowser), and the test classpath (JDBC drivers).
# One reactor run, so that ear's classpath can name the modules it just packaged (each module writes
# the file in turn; ear, the last, wins).
cpfile=$(mktemp)
(cd "$root" && mvn -B -q package -DskipTests dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cpfile")
cp="$root/ear/target/test-classes:$(cat "$cpfile")"
bench() { java -cp "$cp" org.switchboard.e2e.PortalBench "$@"; }

rm -rf "$var"; mkdir -p "$var"
export SWITCHBOARD_SKIP_BUILD=1 SWITCHBOARD_VAR="$var" SWITCHBOARD_PORT_OFFSET="$offset" SWITCHBOARD_KEYCLOAK_PORT="$kc_port"
if [ "$db" = postgresql ]; then
  pg_url=${SWITCHBOARD_BENCH_PG_URL:-${SWITCHBOARD_TEST_PG_URL:?set SWITCHBOARD_BENCH_PG_URL or SWITCHBOARD_TEST_PG_URL}}
  pg_db=${pg_url##*/}; pg_db=${pg_db%%\?*}
  PGPASSWORD=switchboard psql -q -h 127.0.0.1 -U switchboard -d "$pg_db" -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public'
  export SWITCHBOARD_DB=postgresql SWITCHBOARD_DB_URL="$pg_url"
  jdbc=$pg_url; db_user=switchboard; db_password=switchboard
else
  jdbc="jdbc:h2:file:$var/data/db/switchboard;AUTO_SERVER=TRUE"
  export SWITCHBOARD_DB_URL=$jdbc
  db_user=sa; db_password=sa
fi

log="$var/run.log"
bash "$root/wildfly-config/bin/run.sh" >"$log" 2>&1 &
service=$!
trap 'status=$?; kill -TERM "$service" 2>/dev/null; wait "$service" 2>/dev/null; rm -f "$cpfile"; exit $status' EXIT
for _ in $(seq 1 300); do
  grep -q '\[switchboard\] ready' "$log" && break
  kill -0 "$service" 2>/dev/null || { cat "$log"; echo "the run command stopped" >&2; exit 1; }
  sleep 1
done
grep -q '\[switchboard\] ready' "$log" || { echo "the service did not start in 5 minutes (log: $log)" >&2; exit 1; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(date -u '+%F %H:%M UTC'); database: $db"
bench seed "$jdbc" "$db_user" "$db_password" alice bob "$cdrs" "$traces"
bench time "$portal" alice demo-alice-1 "$repeats"
