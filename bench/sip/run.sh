#!/usr/bin/env bash
# Benchmark (not a test): authenticated REGISTERs per second on this machine.
# Starts the service with the run command (H2, no demo data, its own ports and data folder),
# opens BENCH_USERS accounts through a bench-only SQL seed, warms up, then drives SIPp over
# loopback at BENCH_RATE registrations/s for BENCH_SECONDS and reports successful registrations/s,
# failures, mean and p99 response times, and the server's CPU and RSS. Ctrl-C stops everything.
#
#   BENCH_RATE=2000 BENCH_SECONDS=30 BENCH_USERS=10000 bench/sip/run.sh
#   BENCH_SKIP_BUILD=1 to use the EAR already built. BENCH_RUNS=5 measures five times on one start.
#   BENCH_DB=postgresql to run on the local PostgreSQL (database switchboard_bench, made anew).
#   BENCH_WARMUP=0 to measure right after start (the cold-start benchmark), without the 20 s at 500/s.
#   BENCH_FILL=1 to register every one of the BENCH_USERS accounts once before measuring (the
#   memory benchmark: BENCH_USERS=100000 BENCH_FILL=1), at BENCH_FILL_RATE (default 500/s).
#   BENCH_PROFILE=1 to record the measured phase with Java Flight Recorder and print the hottest
#   methods (bench/tools/jfr-top.py; the recording stays in bench/var/measure.jfr).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
offset=${BENCH_PORT_OFFSET:-700}
kc_port=${BENCH_KEYCLOAK_PORT:-8980}
users=${BENCH_USERS:-10000}
rate=${BENCH_RATE:-2000}
seconds=${BENCH_SECONDS:-30}
var=${BENCH_VAR:-$root/bench/var}
sip_port=$((5060 + offset))
db_url="jdbc:h2:file:$var/data/db/switchboard;AUTO_SERVER=TRUE;WRITE_DELAY=0" # the run command's own setting, plus AUTO_SERVER for the seed
if [ "${BENCH_DB:-h2}" = postgresql ]; then # BENCH_DB=postgresql: the local PostgreSQL's database switchboard_bench (made empty)
  export SWITCHBOARD_DB=postgresql
  db_url=jdbc:postgresql://127.0.0.1:5432/switchboard_bench
  su postgres -c "dropdb --if-exists switchboard_bench && createdb -O switchboard switchboard_bench"
fi
h2_version=$(sed -n 's:.*<version.h2>\(.*\)</version.h2>.*:\1:p' "$root/pom.xml")
h2_jar="$HOME/.m2/repository/com/h2database/h2/$h2_version/h2-$h2_version.jar"

say() { printf '[bench] %s\n' "$*"; }
for tool in sipp python3 java; do command -v "$tool" >/dev/null || { say "needs $tool"; exit 1; }; done
[ -f "$h2_jar" ] || (cd "$root" && mvn -B -q dependency:get -Dartifact="com.h2database:h2:$h2_version")

rm -rf "$var"; mkdir -p "$var/sipp"
python3 "$here/seed-accounts.py" "$users" localhost "$var/seed.sql" "$var/sipp/users.csv"

say "starting the service (log: $var/run.log)"
. "$root/bench/tools/service.sh"
. "$root/bench/tools/sipp.sh"
bench_start_service "$var" "$offset" "$kc_port" false "$db_url" "${SWITCHBOARD_PROPERTIES:-$here/bench.properties}"

say "opening $users accounts"
if [ "${BENCH_DB:-h2}" = postgresql ]; then
  PGPASSWORD=switchboard psql -q -h 127.0.0.1 -U switchboard switchboard_bench -f "$var/seed.sql" >/dev/null
else
  java -cp "$h2_jar" org.h2.tools.RunScript -url "$db_url" -user sa -password sa -script "$var/seed.sql"
fi

sipp_run() { # rate count tag
  (cd "$var/sipp" && sipp "127.0.0.1:$sip_port" -sf "$here/register.xml" -inf users.csv -i 127.0.0.1 -p 0 -buff_size "$sipp_buffer" \
     -r "$1" -m "$2" -l 20000 -nostdin -nd -trace_screen -trace_rtt -rtt_freq 1 -trace_err -timeout 300s \
     -max_recv_loops 10000 -max_sched_loops 10000 > "$3.out" 2>&1 || true)
}

if [ "${BENCH_WARMUP:-1}" = 1 ]; then
  say "warming up (500/s for 20 s)"
  sipp_run 500 10000 warmup
else
  say "no warm-up: measuring from a cold start"
