package org.switchboard.persistence.cdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.switchboard.persistence.account.Account;
import org.switchboard.persistence.testsupport.MigratedDatabase;
import org.switchboard.persistence.testsupport.TestDatabase;

/** The CDR recorder's plain-JDBC batch: every column lands, and the account's own query finds it. */
class CdrRowInserterTest {

    private static final Instant START = Instant.parse("2025-08-01T12:00:00.250Z");

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anAnsweredAndAFailedCallAreStored(TestDatabase kind) throws Exception {
        MigratedDatabase db = kind.open();
        Account alice = db.newAccount("cdr-rows-alice");
        String answered = UUID.randomUUID() + "@192.0.2.8";
        String failed = UUID.randomUUID() + "@192.0.2.8";
        try (Connection connection = db.dataSource().getConnection()) {
            CdrRowInserter.insert(connection, List.of(
                    new CdrRow(answered, alice.getId(), null, "sip:alice@example.org", "sip:carol@example.net", START,
                            START.plusSeconds(3), START.plusSeconds(63), 60, Disposition.ANSWERED, null,
                            "192.0.2.8:5060", "203.0.113.5:5060", "192.0.2.8:6000", "203.0.113.5:7000", "Phone A", "Phone C"),
                    new CdrRow(failed, null, alice.getId(), "sip:dave@example.net", "sip:alice@example.org",
                            START.plusSeconds(100), null, START.plusSeconds(101), 0, Disposition.BUSY, 486,
                            "203.0.113.6:5060", null, null, null, null, null)));
        }

        List<CallDetailRecord> cdrs = db.tx(em -> new CdrRepository(em)
                .findForAccount(alice.getId(), START.minusSeconds(1), START.plusSeconds(3600), 0, 10));
        assertEquals(2, cdrs.size());
        CallDetailRecord a = cdrs.stream().filter(c -> c.getCallId().equals(answered)).findFirst().orElseThrow();
        assertEquals(alice.getId(), a.getCallerAccount().getId());
        assertNull(a.getCalleeAccount());
        assertEquals("sip:carol@example.net", a.getCalleeUri());
        assertEquals(START, a.getStartTime());
        assertEquals(START.plusSeconds(3), a.getAnswerTime());
        assertEquals(START.plusSeconds(63), a.getEndTime());
        assertEquals(60, a.getDurationSeconds());
        assertEquals(Disposition.ANSWERED, a.getDisposition());
        assertNull(a.getFailureCode());
        assertEquals("203.0.113.5:5060", a.getCalleeSignalingAddress());
        assertEquals("192.0.2.8:6000", a.getCallerMediaAddress());
        assertEquals("Phone C", a.getCalleeUserAgent());
        CallDetailRecord b = cdrs.stream().filter(c -> c.getCallId().equals(failed)).findFirst().orElseThrow();
        assertEquals(Disposition.BUSY, b.getDisposition());
        assertEquals(486, b.getFailureCode());
        assertNull(b.getAnswerTime());
        assertNull(b.getCalleeMediaAddress());
        assertEquals(alice.getId(), b.getCalleeAccount().getId());
    }

    /** A call voicemail answered (migration V8's disposition): stored with the recording's length. */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCallVoicemailAnsweredIsStored(TestDatabase kind) throws Exception {
        MigratedDatabase db = kind.open();
        Account alice = db.newAccount("cdr-rows-voicemail");
        String callId = UUID.randomUUID() + "@192.0.2.8";
        try (Connection connection = db.dataSource().getConnection()) {
            CdrRowInserter.insert(connection, List.of(new CdrRow(callId, null, alice.getId(), "sip:dave@example.net",
                    "sip:alice@example.org", START, START.plusSeconds(1), START.plusSeconds(20), 12, Disposition.VOICEMAIL,
                    null, "203.0.113.6:5060", "127.0.0.1:5060", "203.0.113.6:7000", "127.0.0.1:40000", "Phone D", null)));
        }
        CallDetailRecord cdr = db.tx(em -> new CdrRepository(em)
                .findForAccount(alice.getId(), START.minusSeconds(1), START.plusSeconds(3600), 0, 10)).get(0);
        assertEquals(Disposition.VOICEMAIL, cdr.getDisposition());
        assertEquals(12, cdr.getDurationSeconds());
    }
}
