package org.switchboard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Forking by q-value (RFC 3261 section 16.6): bob registers a desk phone with q=1.0 and a second
 * phone with q=0.5. A call rings the desk phone alone; only when it turns the call down does the
 * second phone get it, and the caller gets the best answer of both. Raw UDP phones.
 */
@ExtendWith(RunningService.class)
class SequentialForkingIT {

    @Test
    void lowerQRingsOnlyAfterHigherQFailed() throws Exception {
        try (DatagramSocket desk = RawSip.udpSocket(); DatagramSocket second = RawSip.udpSocket();
                DatagramSocket caller = RawSip.udpSocket()) {
            String contacts = "<sip:bob@" + RawSip.HOST + ":" + desk.getLocalPort() + ">;q=1.0, <sip:bob@" + RawSip.HOST + ":"
                    + second.getLocalPort() + ">;q=0.5";
            // From a clean slate: other tests' phones (SIPp as bob) may still be registered.
            try (DatagramSocket cleanup = RawSip.udpSocket()) {
                register(cleanup, "*", 0);
            }
            register(desk, contacts, 600);
            try {
                String callId = "q-" + UUID.randomUUID();
                RawSip.send(caller, "INVITE sip:bob@localhost SIP/2.0\r\n"
                        + "Via: SIP/2.0/UDP " + RawSip.HOST + ":" + caller.getLocalPort() + ";branch=" + RawSip.branch() + ";rport\r\n"
                        + "Max-Forwards: 70\r\n"
                        + "From: <sip:someone@example.org>;tag=q1\r\n"
                        + "To: <sip:bob@localhost>\r\n"
                        + "Call-ID: " + callId + "\r\n"
                        + "CSeq: 1 INVITE\r\n"
                        + "Contact: <sip:someone@" + RawSip.HOST + ":" + caller.getLocalPort() + ">\r\n"
                        + "Content-Length: 0\r\n\r\n");

                String first = RawSip.receiveStartingWith(desk, "INVITE ", 5000);
                assertNotNull(first, "the desk phone (q=1.0) rings first");
                assertNull(RawSip.receiveStartingWith(second, "INVITE ", 1000), "the second phone waits its turn");
                RawSip.send(desk, RawSip.answer(first, "486 Busy Here", ""));

                String then = RawSip.receiveStartingWith(second, "INVITE ", 5000);
                assertNotNull(then, "the second phone (q=0.5) rings once the desk phone said busy");
                RawSip.send(second, RawSip.answer(then, "480 Temporarily Unavailable", ""));

                String reply = RawSip.receiveStartingWith(caller, "SIP/2.0 4", 5000);
                assertNotNull(reply, "the caller gets an answer");
                assertTrue(reply.startsWith("SIP/2.0 486") || reply.startsWith("SIP/2.0 480"), reply);
                RawSip.send(caller, "ACK sip:bob@localhost SIP/2.0\r\n"
                        + "Via: " + RawSip.header(reply, "Via") + "\r\n"
                        + "Max-Forwards: 70\r\n"
                        + "From: <sip:someone@example.org>;tag=q1\r\n"
                        + "To: " + RawSip.header(reply, "To") + "\r\n"
                        + "Call-ID: " + callId + "\r\n"
                        + "CSeq: 1 ACK\r\n"
                        + "Content-Length: 0\r\n\r\n");
            } finally {
                // From a fresh socket: the desk phone's may still hold INVITE retransmissions.
                try (DatagramSocket cleanup = RawSip.udpSocket()) {
                    register(cleanup, "*", 0);
                }
            }
        }
    }

    /** Registers (or with "*" and 0, removes) bob's contacts, with digest. */
    private static void register(DatagramSocket phone, String contacts, int expires) throws Exception {
        String callId = "q-reg-" + phone.getLocalPort();
        int cseq = expires == 0 ? 3 : 1;
        String first = exchange(phone, register(phone, callId, cseq, contacts, expires, ""));
        assertEquals(401, RawSip.status(first), first);
        String nonce = DigestClient.challengeParameter(first, "nonce");
        String ok = exchange(phone, register(phone, callId, cseq + 1, contacts, expires,
                DigestClient.credentials("Authorization", "MD5", "bob", "demo-bob-1", "REGISTER", "sip:localhost", nonce,
                        "00000001")));
        assertEquals(200, RawSip.status(ok), ok);
    }

    private static String register(DatagramSocket phone, String callId, int cseq, String contacts, int expires,
            String headers) {
        return RawSip.register(phone, "bob", callId, cseq, contacts, "Expires: " + expires + "\r\n" + headers);
    }

    private static String exchange(DatagramSocket socket, String message) throws Exception {
        String reply = RawSip.udpExchange(socket, message.getBytes(StandardCharsets.UTF_8), 5000);
        assertNotNull(reply, "no reply to\n" + message);
        return reply;
    }
}
