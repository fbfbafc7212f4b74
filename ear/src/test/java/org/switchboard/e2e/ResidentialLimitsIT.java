package org.switchboard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The residential limits of alice's account (defaults, except a 5 s call-rate window and each
 * loopback address a network of its own: e2e.properties): over each, 403 with a reason phrase
 * saying which, an audit entry and a flag for support. Callees are phones of another domain on
 * 127.0.0.5 and 127.0.0.6, so no binding of ours is left behind.
 */
@ExtendWith(RunningService.class)
class ResidentialLimitsIT {

    private static final int WINDOW_MILLIS = 5_000;

    @Test
    void theEleventhNewCallWithinTheWindowIsRefused() throws Exception {
        Thread.sleep(WINDOW_MILLIS); // calls of earlier tests out of the window
        List<String> finals = new ArrayList<>();
        try (LoopbackPeer alice = new LoopbackPeer(RawSip.HOST); BusyPhone callee = new BusyPhone("127.0.0.5")) {
            for (int i = 0; i < 11; i++) {
                finals.add(call(alice, callee.port(), "127.0.0.5"));
            }
        } finally {
            Thread.sleep(WINDOW_MILLIS); // leave the other tests' calls alone
        }
        assertTrue(finals.subList(0, 10).stream().allMatch(f -> f.startsWith("SIP/2.0 486")), finals.toString());
        assertEquals("SIP/2.0 403 Too many new calls (limit 10 in 5 s)", finals.get(10), finals.toString());
        assertFlagged("CALL_RATE");
    }

    @Test
    void theFourthCallAtOnceIsRefused() throws Exception {
        try (LoopbackPeer alice = new LoopbackPeer(RawSip.HOST); BusyPhone callee = new BusyPhone("127.0.0.6", true)) {
            String target = "sip:someone@127.0.0.6:" + callee.port();
            for (int i = 0; i < 3; i++) {
                String reply = alice.authenticatedInvite("alice", "demo-alice-1", target, "at-once-" + UUID.randomUUID());
                assertTrue(RawSip.status(reply) == 100 || RawSip.status(reply) == 180, "admitted: " + reply);
            }
            long deadline = System.currentTimeMillis() + 5000;
            while (callee.ringingCalls() < 3 && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(3, callee.ringingCalls());
            String fourthCall = "at-once-4-" + UUID.randomUUID();
            String fourth = finalOf(alice, fourthCall, alice.authenticatedInvite("alice", "demo-alice-1", target, fourthCall));
            assertEquals("SIP/2.0 403 Too many calls at once (limit 3)", fourth.lines().findFirst().orElse(""), fourth);
            callee.rejectAll();
            Thread.sleep(500);
            // the three calls are over: alice may call again
            String again = alice.authenticatedInvite("alice", "demo-alice-1", target, "at-once-5-" + UUID.randomUUID());
            assertTrue(RawSip.status(again) == 100 || RawSip.status(again) == 180, "admitted again: " + again);
            Thread.sleep(300);
            callee.rejectAll();
        }
        assertFlagged("CONCURRENT_CALLS");
    }

    @Test
    void aFourthNetworkAtOnceIsRefusedAndRemovingAlwaysWorks() throws Exception {
        List<LoopbackPeer> phones = new ArrayList<>();
        try (LoopbackPeer home = new LoopbackPeer(RawSip.HOST)) {
            // Start from no bindings of alice (earlier tests may have left one from 127.0.0.1).
            String cleared = home.register("alice", "demo-alice-1", "*", 0);
            assertEquals(200, RawSip.status(cleared), cleared);
            for (String address : List.of("127.0.0.7", "127.0.0.8", "127.0.0.9", "127.0.0.10")) {
                phones.add(new LoopbackPeer(address));
            }
            for (LoopbackPeer phone : phones.subList(0, 3)) {
                String reply = phone.register("alice", "demo-alice-1", contact(phone), 600);
                assertEquals(200, RawSip.status(reply), phone.address + ": " + reply);
            }
            LoopbackPeer fourth = phones.get(3);
            String refused = fourth.register("alice", "demo-alice-1", contact(fourth), 600);
            assertEquals("SIP/2.0 403 Registered from too many networks (limit 3)", refused.lines().findFirst().orElse(""), refused);
            String refresh = phones.get(0).register("alice", "demo-alice-1", contact(phones.get(0)), 600);
            assertEquals(200, RawSip.status(refresh), "a refresh from a network already there: " + refresh);
            for (LoopbackPeer phone : phones.subList(0, 3)) {
                String removed = phone.register("alice", "demo-alice-1", contact(phone), 0);
                assertEquals(200, RawSip.status(removed), removed);
            }
        } finally {
            phones.forEach(LoopbackPeer::close);
        }
        assertFlagged("LOCATIONS");
    }

    private static String contact(LoopbackPeer phone) {
        return "<sip:alice@" + phone.address + ":" + phone.port() + ">";
    }

    /** One call of alice to a phone of another domain; its final answer's status line (ACKed). */
    private static String call(LoopbackPeer alice, int port, String host) throws Exception {
        String target = "sip:someone@" + host + ":" + port;
        String callId = "limits-" + UUID.randomUUID();
        String reply = finalOf(alice, callId, alice.authenticatedInvite("alice", "demo-alice-1", target, callId));
        if (RawSip.status(reply) >= 300) {
            RawSip.send(alice.socket, alice.ack("alice", target, callId, 2, RawSip.header(reply, "To"), RawSip.header(reply, "Via")));
        }
        return reply.lines().findFirst().orElse("");
    }

    private static String finalOf(LoopbackPeer peer, String callId, String reply) throws Exception {
        String answer = RawSip.status(reply) >= 200 ? reply : peer.reply(callId, 2, true, 5000);
        assertTrue(answer != null, "no final answer to " + callId + " after " + reply);
        return answer;
    }

    private static void assertFlagged(String kind) throws Exception {
        List<Map<String, Object>> flags = ServiceDatabase.awaitRows(
                "SELECT f.detail FROM abuse_flag f JOIN account a ON a.id = f.account_id WHERE a.sip_user = 'alice' AND f.kind = ?",
                rows -> !rows.isEmpty(), 10_000, kind);
        assertTrue(!flags.isEmpty(), "no " + kind + " flag for alice");
        List<Map<String, Object>> audit = ServiceDatabase.awaitRows(
                "SELECT detail FROM audit_entry WHERE action = 'ACCOUNT_FLAGGED' AND target = 'sip:alice@localhost' AND detail LIKE ?",
                rows -> !rows.isEmpty(), 10_000, kind + ":%");
        assertTrue(!audit.isEmpty(), "no audit entry for alice's " + kind + " flag");
    }
}
