#!/usr/bin/env bash
# A long fuzz run of the running service's SIP parsing and routing: ear's FuzzIT with INPUTS mutated
# RFC 4475 messages (default 200,000; the test command runs 2,000) from SEED (default: random,
# printed, so a failure can be replayed). Extra arguments go to Maven, e.g. the port set:
#   bench/fuzz/run.sh 200000 42 -Dswitchboard.test.port-offset=500 -Dswitchboard.test.management-port=10490 -Dswitchboard.test.keycloak-port=8780
set -euo pipefail
cd "$(dirname "$0")/../.."
inputs=${1:-200000}
seed=${2:-$RANDOM$RANDOM}
shift $(( $# > 2 ? 2 : $# ))
echo "[fuzz] $inputs inputs, seed $seed"
exec mvn -B verify -pl ear -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=FuzzIT -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dswitchboard.fuzz.inputs="$inputs" -Dswitchboard.fuzz.seed="$seed" "$@"
