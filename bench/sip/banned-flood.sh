#!/usr/bin/env bash
# What a banned flood costs the server. Against a running service (wildfly-config/bin/run.sh, its
# never-ban list without 127.0.0.3): SIPp sends OPTIONS from 127.0.0.3 at RATE/s for SECONDS; the
# first 17 ban the address, the rest are dropped inside the stack's UDP socket. Prints WildFly's CPU
# during the flood and during as long an idle period before it, and the difference per packet.
#   SIP_PORT=6060 bench/sip/banned-flood.sh 5000 20
set -euo pipefail
rate=${1:-5000}
seconds=${2:-20}
sip_port=${SIP_PORT:-5060}
scenarios=$(cd "$(dirname "$0")/../../ear/src/test/sipp" && pwd)

server=$(pgrep -f "jboss-modules.*-Djboss.socket.binding.port-offset=$((sip_port - 5060))" | head -1 || true)
[ -n "$server" ] || { echo "no WildFly with port offset $((sip_port - 5060)): start wildfly-config/bin/run.sh first" >&2; exit 1; }
ticks=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$server/stat"; }

start=$(cpu); sleep "$seconds"; idle=$(( $(cpu) - start ))
start=$(cpu)
(cd "$scenarios" && sipp "127.0.0.1:$sip_port" -sf options-flood.xml -i 127.0.0.3 -p 0 -r "$rate" \
    -m "$((rate * seconds))" -nostdin -timeout "$((seconds + 10))s" >/dev/null 2>&1) || true
flood=$(( $(cpu) - start ))
awk -v idle="$idle" -v flood="$flood" -v t="$ticks" -v n="$((rate * seconds))" -v s="$seconds" 'BEGIN {
  printf "idle %d s: %.2f s of CPU; flood of %d OPTIONS in %d s: %.2f s of CPU; %.2f us of CPU per dropped packet\n",
    s, idle / t, n, s, flood / t, (flood - idle) / t / n * 1e6 }'
