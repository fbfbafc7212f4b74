#!/usr/bin/env python3
"""Bench only: writes SQL that opens N subscriber accounts bench00001..benchNNNNN in a domain,
each with password "bench-<user>" stored as digest HA1 (MD5 and SHA-256), like AccountService
does; and the SIPp injection file for them. Usage: seed-accounts.py N DOMAIN SQL_OUT CSV_OUT"""
import hashlib
import sys

count, domain, sql_out, csv_out = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
with open(sql_out, "w") as sql, open(csv_out, "w") as csv:
    csv.write("SEQUENTIAL\n")
    sql.write("DELETE FROM sip_credential WHERE account_id IN (SELECT id FROM account WHERE sip_user LIKE 'bench%');\n")
    sql.write("DELETE FROM account WHERE sip_user LIKE 'bench%';\n")
    for i in range(1, count + 1):
        user = "bench%05d" % i
        password = "bench-" + user
        a1 = ("%s:%s:%s" % (user, domain, password)).encode()
        md5, sha = hashlib.md5(a1).hexdigest(), hashlib.sha256(a1).hexdigest()
        sql.write("INSERT INTO account (sip_user, sip_domain, display_name, status, created_at) "
                  "VALUES ('%s', '%s', 'Bench %d', 'ACTIVE', CURRENT_TIMESTAMP);\n" % (user, domain, i))
        sql.write("INSERT INTO sip_credential (account_id, ha1_md5, ha1_sha256, updated_at) "
                  "SELECT id, '%s', '%s', CURRENT_TIMESTAMP FROM account WHERE sip_user = '%s' AND sip_domain = '%s';\n"
                  % (md5, sha, user, domain))
        csv.write("%s;[authentication username=%s password=%s]\n" % (user, user, password))
