#!/usr/bin/env bash
# Benchmark (not a test): grace past capacity. Starts the service (run command, H2, demo off,
# bench.properties), opens BENCH_USERS accounts, warms up, then offers authenticated REGISTERs at
# twice RATE (the sustainable rate found with run.sh or compare.sh) for OVER_SECONDS, and at once
# after that half RATE for AFTER_SECONDS. For each phase: registrations completed per second,
# refusals (503, each with Retry-After, else SIPp counts the call failed), and failures (lost or
# wrong answers); and the server's RSS. Grace: completed/s in the overload at least RATE, no
# failure but 503s, and the phase after clean.
#   RATE=800 bench/sip/grace.sh        (OVER_SECONDS=60 AFTER_SECONDS=30 BENCH_USERS=10000)
# CALLS=1 does the same for calls (calls.sh, demo mode: alice calls bob): twice RATE calls/s with
# call-grace.xml (either INVITE may get a 503 with Retry-After; the call is then ACKed and counted
# as refused), then half RATE with the plain scenario, which must be clean.
#   CALLS=1 RATE=400 bench/sip/grace.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
rate=${RATE:?RATE=the sustainable REGISTER rate}
over=${OVER_SECONDS:-60}
after=${AFTER_SECONDS:-30}
users=${BENCH_USERS:-10000}
offset=${BENCH_PORT_OFFSET:-1000}
kc_port=${BENCH_KEYCLOAK_PORT:-9380}
var=${BENCH_VAR:-$root/bench/var/grace}
sip_port=$((5060 + offset))
db_url="jdbc:h2:file:$var/data/db/switchboard;AUTO_SERVER=TRUE;WRITE_DELAY=0"
say() { printf '[grace] %s\n' "$*"; }

rm -rf "$var"; mkdir -p "$var"
. "$root/bench/tools/service.sh"
rss() { awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$wf_pid/status"; }
if [ "${CALLS:-0}" = 1 ]; then
  say "starting the service, demo mode (log: $var/run.log)"
  bench_start_service "$var" "$offset" "$kc_port" true "" "${SWITCHBOARD_PROPERTIES:-$here/bench.properties}"
  calls() { SIP_PORT=$sip_port SERVER_PIDS=$wf_pid "$here/calls.sh" "$@" 2>&1 | grep -v '^SIPp files'; }
  say "warming up (calls at 50/s, then 200/s, 20 s each)"
  calls 50 20 >/dev/null; calls 200 20 >/dev/null
  say "overload: $((rate * 2)) calls/s for $over s, then $((rate / 2))/s for $after s"
  CALL_SCENARIO=$here/call-grace.xml calls $((rate * 2)) "$over"
  say "then, at once:"
  calls $((rate / 2)) "$after"
  say "server RSS now $(rss) MB; full GCs: $(jstat -gc "$wf_pid" | awk 'NR == 2 {print $15}')"
  exit 0
fi
python3 "$here/seed-accounts.py" "$users" localhost "$var/seed.sql" "$var/users.csv"
h2_jar=$(bench_h2_jar)
say "starting the service (log: $var/run.log)"
bench_start_service "$var" "$offset" "$kc_port" false "$db_url" "${SWITCHBOARD_PROPERTIES:-$here/bench.properties}"
java -cp "$h2_jar" org.h2.tools.RunScript -url "$db_url" -user sa -password sa -script "$var/seed.sql"
say "warming up (500/s for 20 s)"
"$here/register-step.sh" "$sip_port" 500 20 "$var/users.csv" "$var/warmup" >/dev/null

phase() { # name rate seconds
  local t0 t1 line
  t0=$(date +%s.%N)
  line=$(SCENARIO=register-grace.xml "$here/register-step.sh" "$sip_port" "$2" "$3" "$var/users.csv" "$var/$1")
  t1=$(date +%s.%N)
  python3 - "$1" "$line" "$t0" "$t1" "$3" "$(rss)" <<'PY'
import sys
name, line, t0, t1, seconds, rss = sys.argv[1], sys.argv[2].split(), float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
f = dict(zip(line[::2], line[1::2]))
print("%-9s offered %s/s for %d s: %s registered (%.0f/s over the offered time), %s refused with 503, %s failed (%s %%), p99 200 %s ms; RSS %s MB; took %.0f s"
      % (name, f["rate"], seconds, f["registered"], int(f["registered"]) / seconds, f["refused"], f["failed"],
         f["failed%"], f["p99_200"], rss, t1 - t0))
PY
}
say "overload: $((rate * 2))/s for $over s, then $((rate / 2))/s for $after s"
phase overload $((rate * 2)) "$over"
phase after $((rate / 2)) "$after"
