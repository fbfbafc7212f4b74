#!/usr/bin/env bash
# CPU per dropped datagram in the stack's gated UDP socket (bench/README.md). Needs sip-app built
# (mvn -B -q package -DskipTests). Usage: bench/sip/drop-cost.sh [DATAGRAMS]   (default 200000)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cp="$root/sip-app/target/classes:$HOME/.m2/repository/javax/sip/jain-sip-ri/1.3.0-91/jain-sip-ri-1.3.0-91.jar"
out=$(mktemp -d /tmp/switchboard-drop.XXXXXX)
javac -cp "$cp" -d "$out" "$root/bench/sip/drop/org/switchboard/sip/stack/DropBench.java"
java -cp "$out:$cp" org.switchboard.sip.stack.DropBench "${1:-200000}"
