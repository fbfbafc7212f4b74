#!/usr/bin/env bash
# Retention benchmark (not part of mvn verify): fills PostgreSQL with one million trace rows past the
# retention window (plus 100,000 inside it) in a private schema "retention_bench", purges them the way
# the nightly run does, and prints the time and the purging JVM's peak memory. Drops the schema after.
#
#   bench/retention/run.sh [OLD_ROWS] [YOUNG_ROWS] [BATCH_SIZE]      (defaults 1000000 100000 10000)
#
# Database: SWITCHBOARD_BENCH_PG_URL, else SWITCHBOARD_TEST_PG_URL, else
# jdbc:postgresql://127.0.0.1:5432/switchboard_test (user/password switchboard, or -Dpg.user/-Dpg.password
# in BENCH_JAVA_OPTS). Heap: BENCH_JAVA_OPTS (default -Xmx256m, to show the purge needs little).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
url=${SWITCHBOARD_BENCH_PG_URL:-${SWITCHBOARD_TEST_PG_URL:-jdbc:postgresql://127.0.0.1:5432/switchboard_test}}
old=${1:-1000000}; young=${2:-100000}; batch=${3:-10000}

# The persistence module's classes, its test support (Hibernate bootstrapped outside WildFly) and libraries.
(cd "$root" && mvn -B -q -o -pl persistence test-compile 2>/dev/null || mvn -B -q -pl persistence test-compile)
cpfile=$(mktemp)
trap 'rm -f "$cpfile"' EXIT
(cd "$root/persistence" && mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cpfile" >/dev/null)
cp="$root/persistence/target/classes:$root/persistence/target/test-classes:$(cat "$cpfile")"

echo "PostgreSQL: $url; machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB"
# shellcheck disable=SC2086
java ${BENCH_JAVA_OPTS:--Xmx256m} -Djava.util.logging.config.file="$root/persistence/src/test/resources/logging.properties" \
  -cp "$cp" "$root/bench/retention/TracePurgeBench.java" "$url" "$old" "$young" "$batch"
