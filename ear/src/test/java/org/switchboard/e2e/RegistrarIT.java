package org.switchboard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The registrar of the deployed service, as sipsak, SIPp and a hand-made RFC 8760 client use it. */
@ExtendWith(RunningService.class)
class RegistrarIT {

    private static final String AOR_ALICE = "sip:alice@" + RawSip.HOST + ":" + RawSip.port();

    @Test
    void sipsakRegistersWithDigest() throws Exception {
        ExternalPeer.Result result = ExternalPeer.run(30, "sipsak", "-vv", "-U", "-x", "120", "-u", "alice",
                "-a", "demo-alice-1", "-s", AOR_ALICE);
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("authorizing"), "challenged first:\n" + result.output());
        assertTrue(result.output().contains("usrloc tests completed successful"), result.output());
    }

    @Test
    void sipsakWithTooShortExpiresGets423WithMinExpires() throws Exception {
        // sipsak asks for 15 s by default; the minimum is 60.
        ExternalPeer.Result result = ExternalPeer.run(30, "sipsak", "-vv", "-U", "-u", "alice", "-a", "demo-alice-1",
                "-s", AOR_ALICE);
        assertTrue(result.output().contains("SIP/2.0 423"), result.output());
        assertTrue(result.output().contains("Min-Expires: 60"), result.output());
    }

    @Test
    void sippRegistersAndUnregistersOverUdpAndTcp() throws Exception {
        for (String transport : List.of("u1", "t1")) {
            ExternalPeer.Result result = Sipp.run("register-digest.xml", transport,
                    List.of(Sipp.user("alice", "demo-alice-1"), Sipp.user("bob", "demo-bob-1")));
            assertEquals(0, result.exitCode(), transport + ":\n" + result.output());
        }
    }

    @Test
    void wrongPasswordAndUnknownUserAreChallengedAgainAlike() throws Exception {
        ExternalPeer.Result result = Sipp.run("register-wrong-password.xml", "u1",
                List.of(Sipp.user("alice", "not-her-password"), Sipp.user("nobody-" + UUID.randomUUID(), "whatever")));
        assertEquals(0, result.exitCode(), result.output());
    }

    /** RFC 8760: a client that picks SHA-256 from the challenges registers with it. */
    @Test
    void sha256DigestRegistersAndTheReplyListsContactsWithExpires() throws Exception {
        try (DatagramSocket socket = RawSip.udpSocket()) {
            String callId = UUID.randomUUID() + "@test";
            String contact = "<sip:alice@" + RawSip.HOST + ":" + socket.getLocalPort() + ">";
            String first = exchange(socket, register(socket, callId, 1, contact, "Expires: 600\r\n"));
            assertEquals(401, RawSip.status(first), first);
            assertTrue(first.contains("algorithm=SHA-256"), first);
            assertTrue(first.contains("algorithm=MD5"), first);
            String nonce = param(first, "nonce");

            String authorization = sha256Authorization("alice", "demo-alice-1", nonce, "00000001");
            String ok = exchange(socket, register(socket, callId, 2, contact, "Expires: 600\r\n" + authorization));
            assertEquals(200, RawSip.status(ok), ok);
            assertTrue(ok.matches("(?s).*Contact: [^\\r\\n]*" + Pattern.quote(contact) + ";expires=(600|599).*"), ok);

            // The same nonce with the same nonce-count again is a replay: challenged, not accepted.
            String replay = exchange(socket, register(socket, callId, 3, contact, "Expires: 600\r\n" + authorization));
            assertEquals(401, RawSip.status(replay), replay);

            // Same Call-ID, CSeq not higher than the binding's: the update must fail (RFC 3261 10.3 step 7).
            String outOfOrder = exchange(socket, register(socket, callId, 2, contact,
                    "Expires: 600\r\n" + sha256Authorization("alice", "demo-alice-1", nonce, "00000002")));
            assertEquals(500, RawSip.status(outOfOrder), outOfOrder);

            // Contact * with Expires 0 removes every binding: the 200 lists none.
            String removed = exchange(socket, register(socket, callId, 4, "*",
                    "Expires: 0\r\n" + sha256Authorization("alice", "demo-alice-1", nonce, "00000003")));
            assertEquals(200, RawSip.status(removed), removed);
            assertNull(RawSip.header(removed, "Contact"), removed);
        }
    }

    @Test
    void tooManyContactsAreRefused() throws Exception {
        try (DatagramSocket socket = RawSip.udpSocket()) {
            String callId = UUID.randomUUID() + "@test";
            StringBuilder contacts = new StringBuilder();
            for (int i = 0; i < 11; i++) {
                contacts.append(i == 0 ? "" : ", ").append("<sip:bob@192.0.2.").append(i + 1).append(">");
            }
            String first = exchange(socket, register(socket, "bob", callId, 1, contacts.toString(), "Expires: 600\r\n"));
            String nonce = param(first, "nonce");
            String reply = exchange(socket, register(socket, "bob", callId, 2, contacts.toString(),
                    "Expires: 600\r\n" + sha256Authorization("bob", "demo-bob-1", nonce, "00000001")));
            assertEquals(403, RawSip.status(reply), reply);
        }
    }

    @Test
    void registeringSomeoneElsesAddressIsForbidden() throws Exception {
        try (DatagramSocket socket = RawSip.udpSocket()) {
            String callId = UUID.randomUUID() + "@test";
            String first = exchange(socket, register(socket, "bob", callId, 1, "<sip:x@192.0.2.1>", "Expires: 600\r\n"));
            String nonce = param(first, "nonce");
            String reply = exchange(socket, register(socket, "bob", callId, 2, "<sip:x@192.0.2.1>",
                    "Expires: 600\r\n" + sha256Authorization("alice", "demo-alice-1", nonce, "00000001")));
            assertEquals(403, RawSip.status(reply), reply);
        }
    }

    @Test
    void foreignDomainIsNotServed() throws Exception {
        String reply = RawSip.udp("REGISTER", "sip:example.com", "Contact: <sip:x@192.0.2.1>\r\n");
        assertEquals(404, RawSip.status(reply), reply);
        assertFalse(reply.contains("WWW-Authenticate"), reply);
    }

    private static String register(DatagramSocket socket, String callId, int cseq, String contact, String headers) {
        return register(socket, "alice", callId, cseq, contact, headers);
    }

    private static String register(DatagramSocket socket, String user, String callId, int cseq, String contact, String headers) {
        return RawSip.register(socket, user, callId, cseq, contact, headers);
    }

    private static String exchange(DatagramSocket socket, String message) throws Exception {
        String reply = RawSip.udpExchange(socket, message.getBytes(StandardCharsets.UTF_8), 5000);
        assertNotNull(reply, "no reply to\n" + message);
        return reply;
    }

    private static String param(String reply, String name) {
        return DigestClient.challengeParameter(reply, name);
    }

    private static String sha256Authorization(String user, String password, String nonce, String nc) {
        return DigestClient.credentials("Authorization", "SHA-256", user, password, "REGISTER", "sip:localhost", nonce, nc);
    }
}
