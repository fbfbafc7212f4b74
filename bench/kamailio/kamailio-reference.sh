#!/usr/bin/env bash
# Runs Kamailio (Debian: apt-get install kamailio kamailio-sqlite-modules sqlite3) in the foreground
# as the reference service that bench/sip/compare.sh measures Switchboard against: domain localhost,
# alice / demo-alice-1 and bob / demo-bob-1, digest auth on REGISTER, INVITE and MESSAGE,
# record-routing proxy, msilo for MESSAGEs to offline users (202, delivered on REGISTER). Loopback only.
# A copy of the reference given with the project, plus the optional users file: the bench accounts
# (bench/sip/seed-accounts.py's SIPp file, "user;[authentication username=u password=p]") as
# subscribers too, so that the REGISTER benchmark runs against both with the same accounts.
#   kamailio-reference.sh [PORT] [WORKERS] [USERS_CSV]     (defaults 5060 and 2; SIGTERM stops it)
# KAMAILIO_SHM_MB: its shared memory (default 512, as much as Switchboard's heap). With Kamailio's
# own 64 MB, 400 calls/s ran it out of transactions' memory on 2 Dec 2026 ("500 ... (1/SL)",
# sip_msg_shm_clone: could not allocate shared memory): a limit of the setting, not of Kamailio.
set -eu
port=${1:-5060}; children=${2:-2}; users=${3:-}
dir=$(mktemp -d /tmp/kamailio-reference.XXXX)
S=/usr/share/kamailio/db_sqlite
subscriber() { # user password
  ha1=$(printf '%s:localhost:%s' "$1" "$2" | md5sum | cut -d' ' -f1)
  echo "INSERT INTO subscriber(username,domain,password,ha1,ha1b) VALUES('$1','localhost','','$ha1','');"
}
{ cat $S/standard-create.sql $S/auth_db-create.sql $S/msilo-create.sql
  echo "BEGIN;"
  for up in alice:demo-alice-1 bob:demo-bob-1; do subscriber "${up%%:*}" "${up#*:}"; done
  if [ -n "$users" ]; then
    sed -n 's/^\([^;]*\);\[authentication username=[^ ]* password=\([^]]*\)\]$/\1 \2/p' "$users" |
      while read -r u p; do subscriber "$u" "$p"; done
  fi
  echo "COMMIT;"; } | sqlite3 "$dir/db.sqlite"
sed -e "s#__DB__#$dir/db.sqlite#g" -e "s#__PORT__#$port#g" -e "s#__CHILDREN__#$children#" \
  "$(dirname "$0")/kamailio-reference.cfg" > "$dir/kamailio.cfg"
exec kamailio -f "$dir/kamailio.cfg" -P "$dir/kamailio.pid" -m "${KAMAILIO_SHM_MB:-512}" -E -DD
