#!/usr/bin/env bash
# Benchmark (not a test): concurrent voicemail recordings on this machine.
# Starts the service with the run command (H2, demo mode: alice, bob and the demo mail server; its
# own ports and data folder; bench/sip/bench.properties lifts the abuse limits for SIPp), turns on
# storage for alice's voicemail, then SIPp, as bob, calls unregistered alice BENCH_CALLS times at once
# (ear/src/test/sipp/uac-voicemail.xml: greeting and tone, then sip-tester's g711a.pcap, 7.05 s of
# A-law speech, then BYE). Reports the server's CPU per recording (over the calls and until every
# WAV is stored, minus what the idle server burns in the same time) and whether every WAV is
# complete: its length against what was sent, and 20 ms runs of digital zero inside it (a packet
# lost between SIPp and the recorder leaves exactly that).
#
#   BENCH_CALLS=50 bench/voicemail/run.sh
#   BENCH_SKIP_BUILD=1 to use the EAR already built; BENCH_PORT_OFFSET / BENCH_KEYCLOAK_PORT to move it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
offset=${BENCH_PORT_OFFSET:-700}
kc_port=${BENCH_KEYCLOAK_PORT:-8980}
calls=${BENCH_CALLS:-50}
var=${BENCH_VAR:-$root/bench/var-voicemail}
capture=/usr/share/sip-tester/g711a.pcap
scenarios="$root/ear/src/test/sipp"
sip_port=$((5060 + offset))
db_url="jdbc:h2:file:$var/data/db/switchboard;AUTO_SERVER=TRUE"
. "$root/bench/tools/service.sh"

say() { printf '[bench] %s\n' "$*"; }
for tool in sipp python3 java; do command -v "$tool" >/dev/null || { say "needs $tool"; exit 1; }; done
[ -f "$capture" ] || { say "needs $capture: apt-get install sip-tester"; exit 1; }
h2_jar=$(bench_h2_jar)
sql() { java -cp "$h2_jar" org.h2.tools.Shell -url "$db_url" -user sa -password sa -sql "$1"; }

rm -rf "$var"; mkdir -p "$var/sipp"
say "starting the service (log: $var/run.log)"
bench_start_service "$var" "$offset" "$kc_port" true "$db_url" "${SWITCHBOARD_PROPERTIES:-$root/bench/sip/bench.properties}"

# Alice (no phone registered) keeps her voicemails on the server, so the WAVs can be measured.
sql "UPDATE voicemail_settings SET enabled = TRUE, send_by_email = TRUE, store_on_server = TRUE
     WHERE account_id = (SELECT id FROM account WHERE sip_user = 'alice')" >/dev/null

hz=$(getconf CLK_TCK)
say "idle for 10 s (the baseline)"
i0=$(bench_cpu_ticks); sleep 10; i1=$(bench_cpu_ticks)

say "measuring: $calls voicemail calls at once"
t0=$(date +%s.%N); c0=$(bench_cpu_ticks)
(cd "$var/sipp" && sipp "127.0.0.1:$sip_port" -sf "$scenarios/uac-voicemail.xml" -s alice -key caller bob \
   -au bob -ap demo-bob-1 -i 127.0.0.1 -p "$((sip_port + 10020))" -mi 127.0.0.1 -mp "$((sip_port + 10030))" \
   -r "$calls" -l "$calls" -m "$calls" -nostdin -trace_err -trace_screen -timeout 120s > sipp.out 2>&1) || true
wavs() { find "$var/data/voicemail" -name '*.wav' 2>/dev/null | wc -l; }
deadline=$((SECONDS + 60))
while [ "$(wavs)" -lt "$calls" ] && [ $SECONDS -lt $deadline ]; do sleep 0.5; done
t1=$(date +%s.%N); c1=$(bench_cpu_ticks)

python3 - "$var" "$capture" "$calls" "$t0" "$t1" "$c0" "$c1" "$i0" "$i1" "$hz" <<'PY'
import glob, os, re, struct, sys
var, capture, calls = sys.argv[1], sys.argv[2], int(sys.argv[3])
t0, t1, c0, c1, i0, i1, hz = map(float, sys.argv[4:])

def sent_seconds(path):
    """The A-law speech in the capture: its RTP timestamps, first to last packet plus one (20 ms)."""
    data = open(path, "rb").read()
    first = last = None
    offset = 24
    while offset + 16 <= len(data):
        length = struct.unpack_from("<I", data, offset + 8)[0]
        frame = data[offset + 16:offset + 16 + length]
        offset += 16 + length
        if frame[12:14] != b"\x08\x00" or frame[23] != 17:
            continue
        rtp = 14 + 4 * (frame[14] & 0x0F) + 8
        if frame[rtp + 1] & 0x7F != 8:
            continue
        last = struct.unpack_from(">I", frame, rtp + 4)[0]
        first = last if first is None else first
    return (last - first + 160) / 8000.0

sent = sent_seconds(capture)
screen = "".join(open(f).read() for f in glob.glob(var + "/sipp/*screen.log"))
def cumulative(label):
    m = re.findall(label + r"\s*\|\s*\d+\s*\|\s*(\d+)", screen)
    return int(m[-1]) if m else 0
ok, failed = cumulative("Successful call"), cumulative("Failed call")

lengths, gaps = [], []
for wav in sorted(glob.glob(var + "/data/voicemail/*/*.wav")):
    pcm = open(wav, "rb").read()[44:]
    samples = struct.unpack("<%dh" % (len(pcm) // 2), pcm[:len(pcm) // 2 * 2])
    lengths.append(len(samples) / 8000.0)
    voiced = [i for i, s in enumerate(samples) if s != 0]
    zero_runs = 0
    if voiced:
        run = 0
        for s in samples[voiced[0]:voiced[-1] + 1]:
            run = run + 1 if s == 0 else 0
            if run == 160:
                zero_runs += 1
                run = 0
    gaps.append(zero_runs)

elapsed = t1 - t0
busy = (c1 - c0) / hz
idle_rate = (i1 - i0) / hz / 10.0
complete = sum(1 for l in lengths if abs(l - sent) <= 0.5)
print("calls                 %d at once: %d succeeded, %d failed (SIPp)" % (calls, ok, failed))
print("recordings stored     %d WAV files" % len(lengths))
if lengths:
    print("WAV length            min %.2f s, max %.2f s, sent %.2f s; %d of %d within 0.5 s of it"
          % (min(lengths), max(lengths), sent, complete, calls))
    print("lost 20 ms packets    %d in all (runs of 160 zero samples inside the speech), worst WAV %d"
          % (sum(gaps), max(gaps)))
print("elapsed               %.1f s (calls, then until every WAV was stored)" % elapsed)
print("server CPU            %.1f s in all = %.0f%% of one core (%d cores); idle server %.0f%%"
      % (busy, 100.0 * busy / elapsed, os.cpu_count(), 100.0 * idle_rate))
print("CPU per recording     %.3f s (%.3f s above idle), for %.2f s of speech plus the %.1f s greeting"
      % (busy / calls, (busy - idle_rate * elapsed) / calls, sent, 5.74))
sys.exit(0 if complete == calls and len(lengths) == calls else 1)
PY
