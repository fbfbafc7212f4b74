#!/usr/bin/env bash
# Proxied calls per second through a running Switchboard (wildfly-config/bin/run.sh), with
# session traces and CDRs on: SIPp phones over loopback, bob answering, alice calling
# (INVITE-407-ACK, then INVITE with her digest credentials-180-200-ACK, 1.5 s of call, BYE-200).
# Prints failures, authenticated-INVITE-to-180 and -to-200 times (mean, p99),
# and the server's CPU and RSS over the run.
#
# usage: bench/sip/calls.sh [calls-per-second] [seconds]
# env:   SIP_PORT (5060 + the run command's port offset), BOB_PORT (16060, and +2 to register),
#        ALICE_PORT (16061),
#        BOB_PASSWORD (demo-bob-1), ALICE_PASSWORD (demo-alice-1: demo mode),
#        SERVER_PIDS (the processes whose CPU and RSS are measured: found for WildFly; compare.sh
#        passes Kamailio's)
#        CALL_SCENARIO (the caller's SIPp scenario; grace.sh gives bench/sip/call-grace.xml, where a 503
#        with Retry-After ends a call as refused, counted apart)
#        PROFILE=FILE.jfr records the server (WildFly) with Java Flight Recorder during the calls and
#        prints the hottest methods (bench/tools/jfr-top.py)
# SIPp is stopped (TERM, then KILL) 150 s past the run's time, whatever it waits for: at 250
# calls/s it once hung for 16 minutes.
set -euo pipefail
rate=${1:-100}
seconds=${2:-60}
sip_port=${SIP_PORT:-5060}
bob_port=${BOB_PORT:-16060}
alice_port=${ALICE_PORT:-16061}
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../tools/sipp.sh"
scenarios=$(cd "$here/../../ear/src/test/sipp" && pwd)
out=$(mktemp -d /tmp/switchboard-bench.XXXXXX)
calls=$((rate * seconds))

server=${SERVER_PIDS:-}
[ -n "$server" ] || server=$(pgrep -f "jboss-modules.*-Djboss.socket.binding.port-offset=$((sip_port - 5060))" | head -1 || true)
[ -n "$server" ] || server=$(pgrep -f 'jboss-modules' | head -1 || true)
[ -n "$server" ] || { echo "no WildFly running: start wildfly-config/bin/run.sh first" >&2; exit 1; }
first=${server%% *}

# bob's phone registers first (digest, 300 s), with the Contact of the SIPp UAS started next.
(cd "$out" && sipp "127.0.0.1:$sip_port" -sf "$scenarios/register.xml" -i 127.0.0.1 -p "$((bob_port + 2))" -m 1 \
    -au bob -ap "${BOB_PASSWORD:-demo-bob-1}" -key user bob -key contact_port "$bob_port" \
    -nostdin -timeout 20s -timeout_error >/dev/null 2>&1) || { echo "bob could not register" >&2; exit 1; }

(cd "$out" && exec sipp -sf "$scenarios/uas-answer.xml" -i 127.0.0.1 -p "$bob_port" -buff_size "$sipp_buffer" -nostdin \
    -trace_err >/dev/null 2>&1) &
bob=$!
trap 'kill "$bob" 2>/dev/null || true' EXIT
sleep 1

ticks=$(getconf CLK_TCK)
cpu() { local t=0 p; for p in $server; do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done; echo "$t"; }
cpu_before=$(cpu)
drops_before=$(rcvbuf_errors)
rss_max=0
(
  while kill -0 "$first" 2>/dev/null; do
    for p in $server; do awk '/VmRSS/ {print $2}' "/proc/$p/status"; done | awk '{s += $1} END {print s}'
    sleep 1
  done
) > "$out/rss" &
sampler=$!
[ -n "${PROFILE:-}" ] && jcmd "$first" JFR.start name=calls settings=default filename="$PROFILE" >/dev/null
start=$(date +%s.%N)
(cd "$out" && timeout -k 10 $((seconds + 150)) sipp "127.0.0.1:$sip_port" -sf "${CALL_SCENARIO:-$scenarios/uac-call.xml}" -s bob -au alice -ap "${ALICE_PASSWORD:-demo-alice-1}" -i 127.0.0.1 -p "$alice_port" -buff_size "$sipp_buffer" \
    -r "$rate" -m "$calls" -l $((rate * 4)) -nostdin -trace_err -trace_rtt -rtt_freq 1 \
    -trace_screen -timeout $((seconds + 120))s >/dev/null 2>&1) || true
