#!/usr/bin/env bash
# MESSAGE throughput against a running Switchboard started with
#   SWITCHBOARD_PROPERTIES=bench/messaging/bench.properties wildfly-config/bin/run.sh
# (demo mode: bob and alice). Three phases, SIPp over UDP on loopback:
#   1. proxied: bob's SIPp phone registered and answering 200; MESSAGEs from another domain to bob
#      at RATE/s for SECONDS: every one must come back 200 (never stored);
#   2. accepted: the same to alice, who is not registered: every one must get 202 (stored, committed);
#   3. delivered: alice's SIPp phone registers; the time until it has received every stored message
#      (one at a time, in order), and the count it received.
# usage: bench/messaging/run.sh [rate] [seconds]
# env:   SIP_PORT (5060 + the run command's port offset), PHONE_PORT (16070, +2 to register)
#        OFFLINE="alice bob" stores for both demo users (the rate split between them, two SIPp
#        senders at once) and measures delivery to both phones at once: one recipient's messages go
#        one at a time, in order, so one queue is bounded by its round trips; several drain in
#        parallel. Default: alice alone.
set -euo pipefail
rate=${1:-200}
seconds=${2:-20}
sip_port=${SIP_PORT:-5060}
phone_port=${PHONE_PORT:-16070}
here=$(cd "$(dirname "$0")" && pwd)
scenarios=$(cd "$here/../../ear/src/test/sipp" && pwd)
out=$(mktemp -d /tmp/switchboard-msg-bench.XXXXXX)
count=$((rate * seconds))

offline=${OFFLINE:-alice}
password() { case $1 in alice) echo "${ALICE_PASSWORD:-demo-alice-1}" ;; bob) echo "${BOB_PASSWORD:-demo-bob-1}" ;; esac; }

register() { # user password
  (cd "$out" && sipp "127.0.0.1:$sip_port" -sf "$scenarios/register.xml" -i 127.0.0.1 -p "$((phone_port + 2))" -m 1 \
      -au "$1" -ap "$2" -key user "$1" -key contact_port "$phone_port" -nostdin -timeout 20s -timeout_error \
      >/dev/null 2>&1) || { echo "$1 could not register" >&2; exit 1; }
}
unregister() { # user password: no binding left, so the user is offline (a run before may have registered)
  (cd "$out" && sipp "127.0.0.1:$sip_port" -sf "$scenarios/unregister.xml" -i 127.0.0.1 -p "$((phone_port + 2))" -m 1 \
      -au "$1" -ap "$2" -key user "$1" -nostdin -timeout 20s -timeout_error >/dev/null 2>&1) \
      || { echo "$1 could not unregister" >&2; exit 1; }
}
# send user status [rate] [port]: RATE*SECONDS MESSAGEs at RATE/s to user, expecting status; prints "ok failed seconds"
send() {
  local dir="$out/$1-$2"; mkdir -p "$dir"
  local r=${3:-$rate} p=${4:-$((phone_port + 1))}
  local start end
  start=$(date +%s.%N)
  # SIPp takes no -key value in a <recv response=...>: the expected status is written into a copy.
  sed "s/\[status\]/$2/" "$here/uac-message.xml" > "$dir/uac-message.xml"
  (cd "$dir" && sipp "127.0.0.1:$sip_port" -sf "$dir/uac-message.xml" -s "$1" -i 127.0.0.1 \
      -p "$p" -r "$r" -m "$((r * seconds))" -l $((r * 4)) -nostdin -trace_err -trace_screen \
      -timeout $((seconds + 120))s >/dev/null 2>&1) || true
  end=$(date +%s.%N)
  local screen; screen=$(ls "$dir"/*screen.log | head -1)
  local ok failed
  ok=$(awk -F'|' '/Successful call/ {gsub(/ /, "", $3); print $3}' "$screen" | tail -1)
  failed=$(awk -F'|' '/Failed call/ {gsub(/ /, "", $3); print $3}' "$screen" | tail -1)
  echo "${ok:-0} ${failed:-0} $(echo "$end - $start" | bc)"
}
report() { # label ok failed seconds
  printf '%-10s %6d ok, %d failed (%.3f %%), %.0f/s\n' "$1" "$2" "$3" "$(echo "100 * $3 / $count" | bc -l)" \
      "$(echo "$2 / $4" | bc -l)"
}

# 1. proxied to bob's phone
register bob "${BOB_PASSWORD:-demo-bob-1}"
(cd "$out" && exec sipp -sf "$here/uas-message.xml" -i 127.0.0.1 -p "$phone_port" -nostdin >/dev/null 2>&1) &
uas=$!
trap 'kill "$uas" 2>/dev/null || true' EXIT
sleep 1
read -r ok failed took < <(send bob 200)
report proxied "$ok" "$failed" "$took"
kill "$uas" 2>/dev/null || true
wait "$uas" 2>/dev/null || true

# 2. stored for the offline users (their phones of an earlier run are unregistered first)
n=$(wc -w <<<"$offline")
for user in $offline; do unregister "$user" "$(password "$user")"; done
stored=0 failed=0 took=0 i=0
for user in $offline; do
  send "$user" 202 $((rate / n)) $((phone_port + 10 + i)) > "$out/send-$user" &
  i=$((i + 1))
done
wait
for user in $offline; do
  read -r o f t < "$out/send-$user"
  stored=$((stored + o)); failed=$((failed + f)); took=$(echo "if ($t > $took) $t else $took" | bc)
done
report accepted "$stored" "$failed" "$took"

# 3. delivered when alice's phone registers: SIPp ends after receiving every stored message
mkdir -p "$out/deliver"
start=$(date +%s.%N)
(cd "$out/deliver" && exec sipp -sf "$here/uas-message.xml" -i 127.0.0.1 -p "$phone_port" -m "$stored" -nostdin \
    -trace_screen -timeout $((stored / 10 + 300))s >/dev/null 2>&1) &
uas=$!
for user in $offline; do register "$user" "$(password "$user")"; done
wait "$uas" || true
end=$(date +%s.%N)
screen=$(ls "$out"/deliver/*screen.log | head -1)
received=$(awk -F'|' '/Successful call/ {gsub(/ /, "", $3); print $3}' "$screen" | tail -1)
printf '%-10s %6d of %d stored (for %s) received in %.1f s, %.0f/s\n' delivered "${received:-0}" "$stored" "$offline" \
    "$(echo "$end - $start" | bc)" "$(echo "${received:-0} / ($end - $start)" | bc -l)"
echo "SIPp files: $out"
