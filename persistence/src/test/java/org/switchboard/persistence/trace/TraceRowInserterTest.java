package org.switchboard.persistence.trace;

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

/** The trace recorder's plain-JDBC batch: every column lands, nulls stay null, oversize text is cut. */
class TraceRowInserterTest {

    private static final Instant T0 = Instant.parse("2025-07-01T10:00:00.123Z");

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aBatchIsReadBackAsTheRepositoryShowsIt(TestDatabase kind) throws Exception {
        MigratedDatabase db = kind.open();
        Account alice = db.newAccount("rows-alice");
        String callId = UUID.randomUUID() + "@192.0.2.7";
        String huge = "INVITE sip:x@example.org SIP/2.0\r\n" + "X".repeat(TraceMessage.MAX_RAW_TEXT + 100);
        try (Connection connection = db.dataSource().getConnection()) {
            TraceRowInserter.insert(connection, List.of(
                    new TraceRow(callId, T0, TraceDirection.IN, "TCP", "192.0.2.7", 5070, "198.51.100.1", 5060,
                            "INVITE", null, "INVITE", huge, alice.getId(), null),
                    new TraceRow(callId, T0.plusMillis(40), TraceDirection.OUT, "TCP", "198.51.100.1", 5060, "192.0.2.7",
                            5070, null, 180, "INVITE", "SIP/2.0 180 Ringing\r\n\r\n", null, alice.getId()),
                    // Fuzzing found it: PostgreSQL refuses NUL in text and failed the whole batch, for ever.
                    new TraceRow(callId, T0.plusMillis(80), TraceDirection.IN, "TCP", "192.0.2.7", 5070, "198.51.100.1",
                            5060, "INFO", null, "INFO", "INFO sip:x SIP/2.0\r\n\r\nv=0\0", alice.getId(), null)));
        }

        List<TraceMessage> call = db.tx(em -> new TraceRepository(em).findByCallId(callId, alice.getId()));
        assertEquals(3, call.size());
        assertEquals("INFO sip:x SIP/2.0\r\n\r\nv=0\uFFFD", call.get(2).getRawText(), "NUL kept as U+FFFD");
        TraceMessage invite = call.get(0);
        assertEquals(T0, invite.getMessageTime());
        assertEquals(TraceDirection.IN, invite.getDirection());
        assertEquals("TCP", invite.getTransport());
        assertEquals("192.0.2.7", invite.getSourceIp());
        assertEquals(5070, invite.getSourcePort());
        assertEquals("INVITE", invite.getMethod());
        assertNull(invite.getStatusCode());
        assertEquals(TraceMessage.MAX_RAW_TEXT, invite.getRawText().length(), "cut to the column, not lost");
        assertEquals(alice.getId(), invite.getFromAccount().getId());
        assertNull(invite.getToAccount());
        TraceMessage ringing = call.get(1);
        assertNull(ringing.getMethod());
        assertEquals(180, ringing.getStatusCode());
        assertEquals(alice.getId(), ringing.getToAccount().getId());
    }
}
