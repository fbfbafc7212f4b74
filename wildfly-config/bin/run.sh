#!/usr/bin/env bash
# Runs Switchboard on this machine: builds the EAR, starts Keycloak with the project's realm,
# starts WildFly with the configuration from wildfly-config and deploys the EAR, prints where
# everything is, and stops every process it started on Ctrl-C (or SIGTERM).
#
# Settings (environment variables, all optional):
#   SWITCHBOARD_DB=h2|postgresql       database (default h2, a file under $SWITCHBOARD_VAR/data)
#   SWITCHBOARD_DB_URL/_USER/_PASSWORD  JDBC settings for PostgreSQL
#                                      (default jdbc:postgresql://localhost:5432/switchboard, switchboard/switchboard);
#                                      with h2, SWITCHBOARD_DB_URL replaces the file URL (the tests add ;AUTO_SERVER=TRUE
#                                      to read the database while WildFly holds it)
#   SWITCHBOARD_DEMO=true|false        seed the demo accounts and run a local mail server (default true)
#   SWITCHBOARD_PORT_OFFSET=N          added to every WildFly port (default 0: 8080, 8443, 9990, 5060, 5061)
#   SWITCHBOARD_KEYCLOAK_PORT=N        Keycloak's HTTP port (default 8180; its management port is this + 820)
#   SWITCHBOARD_MAIL_SMTP_PORT=N       demo mail server's SMTP port (default 3025 + the port offset)
#   SWITCHBOARD_MAIL_IMAP_PORT=N       demo mail server's IMAP port (default 3143 + the port offset)
#   SWITCHBOARD_VAR=DIR                where data and logs live (default var/ in the checkout)
#   SWITCHBOARD_SKIP_BUILD=1           use the EAR already built (the end-to-end test does)
#   SWITCHBOARD_PROPERTIES=FILE        your own settings, over wildfly-config/src/main/config/switchboard.properties
#   JBOSS_JAVA_SIZING="..."            WildFly's heap and GC options (default below, at "starting WildFly")
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
version_wildfly=39.0.1.Final
version_keycloak=26.7.3
wildfly_home="$root/wildfly-config/target/wildfly-$version_wildfly"
keycloak_home="$root/wildfly-config/target/keycloak-$version_keycloak"
greenmail_jar="$root/wildfly-config/target/greenmail/greenmail-standalone.jar"
ear="$root/ear/target/switchboard.ear"

var=${SWITCHBOARD_VAR:-$root/var}
db=${SWITCHBOARD_DB:-h2}
demo=${SWITCHBOARD_DEMO:-true}
offset=${SWITCHBOARD_PORT_OFFSET:-0}
kc_port=${SWITCHBOARD_KEYCLOAK_PORT:-8180}
kc_mgmt_port=$((kc_port + 820))
http_port=$((8080 + offset)); https_port=$((8443 + offset)); mgmt_port=$((9990 + offset))
sip_port=$((5060 + offset)); sips_port=$((5061 + offset))
# The demo mail server follows the offset too, so test runs beside a dev server do not collide.
smtp_port=${SWITCHBOARD_MAIL_SMTP_PORT:-$((3025 + offset))}
imap_port=${SWITCHBOARD_MAIL_IMAP_PORT:-$((3143 + offset))}

say() { printf '[switchboard] %s\n' "$*"; }
die() { printf '[switchboard] ERROR: %s\n' "$*" >&2; exit 1; }

# A TCP port is taken when something accepts a connection on it.
port_taken() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# HTTP status of a GET, with bash alone (a fresh machine may have no curl).
http_status() {
  local host=$1 port=$2 path=$3 line
  exec 3<>"/dev/tcp/$host/$port" || return 1
  printf 'GET %s HTTP/1.0\r\nHost: %s:%s\r\nConnection: close\r\n\r\n' "$path" "$host" "$port" >&3
  IFS= read -r line <&3 || true
  exec 3<&-
  line=${line#* }; printf '%s' "${line%% *}"
}

# --- Preconditions: fail before starting anything --------------------------------------------
case "$db" in h2|postgresql) ;; *) die "SWITCHBOARD_DB must be h2 or postgresql, not '$db'";; esac
ports=("$http_port" "$https_port" "$mgmt_port" "$sip_port" "$sips_port" "$kc_port" "$kc_mgmt_port")
[ "$demo" = true ] && ports+=("$smtp_port" "$imap_port")
for p in "${ports[@]}"; do
  if port_taken 127.0.0.1 "$p"; then
    die "port $p is already in use (another Switchboard, WildFly or Keycloak?). Stop it, or set SWITCHBOARD_PORT_OFFSET / SWITCHBOARD_KEYCLOAK_PORT."
  fi