fi
rm -f "$var/sipp"/*rtt.csv "$var/sipp"/*screen.log "$var/sipp"/*errors.log
if [ "${BENCH_FILL:-0}" = 1 ]; then
  fill_rate=${BENCH_FILL_RATE:-500}
  say "registering all $users accounts once at $fill_rate/s"
  sipp_run "$fill_rate" "$users" fill
  filled=$(grep -o 'Successful call *| *[0-9]* *| *[0-9]*' "$var/sipp"/register_*_screen.log | tail -1 | awk -F'|' '{gsub(/ /,"",$3); print $3}')
  say "registered: ${filled:-?} of $users; server RSS now $(( $(awk '/VmRSS/ {print $2}' "/proc/$wf_pid/status") / 1024 )) MB"
  rm -f "$var/sipp"/*rtt.csv "$var/sipp"/*screen.log "$var/sipp"/*errors.log
fi

rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$wf_pid/status"; }
hz=$(getconf CLK_TCK)
total=$((rate * seconds))
# BENCH_RUNS=N measures N times in a row on the same start (five of five, for the steady target).
for run in $(seq 1 "${BENCH_RUNS:-1}"); do
  rm -f "$var/sipp"/*rtt.csv "$var/sipp"/*screen.log "$var/sipp"/*errors.log
  say "measuring: $total registrations at $rate/s"
  d0=$(rcvbuf_errors)
  t0=$(date +%s.%N); c0=$(bench_cpu_ticks); rss_max=$(rss_kb)
  [ "${BENCH_PROFILE:-0}" = 1 ] && jcmd "$wf_pid" JFR.start name=bench settings=default filename="$var/measure.jfr" >/dev/null
  sipp_run "$rate" "$total" measure &
  sipp_pid=$!
  sleep 1
  sipp_cpu=$(pgrep -f "sipp 127.0.0.1:$sip_port" | head -1 || true)
  s0=$(awk '{print $14 + $15}' "/proc/$sipp_cpu/stat" 2>/dev/null || echo 0); s1=$s0
  while kill -0 "$sipp_pid" 2>/dev/null; do
    r=$(rss_kb); [ "$r" -gt "$rss_max" ] && rss_max=$r
    s1=$(awk '{print $14 + $15}' "/proc/$sipp_cpu/stat" 2>/dev/null || echo "$s1")
    sleep 1
  done
  t1=$(date +%s.%N); c1=$(bench_cpu_ticks); d1=$(rcvbuf_errors)
  [ "${BENCH_PROFILE:-0}" = 1 ] && jcmd "$wf_pid" JFR.stop name=bench >/dev/null

  python3 - "$var/sipp" "$t0" "$t1" "$c0" "$c1" "$hz" "$rss_max" "$rate" "$((d1 - d0))" "$((s1 - s0))" <<'PY'
import glob, re, sys
d, t0, t1, c0, c1, hz, rss, rate, drops, sipp_ticks = sys.argv[1], *map(float, sys.argv[2:])
screen = open(glob.glob(d + "/register_*_screen.log")[0]).read()
def cumulative(label):
    m = re.findall(label + r"\s*\|\s*\d+\s*\|\s*(\d+)", screen)
    return int(m[-1]) if m else 0
ok, failed = cumulative("Successful call"), cumulative("Failed call")
times = {1: [], 2: []}
for f in glob.glob(d + "/register_*_rtt.csv"):
    for line in open(f):
        parts = line.strip().split(";")
        if len(parts) >= 3 and parts[1].replace(".", "", 1).isdigit():
            times[int(parts[2])].append(float(parts[1]))
elapsed = t1 - t0
print("offered rate          %d registrations/s" % rate)
print("successful            %d in %.1f s = %.0f authenticated REGISTER/s" % (ok, elapsed, ok / elapsed))
print("failed                %d (%.3f%%)" % (failed, 100.0 * failed / max(1, ok + failed)))
for rtd, name in ((1, "REGISTER -> 401"), (2, "REGISTER+auth -> 200")):
    v = sorted(times[rtd])
    if v:
        print("%-21s mean %.2f ms, p99 %.2f ms (%d samples)" % (name, sum(v) / len(v), v[int(len(v) * 0.99) - 1], len(v)))
print("server CPU            %.0f%% of one core (%d cores here)" % (100.0 * (c1 - c0) / hz / elapsed, __import__("os").cpu_count()))
print("server RSS (max)      %.0f MB" % (rss / 1024))
print("SIPp CPU              %.0f%% of one core (SIPp is one thread)" % (100.0 * sipp_ticks / hz / elapsed))
print("UDP drops             %d datagrams (full receive buffers, any socket)" % drops)
PY
done
if [ "${BENCH_PROFILE:-0}" = 1 ]; then
  python3 "$root/bench/tools/jfr-top.py" "$var/measure.jfr" 30
fi
