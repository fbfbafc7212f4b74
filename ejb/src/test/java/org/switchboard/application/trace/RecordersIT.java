package org.switchboard.application.trace;

import org.switchboard.persistence.trace.TraceDirection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.switchboard.application.ArquillianDeployments;
import org.switchboard.application.account.AccountService;
import org.switchboard.application.account.AccountSummary;
import org.switchboard.application.cdr.CallRecord;
import org.switchboard.application.cdr.CdrRecorder;
import org.switchboard.persistence.cdr.Disposition;

/**
 * The recorders the SIP engine feeds: what the data policy keeps reaches the database, linked to
 * the accounts it concerns, and what it forbids (REGISTER, OPTIONS, MESSAGE...) never does.
 */
@ExtendWith(ArquillianExtension.class)
class RecordersIT {

    @Deployment
    static WebArchive deployment() {
        return ArquillianDeployments.services("recorders-it", RecordersIT.class);
    }

    @EJB
    TraceRecorder traces;

    @EJB
    CdrRecorder cdrs;

    @EJB
    AccountService accounts;

    @Resource(lookup = "java:jboss/datasources/SwitchboardDS")
    DataSource dataSource;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static TraceEvent message(String callId, String method, Integer status, String cseqMethod, String from, String to) {
        String firstLine = method != null ? method + " sip:" + to + "@localhost SIP/2.0" : "SIP/2.0 " + status + " Whatever";
        return new TraceEvent(callId, Instant.now(), TraceDirection.IN, "UDP", "127.0.0.1", 5070, "127.0.0.1", 5060,
                method, status, cseqMethod, firstLine + "\r\nCall-ID: " + callId + "\r\nCSeq: 1 " + cseqMethod + "\r\n\r\n",
                from, to);
    }

    @Test
    void sessionSignallingIsKeptAndLinkedToBothAccounts() throws Exception {
        AccountSummary caller = accounts.open(unique("caller"), "Caller", null, "caller-password");
        AccountSummary callee = accounts.open(unique("callee"), "Callee", null, "callee-password");
        String from = caller.sipUri().substring(4, caller.sipUri().indexOf('@'));
        String to = callee.sipUri().substring(4, callee.sipUri().indexOf('@'));
        String callId = unique("call");

        List<TraceEvent> dialog = List.of(
                message(callId, "INVITE", null, "INVITE", from, to),
                message(callId, null, 180, "INVITE", from, to),
                message(callId, null, 200, "INVITE", from, to),
                message(callId, "ACK", null, "ACK", from, to),
                message(callId, "BYE", null, "BYE", from, to),
                message(callId, null, 200, "BYE", from, to));
        dialog.forEach(event -> assertTrue(traces.record(event)));

        awaitRows("SELECT COUNT(*) FROM trace_message WHERE call_id = ?", callId, 6);
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT from_account_id, to_account_id, raw_text FROM trace_message WHERE call_id = ? ORDER BY id")) {
            s.setString(1, callId);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(caller.id(), rs.getLong(1));
                assertEquals(callee.id(), rs.getLong(2));
                assertTrue(rs.getString(3).startsWith("INVITE sip:" + to + "@localhost SIP/2.0\r\n"), "raw text kept as is");
            }
        }
    }

    @Test
    void registrationsPresenceOptionsAndMessagesAreNeverStored() throws Exception {
        String callId = unique("not-kept");
        for (String method : List.of("REGISTER", "SUBSCRIBE", "NOTIFY", "OPTIONS", "MESSAGE", "PUBLISH")) {
            assertFalse(traces.record(message(callId, method, null, method, "alice", null)), method);
            assertFalse(traces.record(message(callId, null, 200, method, "alice", null)), method + " reply");
        }
        // A kept message after them proves the writer ran past them.
        String marker = unique("marker");
        traces.record(message(marker, "INVITE", null, "INVITE", null, null));
        awaitRows("SELECT COUNT(*) FROM trace_message WHERE call_id = ?", marker, 1);
        assertEquals(0, count("SELECT COUNT(*) FROM trace_message WHERE call_id = ?", callId));
    }

    @Test
    void aFinishedCallBecomesOneCdrWithItsDuration() throws Exception {
        AccountSummary caller = accounts.open(unique("cdr"), "Caller", null, "caller-password");
        String user = caller.sipUri().substring(4, caller.sipUri().indexOf('@'));
        String callId = unique("cdr-call");
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        CallRecord call = new CallRecord(callId, user, null, caller.sipUri(), "sip:someone@example.org",
                start, start.plusSeconds(2), start.plusSeconds(65), Disposition.ANSWERED, null,
                "127.0.0.1:5070", "192.0.2.7:5060", "127.0.0.1:4000", "192.0.2.7:30000", "test-ua/1", "far-ua/2");
        assertTrue(cdrs.record(call));

        awaitRows("SELECT COUNT(*) FROM call_detail_record WHERE call_id = ?", callId, 1);
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT caller_account_id, callee_account_id, duration_seconds,"
                     + " disposition, start_time, caller_media_address, callee_user_agent FROM call_detail_record WHERE call_id = ?")) {
            s.setString(1, callId);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(caller.id(), rs.getLong(1));
                rs.getLong(2);
                assertTrue(rs.wasNull(), "a callee from elsewhere has no account");
                assertEquals(63, rs.getInt(3));
                assertEquals("ANSWERED", rs.getString(4));
                assertEquals(start, rs.getObject(5, java.time.OffsetDateTime.class).toInstant());
                assertEquals("127.0.0.1:4000", rs.getString(6));
                assertEquals("far-ua/2", rs.getString(7));
            }
        }
    }

    @Test
    void aBurstFarLargerThanOneBatchIsWrittenCompletely() throws Exception {
        String callId = unique("burst");
        List<TraceEvent> burst = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            burst.add(message(callId, "INVITE", null, "INVITE", null, null));
        }
        burst.forEach(traces::record);
        awaitRows("SELECT COUNT(*) FROM trace_message WHERE call_id = ?", callId, 2_000);
        assertEquals(0, traces.dropped());
    }

    private long count(String sql, String callId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, callId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void awaitRows(String sql, String callId, long expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        long seen;
        do {
            seen = count(sql, callId);
            if (seen == expected) {
                return;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        assertEquals(expected, seen, "rows for " + callId);
    }
}