end=$(date +%s.%N)
cpu_after=$(cpu)
drops=$(($(rcvbuf_errors) - drops_before))
[ -n "${PROFILE:-}" ] && jcmd "$first" JFR.stop name=calls >/dev/null
kill "$sampler" 2>/dev/null || true
kill "$bob" 2>/dev/null || true

screen=$(ls "$out"/*screen.log | head -1)
ok=$(awk -F'|' '/Successful call/ {gsub(/ /, "", $3); print $3}' "$screen" | tail -1)
failed=$(awk -F'|' '/Failed call/ {gsub(/ /, "", $3); print $3}' "$screen" | tail -1)
# 503s received (the screen's message count of each "503 <-" line, of its last dump): refused calls.
refused=$(python3 - "$screen" <<'PY'
import re, sys
dumps = open(sys.argv[1]).read().split("Successful call")
print(sum(int(n) for n in re.findall(r"^\s*503 <-+\s+(?:[BE]-RTD\d+\s+)?(\d+)", dumps[-2] if len(dumps) > 1 else dumps[0], re.M)))
PY
)
rtt=$(ls "$out"/*rtt.csv | head -1)
# SIPp's RTT file: date;time;rtd. rtd 1 is INVITE to 200, rtd 2 INVITE to 180.
percentiles() {
  awk -F';' -v rtd="$1" 'NR > 1 && $2 != "" && $3 + 0 == rtd {print $2}' "$rtt" | sort -n \
    | awk '{v[NR] = $1; s += $1} END {if (NR == 0) {print "- -"; exit} i = int(NR * 0.99); if (i < 1) i = 1; printf "%.1f %d\n", s / NR, v[i]}'
}
read -r mean p99 < <(percentiles 1)
read -r mean180 p99_180 < <(percentiles 2)
elapsed=$(echo "$end - $start" | bc)
cpu_seconds=$(echo "($cpu_after - $cpu_before) / $ticks" | bc -l)
rss_max=$(sort -n "$out/rss" | tail -1)
# Not completed counts as failed: a run stopped by the watchdog leaves calls neither ok nor failed.
printf 'offered %d calls/s for %d s: %s ok, %s failed, %d not completed (%.3f %% not ok)\n' "$rate" "$seconds" "${ok:-0}" \
    "${failed:-0}" "$((calls - ${ok:-0} - ${failed:-0}))" "$(echo "100 * ($calls - ${ok:-0}) / ($calls)" | bc -l)"
[ "$refused" = 0 ] || printf 'refused with 503 and Retry-After: %d (counted in ok; completed = ok - refused = %d)\n' "$refused" "$((${ok:-0} - refused))"
printf 'INVITE to 180: mean %s ms, p99 %s ms\n' "$mean180" "$p99_180"
printf 'INVITE to 200: mean %s ms, p99 %s ms\n' "$mean" "$p99"
printf 'server: %.0f %% of one core on average over %.0f s, RSS up to %d MB\n' \
    "$(echo "100 * $cpu_seconds / $elapsed" | bc -l)" "$elapsed" "$((rss_max / 1024))"
echo "UDP datagrams dropped by the kernel (full receive buffers, any socket): $drops"
echo "SIPp files: $out"
[ -z "${PROFILE:-}" ] || python3 "$here/../tools/jfr-top.py" "$PROFILE" 40
