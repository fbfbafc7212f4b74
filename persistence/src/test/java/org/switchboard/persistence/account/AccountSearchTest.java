package org.switchboard.persistence.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.switchboard.persistence.audit.AuditEntry;
import org.switchboard.persistence.audit.AuditFilter;
import org.switchboard.persistence.audit.AuditRepository;
import org.switchboard.persistence.cdr.CallDetailRecord;
import org.switchboard.persistence.cdr.CdrRepository;
import org.switchboard.persistence.cdr.Disposition;
import org.switchboard.persistence.testsupport.MigratedDatabase;
import org.switchboard.persistence.testsupport.TestDatabase;

/** The admin console's queries on H2 and PostgreSQL: account search (text and CDR addresses) and the audit log filter. */
class AccountSearchTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void findsAccountsByTextAndByAnAddressTheirCallsCameFromOrWentTo(TestDatabase kind) {
        MigratedDatabase db = kind.open();
        Account caller = db.newAccount("search-caller");
        Account callee = db.newAccount("search-callee");
        Account other = db.newAccount("search-other");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String ip = "10." + random.nextInt(1, 255) + "." + random.nextInt(1, 255) + "." + random.nextInt(1, 255);
        db.run(em -> {
            CallDetailRecord cdr = new CallDetailRecord("search-" + ip, caller, caller.sipUri(), callee, callee.sipUri(), Instant.now());
            cdr.end(Disposition.ANSWERED, Instant.now(), Instant.now(), null);
            cdr.setCallerEndpoint(ip + ":5060", ip + ":40000", "UA");
            cdr.setCalleeEndpoint("192.0.2.99:5062", "192.0.2.99:30000", "UA");
            new CdrRepository(em).save(cdr);
        });

        assertEquals(List.of(caller.getId()), ids(db, ip), "the caller's signalling address");
        assertEquals(1L, (long) db.tx(em -> new AccountRepository(em).countSearch(ip)));
        assertTrue(ids(db, "192.0.2.99").contains(callee.getId()), "the callee's");
        assertTrue(!ids(db, "192.0.2.99").contains(other.getId()));
        // A prefix of an address is not that address: 10.1.2.3 must not find 10.1.2.30.
        assertTrue(!ids(db, ip.substring(0, ip.length() - 1)).contains(caller.getId()));

        assertEquals(List.of(other.getId()), ids(db, other.getSipUser().toUpperCase()), "SIP user, case-insensitive");
        assertEquals(List.of(other.getId()), ids(db, other.getEmail()), "email");
        assertTrue(ids(db, "search-oth").contains(other.getId()), "display name or part of the user");
        assertEquals(List.of(), ids(db, "no-such-" + ip + "%_"), "LIKE wildcards are literal");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void auditLogFiltersByActorActionTargetAndTime(TestDatabase kind) {
        MigratedDatabase db = kind.open();
        String actor = "staff-" + ThreadLocalRandom.current().nextInt(1_000_000);
        Instant before = Instant.now().minusSeconds(1);
        db.run(em -> new AuditRepository(em).record(actor, "ACCOUNT_VIEWED", "account #1", "first"));
        db.run(em -> new AuditRepository(em).record(actor, "TRACE_VIEWED", "account #2", "second"));
        db.run(em -> new AuditRepository(em).record(actor, "TRACE_VIEWED", "account #1", "third"));

        List<String> mine = details(db, new AuditFilter(actor.toUpperCase(), null, null, null, null));
        assertEquals(List.of("third", "second", "first"), mine, "newest first, actor case-insensitive");
        assertEquals(List.of("third", "second"), details(db, new AuditFilter(actor, "trace_viewed", null, null, null)));
        assertEquals(List.of("third"), details(db, new AuditFilter(actor, "TRACE_VIEWED", "account #1", null, null)));
        assertEquals(List.of(), details(db, new AuditFilter(actor, null, null, null, before)), "to is excluded");
        assertEquals(3L, (long) db.tx(em -> new AuditRepository(em).count(new AuditFilter(actor, null, null, before, null))));
        assertEquals("second", db.tx(em -> new AuditRepository(em).search(new AuditFilter(actor, null, null, null, null), 1, 1))
                .get(0).getDetail(), "paged");
    }

    private static List<Long> ids(MigratedDatabase db, String q) {
        return db.tx(em -> new AccountRepository(em).search(q, 0, 50)).stream().map(Account::getId).toList();
    }

    private static List<String> details(MigratedDatabase db, AuditFilter filter) {
        return db.tx(em -> new AuditRepository(em).search(filter, 0, 50)).stream().map(AuditEntry::getDetail).toList();
    }
}