done

if [ "$db" = postgresql ]; then
  db_url=${SWITCHBOARD_DB_URL:-jdbc:postgresql://localhost:5432/switchboard}
  hostport=${db_url#jdbc:postgresql://}; hostport=${hostport%%/*}
  db_host=${hostport%%:*}; db_port=5432
  [ "$hostport" != "$db_host" ] && db_port=${hostport##*:}
  port_taken "$db_host" "$db_port" || die "cannot reach PostgreSQL at $db_host:$db_port ($db_url). Start it or fix SWITCHBOARD_DB_URL."
fi

# --- Build -----------------------------------------------------------------------------------
if [ "${SWITCHBOARD_SKIP_BUILD:-0}" != 1 ]; then
  say "building (first run downloads WildFly, Keycloak and the dependencies from Maven Central)"
  (cd "$root" && mvn -B -q -DskipTests package) || die "the build failed"
fi
[ -f "$ear" ] || die "no EAR at $ear: build with 'mvn -DskipTests package' first"
[ -f "$wildfly_home/standalone/configuration/switchboard.xml" ] || die "WildFly is not configured: run the build"
[ "$demo" != true ] || [ -f "$greenmail_jar" ] || die "no demo mail server at $greenmail_jar: run the build"

mkdir -p "$var/log" "$var/data" "$var/keycloak"

# A self-signed certificate for SIP over TLS (demo only: phones must be told to accept it).
# Path and password are the defaults of switchboard.properties (switchboard.sip.tls.*).
sip_keystore="$var/data/sip-tls.p12"
if [ ! -f "$sip_keystore" ]; then
  keystore_password=$(sed -n 's/^switchboard\.sip\.tls\.keystore-password=//p' "$wildfly_home/standalone/configuration/switchboard.properties")
  if command -v keytool >/dev/null 2>&1; then
    keytool -genkeypair -alias switchboard-sip -keyalg RSA -keysize 2048 -validity 3650 \
      -dname "CN=localhost, O=Switchboard demo" -ext "SAN=dns:localhost,ip:127.0.0.1" \
      -storetype PKCS12 -keystore "$sip_keystore" -storepass "$keystore_password" >/dev/null 2>&1 \
      || say "could not make a TLS keystore for SIP: TLS stays off"
  else
    say "no keytool: SIP over TLS stays off"
  fi
fi

# --- Processes we started, stopped on exit -----------------------------------------------------
pids=()
stopping=0
stop_all() {
  [ "$stopping" = 1 ] && return; stopping=1
  [ ${#pids[@]} -eq 0 ] && return
  say "stopping"
  local pid i
  for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  for i in $(seq 1 60); do
    local alive=0
    for pid in "${pids[@]}"; do kill -0 -- "-$pid" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break
    sleep 0.5
  done
  for pid in "${pids[@]}"; do kill -KILL -- "-$pid" 2>/dev/null || true; done
  say "stopped"
}
trap 'stop_all' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# Each server runs in its own session (setsid), so that stopping it stops its whole process tree.
start() { local log=$1; shift; setsid "$@" >"$log" 2>&1 < /dev/null & pids+=($!); }

# --- Demo mail server ------------------------------------------------------------------------------
# GreenMail (standalone jar from Maven Central): SMTP for the service's mail, IMAP to read it, with a
# mailbox per demo subscriber whose login is the address (alice@localhost / demo-alice-1).
if [ "$demo" = true ]; then
  say "starting the demo mail server: SMTP $smtp_port, IMAP $imap_port (log: $var/log/greenmail.log)"
  start "$var/log/greenmail.log" java -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$smtp_port" \
    -Dgreenmail.imap.hostname=127.0.0.1 -Dgreenmail.imap.port="$imap_port" \
    -Dgreenmail.users=alice:demo-alice-1@localhost,bob:demo-bob-1@localhost -Dgreenmail.users.login=email \
    -jar "$greenmail_jar"
  mail_pid=${pids[-1]}
fi

# --- Keycloak --------------------------------------------------------------------------------------
import_dir="$keycloak_home/data/import"
mkdir -p "$import_dir"
cp "$root/wildfly-config/src/main/keycloak/switchboard-realm.json" "$import_dir/"
if [ "$demo" = true ]; then
  # Demo mode sends no mail: sign-ups are not asked to verify their email (the realm's verifyEmail).
  sed -i 's/"verifyEmail": true/"verifyEmail": false/' "$import_dir/switchboard-realm.json"
  cp "$root/wildfly-config/src/main/keycloak/switchboard-users-0.json" "$import_dir/"
else
  rm -f "$import_dir/switchboard-users-0.json"
fi
say "starting Keycloak on port $kc_port (log: $var/log/keycloak.log)"
KC_BOOTSTRAP_ADMIN_USERNAME=${SWITCHBOARD_KEYCLOAK_ADMIN:-admin} \
KC_BOOTSTRAP_ADMIN_PASSWORD=${SWITCHBOARD_KEYCLOAK_ADMIN_PASSWORD:-admin} \
start "$var/log/keycloak.log" "$keycloak_home/bin/kc.sh" start-dev \
  --http-port="$kc_port" --http-management-port="$kc_mgmt_port" --import-realm \
  "--db-url=jdbc:h2:file:$var/keycloak/keycloakdb;NON_KEYWORDS=VALUE"
kc_pid=${pids[-1]}

# --- WildFly -----------------------------------------------------------------------------------------
base="$var/wildfly"
if [ ! -d "$base/configuration" ]; then
  mkdir -p "$base"
  cp -r "$wildfly_home/standalone/configuration" "$base/"
  mkdir -p "$base/deployments"
fi
# The configuration is the build's, every time: local edits made by WildFly are not kept.
cp "$wildfly_home/standalone/configuration/switchboard.xml" "$base/configuration/switchboard.xml"
props="$base/configuration/switchboard-run.properties"
{
  cat "$wildfly_home/standalone/configuration/switchboard.properties"
  echo
  echo "# Set by bin/run.sh"
  echo "switchboard.demo=$demo"
  echo "switchboard.data.dir=$var/data"
  echo "switchboard.oidc.provider-url=http://localhost:$kc_port/realms/switchboard"
  echo "switchboard.keycloak.url=http://localhost:$kc_port"
  if [ "$demo" = true ]; then
    echo "switchboard.smtp.host=127.0.0.1"
    echo "switchboard.smtp.port=$smtp_port"
  fi
  if [ "$db" = h2 ] && [ -n "${SWITCHBOARD_DB_URL:-}" ]; then
    echo "switchboard.db.url=$SWITCHBOARD_DB_URL"
  fi
  if [ "$db" = postgresql ]; then
    echo "switchboard.db.module=org.postgresql"
    echo "switchboard.db.driver-class=org.postgresql.Driver"
    # Trace and CDR batches go as multi-row INSERTs: a third of PostgreSQL's CPU under call load.
    case "$db_url" in
      *reWriteBatchedInserts*) echo "switchboard.db.url=$db_url" ;;
      *\?*) echo "switchboard.db.url=$db_url&reWriteBatchedInserts=true" ;;
      *) echo "switchboard.db.url=$db_url?reWriteBatchedInserts=true" ;;
    esac
    echo "switchboard.db.user=${SWITCHBOARD_DB_USER:-switchboard}"
    echo "switchboard.db.password=${SWITCHBOARD_DB_PASSWORD:-switchboard}"
  fi
  # An operator's own settings, over the defaults (a later key wins).
  if [ -n "${SWITCHBOARD_PROPERTIES:-}" ]; then
    echo "# From $SWITCHBOARD_PROPERTIES"
    cat "$SWITCHBOARD_PROPERTIES"
  fi
} > "$props"
chmod 600 "$props"
rm -f "$base/deployments"/switchboard.ear*
cp "$ear" "$base/deployments/switchboard.ear"

# Keycloak must answer before the portal can log anyone in.
say "waiting for Keycloak"
# The first start also builds Keycloak's optimized server (about a minute on 2 cores).
for i in $(seq 1 600); do
  kill -0 "$kc_pid" 2>/dev/null || { tail -n 30 "$var/log/keycloak.log" >&2; die "Keycloak exited (log above)"; }
  [ "$(http_status 127.0.0.1 "$kc_port" /realms/switchboard/.well-known/openid-configuration 2>/dev/null)" = 200 ] && break
  [ "$i" = 600 ] && die "Keycloak did not start in 300 s (see $var/log/keycloak.log)"
  sleep 0.5
done

if [ "$demo" = true ]; then
  for i in $(seq 1 120); do
    kill -0 "$mail_pid" 2>/dev/null || { tail -n 20 "$var/log/greenmail.log" >&2; die "the demo mail server exited (log above)"; }
    port_taken 127.0.0.1 "$smtp_port" && port_taken 127.0.0.1 "$imap_port" && break
    [ "$i" = 120 ] && die "the demo mail server did not start in 60 s (see $var/log/greenmail.log)"
    sleep 0.5
  done
fi

say "starting WildFly with port offset $offset (log: $base/log/server.log)"
# MALLOC_ARENA_MAX=2: glibc gives each thread that mallocs an arena of its own (up to 8 per core),
# which grows the JVM's resident memory by tens of MB for nothing a JVM needs (not yet measured here).
# The heap: WildFly's 512 MB, taken whole at start (no resizing under load), and G1 asked for
# pauses of 20 ms instead of its 200. Its default let eden grow to 200 MB, each young pause took
# 25-60 ms and held every SIP message in flight: p99 INVITE-to-180 at 400 calls/s was 32-60 ms,
# with this 16-28 ms (bench/README.md).
sizing=${JBOSS_JAVA_SIZING:--Xms512m -Xmx512m -XX:MaxGCPauseMillis=20}
start "$var/log/wildfly-console.log" env LAUNCH_JBOSS_IN_BACKGROUND=1 MALLOC_ARENA_MAX=2 JBOSS_JAVA_SIZING="$sizing" \
  "$wildfly_home/bin/standalone.sh" -c switchboard.xml \
  -Djboss.server.base.dir="$base" -Djboss.socket.binding.port-offset="$offset" -P "$props"
wf_pid=${pids[-1]}

for i in $(seq 1 600); do
  kill -0 "$wf_pid" 2>/dev/null || { tail -n 40 "$var/log/wildfly-console.log" >&2; die "WildFly exited (log above)"; }
  if [ -f "$base/deployments/switchboard.ear.failed" ]; then
    cat "$base/deployments/switchboard.ear.failed" >&2; echo >&2
    grep -E 'ERROR' "$base/log/server.log" | tail -n 15 >&2 || true
    die "the deployment failed (see $base/log/server.log)"
  fi
  [ -f "$base/deployments/switchboard.ear.deployed" ] && break
  [ "$i" = 600 ] && die "WildFly did not deploy Switchboard in 300 s (see $base/log/server.log)"
  sleep 0.5
done

cat <<EOF

  Switchboard is running$( [ "$demo" = true ] && echo " in demo mode" ) on $db
    Portal:       http://localhost:$http_port/   (sign up: http://localhost:$http_port/signup.xhtml)
    Admin:        http://localhost:$http_port/admin/   (role support)
    Keycloak:     http://localhost:$kc_port/   (admin console: admin / ${SWITCHBOARD_KEYCLOAK_ADMIN_PASSWORD:-admin})
    SIP domain:   localhost   UDP and TCP $sip_port, TLS $sips_port   (registrar: sip:alice@localhost)
    Management:   http://localhost:$mgmt_port/
EOF
if [ "$demo" = true ]; then
cat <<EOF
    Demo users:   alice / demo-alice-1  and  bob / demo-bob-1   (subscribers; the same for web and SIP)
                  carol / demo-carol-1  (support staff)
    Demo mail:    SMTP 127.0.0.1:$smtp_port, IMAP 127.0.0.1:$imap_port   (alice@localhost / demo-alice-1, bob@localhost / demo-bob-1)
EOF
fi
cat <<EOF
    Data and logs: $var
  Press Ctrl-C to stop.

EOF
say "ready"

# Stay in the foreground until a server exits or we are told to stop.
while kill -0 "$wf_pid" 2>/dev/null && kill -0 "$kc_pid" 2>/dev/null \
  && { [ "$demo" != true ] || kill -0 "$mail_pid" 2>/dev/null; }; do sleep 1; done
die "a server exited unexpectedly (logs in $var/log and $base/log)"
