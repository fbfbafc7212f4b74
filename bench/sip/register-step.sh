#!/usr/bin/env bash
# One step of a REGISTER benchmark: SIPp registers the accounts of USERS_CSV (seed-accounts.py's
# file) over UDP at RATE authenticated registrations/s for SECONDS against 127.0.0.1:PORT, and
# prints one line: "rate RATE ok N failed N failed% X p99_401 MS p99_200 MS". Its own watchdog:
# SIPp is stopped (TERM, then KILL) if it runs 90 s past its time. SCENARIO=register-grace.xml lets
# the server refuse with 503 + Retry-After: the line then also counts "registered" (the 200s) and
# "refused" (the 503s).
#   register-step.sh PORT RATE SECONDS USERS_CSV WORKDIR
set -euo pipefail
port=$1; rate=$2; seconds=$3; users=$4; work=$5
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../tools/sipp.sh"
mkdir -p "$work"; rm -f "$work"/*_screen.log "$work"/*_rtt.csv
cp "$users" "$work/users.csv"
(cd "$work" && timeout -k 10 $((seconds + 90)) sipp "127.0.0.1:$port" -sf "$here/${SCENARIO:-register.xml}" -inf users.csv \
   -i 127.0.0.1 -p 0 -buff_size "$sipp_buffer" -r "$rate" -m $((rate * seconds)) -l 20000 -nostdin -nd -trace_screen -trace_rtt -rtt_freq 1 \
   -timeout $((seconds + 60))s -max_recv_loops 10000 -max_sched_loops 10000 > step.out 2>&1 || true)
python3 - "$work" "$rate" <<'PY'
import glob, re, sys
d, rate = sys.argv[1], int(sys.argv[2])
screens = glob.glob(d + "/*_screen.log")
screen = open(screens[0]).read() if screens else ""
def cumulative(label):
    m = re.findall(label + r"\s*\|\s*\d+\s*\|\s*(\d+)", screen)
    return int(m[-1]) if m else 0
ok, failed = cumulative("Successful call"), cumulative("Failed call")
times = {1: [], 2: []}
for f in glob.glob(d + "/*_rtt.csv"):
    for line in open(f):
        parts = line.strip().split(";")
        if len(parts) >= 3 and parts[1].replace(".", "", 1).isdigit():
            times[int(parts[2])].append(float(parts[1]))
def p99(v):
    v = sorted(v)
    return v[max(0, int(len(v) * 0.99) - 1)] if v else float("nan")
refused = sum(int(n) for n in re.findall(r"^\s*503 <-+\s+(\d+)", screen, re.M))
print("rate %d ok %d failed %d failed%% %.3f p99_401 %.1f p99_200 %.1f registered %d refused %d"
      % (rate, ok, failed, 100.0 * failed / max(1, ok + failed), p99(times[1]), p99(times[2]), len(times[2]), refused))
PY
