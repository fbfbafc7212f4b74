package org.switchboard.persistence.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.switchboard.persistence.account.Account;
import org.switchboard.persistence.testsupport.MigratedDatabase;
import org.switchboard.persistence.testsupport.TestDatabase;

class TraceRepositoryTest {

    private static final Instant T0 = Instant.parse("2025-06-01T08:00:00Z");

    private static TraceMessage request(String callId, Instant at, Account from, Account to) {
        return new TraceMessage(callId, at, TraceDirection.IN, "UDP", "192.0.2.10", 5060, "198.51.100.1", 5060,
                "INVITE", null, "INVITE", "INVITE sip:x@example.org SIP/2.0\r\nCall-ID: " + callId + "\r\n\r\n", from, to);
    }

    private static TraceMessage reply(String callId, Instant at, Account from, Account to, int status) {
        return new TraceMessage(callId, at, TraceDirection.OUT, "UDP", "198.51.100.1", 5060, "192.0.2.10", 5060,
                null, status, "INVITE", "SIP/2.0 " + status + " X\r\nCall-ID: " + callId + "\r\n\r\n", from, to);
    }

    private static String newCallId() {
        return UUID.randomUUID() + "@192.0.2.10";
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aSubscriberOnlySeesTheirOwnTraces(TestDatabase kind) {
        MigratedDatabase db = kind.open();
        Account alice = db.newAccount("trace-alice");
        Account bob = db.newAccount("trace-bob");
        Account carol = db.newAccount("trace-carol");
        String aliceToBob = newCallId();
        String bobToCarol = newCallId();
        String aliceOut = newCallId();
        db.run(em -> {
            TraceRepository repo = new TraceRepository(em);
            repo.save(reply(aliceToBob, T0.plusMillis(20), bob, alice, 180));
            repo.save(request(aliceToBob, T0, alice, bob));
            repo.save(reply(aliceToBob, T0.plusSeconds(5), bob, alice, 200));
            repo.save(request(bobToCarol, T0.plusSeconds(60), bob, carol));
            repo.save(reply(bobToCarol, T0.plusSeconds(61), carol, bob, 486));
            // A call to a foreign destination: only one local account concerned.
            repo.save(request(aliceOut, T0.plusSeconds(120), alice, null));
        });

        List<TraceMessage> call = db.tx(em -> new TraceRepository(em).findByCallId(aliceToBob, alice.getId()));
        assertEquals(3, call.size());
        assertEquals("INVITE", call.get(0).getMethod());
        assertNull(call.get(0).getStatusCode());
        assertEquals(List.of(180, 200), call.subList(1, 3).stream().map(TraceMessage::getStatusCode).toList());
        assertTrue(call.get(1).getMessageTime().isBefore(call.get(2).getMessageTime()));

        // Knowing bob's Call-ID does not let alice read it.
        assertTrue(db.tx(em -> new TraceRepository(em).findByCallId(bobToCarol, alice.getId())).isEmpty());
        assertEquals(2, db.tx(em -> new TraceRepository(em).findByCallId(bobToCarol, carol.getId())).size());
        assertEquals(1, db.tx(em -> new TraceRepository(em).findByCallId(aliceOut, alice.getId())).size());
        assertTrue(db.tx(em -> new TraceRepository(em).findByCallId(aliceOut, bob.getId())).isEmpty());

        List<TracedCall> alices = db.tx(em -> new TraceRepository(em).recentCallsForAccount(alice.getId(), 10));
        assertEquals(List.of(aliceOut, aliceToBob), alices.stream().map(TracedCall::callId).toList());
        assertEquals(3, alices.get(1).messageCount());
        assertEquals(T0, alices.get(1).firstMessageAt());
        assertEquals(T0.plusSeconds(5), alices.get(1).lastMessageAt());

        List<TracedCall> bobs = db.tx(em -> new TraceRepository(em).recentCallsForAccount(bob.getId(), 10));
        assertEquals(List.of(bobToCarol, aliceToBob), bobs.stream().map(TracedCall::callId).toList());
        assertEquals(List.of(aliceOut),
                db.tx(em -> new TraceRepository(em).recentCallsForAccount(alice.getId(), 1)).stream().map(TracedCall::callId).toList());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void keepsA64KibRawMessageIntact(TestDatabase kind) {
        MigratedDatabase db = kind.open();
        Account alice = db.newAccount("trace-big");
        String callId = newCallId();
        StringBuilder sb = new StringBuilder("MESSAGE sip:x@example.org SIP/2.0\r\n\r\n");
        while (sb.length() < TraceMessage.MAX_RAW_TEXT) {
            sb.append("é0123456789abcdef");
        }
        String raw = sb.substring(0, TraceMessage.MAX_RAW_TEXT);
        db.run(em -> new TraceRepository(em).save(new TraceMessage(callId, T0, TraceDirection.IN, "TLS",
                "2001:db8::1", 5061, "2001:db8::2", 5061, "MESSAGE", null, "MESSAGE", raw, alice, null)));

        TraceMessage stored = db.tx(em -> new TraceRepository(em).findByCallId(callId, alice.getId()).get(0));
        assertEquals(raw, stored.getRawText());
        assertEquals(TraceDirection.IN, stored.getDirection());
        assertEquals("2001:db8::1", stored.getSourceIp());
        assertEquals(5061, stored.getDestinationPort());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void portalPagesTheCallsOfTheTraceWindow(TestDatabase kind) {
        MigratedDatabase db = kind.open();
        Account alice = db.newAccount("trace-window-alice");
        Account bob = db.newAccount("trace-window-bob");
        String old = newCallId();
        String first = newCallId();
        String second = newCallId();
        String bobs = newCallId();
        db.run(em -> {
            TraceRepository traces = new TraceRepository(em);
            traces.save(request(old, T0.minusSeconds(8 * 86_400), alice, bob));
            traces.save(request(first, T0, alice, bob));
            traces.save(reply(first, T0.plusSeconds(1), bob, alice, 200));
            traces.save(request(second, T0.plusSeconds(60), bob, alice));
            traces.save(request(bobs, T0.plusSeconds(90), bob, null));
        });
        Instant since = T0.minusSeconds(7 * 86_400);
        assertEquals(2L, (long) db.tx(em -> new TraceRepository(em).countCallsForAccount(alice.getId(), since)));
        assertEquals(List.of(second), db.tx(em -> new TraceRepository(em).callsForAccount(alice.getId(), since, 0, 1))
                .stream().map(TracedCall::callId).toList());
        List<TracedCall> page2 = db.tx(em -> new TraceRepository(em).callsForAccount(alice.getId(), since, 1, 1));
        assertEquals(first, page2.get(0).callId());
        assertEquals(2L, page2.get(0).messageCount());
        assertTrue(db.tx(em -> new TraceRepository(em).findByCallId(bobs, alice.getId())).isEmpty(), "bob's alone");
    }
}
