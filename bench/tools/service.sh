# Sourced by the benchmarks that start the service themselves (bench/sip/run.sh, bench/voicemail/run.sh).
# bench_start_service VAR OFFSET KEYCLOAK_PORT DEMO DB_URL PROPERTIES
#   starts wildfly-config/bin/run.sh in its own session (log: VAR/run.log; BENCH_SKIP_BUILD=1 uses the
#   EAR already built), stops it with SIGTERM when the benchmark exits, waits until it is ready, and
#   sets run_pid and wf_pid (WildFly's java process, for bench_cpu_ticks and /proc).
bench_start_service() {
  local var=$1 offset=$2 kc_port=$3 demo=$4 db_url=$5 properties=$6
  local root; root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  SWITCHBOARD_SKIP_BUILD=${BENCH_SKIP_BUILD:-0} SWITCHBOARD_VAR="$var" SWITCHBOARD_PORT_OFFSET="$offset" \
  SWITCHBOARD_KEYCLOAK_PORT="$kc_port" SWITCHBOARD_DEMO="$demo" SWITCHBOARD_DB_URL="$db_url" \
  SWITCHBOARD_PROPERTIES="$properties" \
    setsid bash "$root/wildfly-config/bin/run.sh" > "$var/run.log" 2>&1 < /dev/null &
  run_pid=$!
  trap 'kill -TERM "$run_pid" 2>/dev/null; wait "$run_pid" 2>/dev/null || true' EXIT
  until grep -q '\[switchboard\] ready' "$var/run.log"; do
    kill -0 "$run_pid" 2>/dev/null || { tail -20 "$var/run.log"; exit 1; }
    sleep 2
  done
  wf_pid=""
  local p
  for p in $(pgrep -f -- "-Djboss.server.base.dir=$var/wildfly"); do
    [ "$(cat "/proc/$p/comm" 2>/dev/null)" = java ] && wf_pid=$p
  done
  [ -n "$wf_pid" ] || { printf '[bench] %s\n' "WildFly's java process not found"; exit 1; }
}

# The CPU WildFly has used so far, in clock ticks (user + system; getconf CLK_TCK a second).
bench_cpu_ticks() { awk '{print $14 + $15}' "/proc/$wf_pid/stat"; }

# The path of the H2 jar of the project's version (pom.xml), fetched into ~/.m2 if it is not there.
bench_h2_jar() {
  local root; root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  local version; version=$(sed -n 's:.*<version.h2>\(.*\)</version.h2>.*:\1:p' "$root/pom.xml")
  local jar="$HOME/.m2/repository/com/h2database/h2/$version/h2-$version.jar"
  [ -f "$jar" ] || (cd "$root" && mvn -B -q dependency:get -Dartifact="com.h2database:h2:$version" >&2)
  printf '%s\n' "$jar"
}
