#!/usr/bin/env bash
# Benchmark (not a test): Kamailio and Switchboard side by side, one after the other in one run, on
# this machine, with the same SIPp scenarios: authenticated REGISTER/s (register.xml, BENCH_USERS
# accounts) and proxied calls/s (calls.sh: INVITE-407-INVITE-180-200-ACK, 1.5 s, BYE; traces and
# CDRs on for Switchboard). Each rate of REGISTER_RATES and CALL_RATES runs STEP_SECONDS; a rate is
# clean under 0.1 % failures. Prints each one's highest clean rate and Switchboard's share of
# Kamailio's. Kamailio: Debian's kamailio + kamailio-sqlite-modules (bench/kamailio/), WORKERS
# children, no database writes but msilo's lookups; Switchboard: the run command, H2, demo mode
# (alice and bob), bench/sip/bench.properties, warmed up first.
#
#   bench/sip/compare.sh
#   REGISTER_RATES="1000 2000 4000" CALL_RATES="100 200 400" STEP_SECONDS=20 bench/sip/compare.sh
#   ONLY=switchboard or ONLY=kamailio to run one side; BENCH_SKIP_BUILD=1 reuses the built EAR.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
register_rates=${REGISTER_RATES:-"1000 2000 4000 5000 6000 8000"}
call_rates=${CALL_RATES:-"200 400 600 800 1000 1200 1400"}
step=${STEP_SECONDS:-20}
users=${BENCH_USERS:-10000}
workers=${WORKERS:-2}
only=${ONLY:-both}
offset=${BENCH_PORT_OFFSET:-1000}
kc_port=${BENCH_KEYCLOAK_PORT:-9380}
kam_port=${KAMAILIO_PORT:-7060}
var=${BENCH_VAR:-$root/bench/var/compare}
say() { printf '[compare] %s\n' "$*"; }
for tool in sipp python3 bc; do command -v "$tool" >/dev/null || { say "needs $tool"; exit 1; }; done

rm -rf "$var"; mkdir -p "$var"
python3 "$here/seed-accounts.py" "$users" localhost "$var/seed.sql" "$var/users.csv"
results="$var/results.tsv"; : > "$results"

# Runs every rate of a ladder; records "side kind rate failed% p99" and stops at the first rate that
# fails twice (the next ones would only fail more slowly).
register_ladder() { # side port
  local side=$1 port=$2 r line pct misses=0
  for r in $register_rates; do
    line=$("$here/register-step.sh" "$port" "$r" "$step" "$var/users.csv" "$var/sipp-$side-reg")
    say "$side REGISTER $line"
    pct=$(awk '{print $8}' <<<"$line")
    printf '%s\tregister\t%s\t%s\t%s\n' "$side" "$r" "$pct" "$(awk '{print $12}' <<<"$line")" >> "$results"
    if awk -v p="$pct" 'BEGIN {exit !(p >= 0.1)}'; then misses=$((misses + 1)); [ "$misses" -ge 2 ] && break; fi
    sleep 5
  done
}
call_ladder() { # side port pids
  local side=$1 port=$2 pids=$3 r out pct p99 misses=0
  for r in $call_rates; do
    out=$(SIP_PORT=$port SERVER_PIDS="$pids" "$here/calls.sh" "$r" "$step" 2>&1 || true)
    pct=$(sed -n 's/.*completed (\([0-9.]*\) % not ok).*/\1/p' <<<"$out"); pct=${pct:-100}
    p99=$(sed -n 's/^INVITE to 180: .*p99 \([0-9-]*\) ms.*/\1/p' <<<"$out") # the issue's figure
    say "$side calls $r/s: $(head -4 <<<"$out" | tr '\n' ' ')"
    printf '%s\tcalls\t%s\t%s\t%s\n' "$side" "$r" "$pct" "${p99:--}" >> "$results"
    if awk -v p="$pct" 'BEGIN {exit !(p >= 0.1)}'; then misses=$((misses + 1)); [ "$misses" -ge 2 ] && break; fi
    sleep 5
  done
}

if [ "$only" != switchboard ]; then
  command -v kamailio >/dev/null || { say "needs kamailio (apt-get install kamailio kamailio-sqlite-modules sqlite3)"; exit 1; }
  say "Kamailio on 127.0.0.1:$kam_port, $workers workers (log: $var/kamailio.log)"
  setsid "$root/bench/kamailio/kamailio-reference.sh" "$kam_port" "$workers" "$var/users.csv" > "$var/kamailio.log" 2>&1 < /dev/null &
  kam=$!
  trap 'kill -TERM -- -"$kam" 2>/dev/null || true' EXIT
  for i in $(seq 1 60); do sipsak -s "sip:ping@127.0.0.1:$kam_port" >/dev/null 2>&1 && break; sleep 1; done
  pids=$(pgrep -d ' ' -f "kamailio -f /tmp/kamailio-reference" || true)
  register_ladder kamailio "$kam_port"
  call_ladder kamailio "$kam_port" "$pids"
  kill -TERM -- -"$kam" 2>/dev/null || true; wait "$kam" 2>/dev/null || true
  trap - EXIT
fi

if [ "$only" != kamailio ]; then
  sip_port=$((5060 + offset))
  db_url="jdbc:h2:file:$var/data/db/switchboard;AUTO_SERVER=TRUE;WRITE_DELAY=0" # the run command's own setting, plus AUTO_SERVER for the seed
  . "$root/bench/tools/service.sh"
  h2_jar=$(bench_h2_jar)
  say "Switchboard on 127.0.0.1:$sip_port (run command, H2, demo mode; log: $var/service/run.log)"
  mkdir -p "$var/service"
  bench_start_service "$var/service" "$offset" "$kc_port" true "$db_url" "${SWITCHBOARD_PROPERTIES:-$here/bench.properties}"
  wf=$wf_pid
  java -cp "$h2_jar" org.h2.tools.RunScript -url "$db_url" -user sa -password sa -script "$var/seed.sql"
  say "warming up: registrations at 500/s, calls at 50/s, 20 s each"
  "$here/register-step.sh" "$sip_port" 500 20 "$var/users.csv" "$var/sipp-warmup" >/dev/null
  SIP_PORT=$sip_port SERVER_PIDS="$wf" "$here/calls.sh" 50 20 >/dev/null 2>&1 || true
  register_ladder switchboard "$sip_port"
  call_ladder switchboard "$sip_port" "$wf"
fi

python3 - "$results" "$(nproc)" <<'PY'
import sys, collections
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
best = collections.defaultdict(int)
for side, kind, rate, pct, p99 in rows:
    if float(pct) < 0.1:
        best[(side, kind)] = max(best[(side, kind)], int(rate))
print("\nhighest clean rate (< 0.1 %% failed), %s cores, SIPp on the same cores" % sys.argv[2])
print("| scenario | Kamailio | Switchboard | Switchboard / Kamailio |")
print("|---|---|---|---|")
for kind, label in (("register", "authenticated REGISTER/s"), ("calls", "calls/s")):
    k, s = best.get(("kamailio", kind), 0), best.get(("switchboard", kind), 0)
    print("| %s | %s | %s | %s |" % (label, k or "-", s or "-", ("%.2f" % (s / k)) if k and s else "-"))
print("\nevery step (side, scenario, rate, % failed, p99 ms: REGISTER+auth to 200, INVITE to 180):")
for r in rows:
    print("  " + "  ".join(r))
PY
