package org.switchboard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may call through the proxy (RFC 3261 section 22.3): a request whose From is one of our
 * subscribers is challenged with 407 and goes on only with that subscriber's valid credentials and
 * an active account; callers from other domains may reach our subscribers without credentials.
 * Raw SIP over UDP, so each reply is checked as it is on the wire.
 */
@ExtendWith(RunningService.class)
class ProxyAuthenticationIT {

    @Test
    void inviteFromOurDomainIsChallengedWith407ForEveryAlgorithm() throws Exception {
        try (DatagramSocket socket = RawSip.udpSocket()) {
            String reply = exchange(socket, invite(socket, "alice", "nobody", 1, ""));
            assertEquals(407, RawSip.status(reply), reply);
            assertTrue(reply.contains("Proxy-Authenticate: Digest realm=\"localhost\""), reply);
            assertTrue(reply.contains("algorithm=MD5"), reply);
            assertTrue(reply.contains("algorithm=SHA-256"), reply);
            assertTrue(reply.contains("qop=\"auth\""), reply);
            assertFalse(reply.contains("WWW-Authenticate"), reply);
        }
    }

    @Test
    void validCredentialsLetTheCallThrough() throws Exception {
        for (String algorithm : new String[] {"MD5", "SHA-256"}) {
            // An unknown callee: past authentication the proxy looks it up and answers 404.
            assertEquals(404, RawSip.status(authenticatedInvite(algorithm, "alice", "alice", "demo-alice-1")), algorithm);
        }
    }

    @Test
    void wrongPasswordIsChallengedAgain() throws Exception {
        String reply = authenticatedInvite("SHA-256", "alice", "alice", "not-her-password");
        assertEquals(407, RawSip.status(reply), reply);
    }

    @Test
    void anotherSubscribersCredentialsAreForbidden() throws Exception {
        String reply = authenticatedInvite("MD5", "alice", "bob", "demo-bob-1");
        assertEquals(403, RawSip.status(reply), reply);
    }

    @Test
    void callersFromOtherDomainsReachOurSubscribersWithoutChallenge() throws Exception {
        try (DatagramSocket socket = RawSip.udpSocket()) {
            // Not challenged: 480, what a caller from outside gets for a user we lack or one not registered.
            String reply = exchange(socket, invite(socket, "someone@example.org", "nobody", 1, ""));
            assertEquals(480, RawSip.status(reply), reply);
        }
    }

    /**
     * Another domain: 127.0.0.2, a loopback address that is not ours. The service under test
     * forwards subscribers' calls there (e2e.properties), by RFC 3263 (a numeric host is used as
     * it is): the far end gets the INVITE record-routed and without alice's credentials, and its
     * answer comes back to her.
     */
    @Test
    void subscribersCallsToAnotherDomainAreForwarded() throws Exception {
        try (DatagramSocket farEnd = new DatagramSocket(new java.net.InetSocketAddress("127.0.0.2", 0))) {
            farEnd.setSoTimeout(10_000);
            java.util.concurrent.CompletableFuture<String> received = RawSip.answerFirstRequest(farEnd, "486 Busy Here");
            String callee = "carol@127.0.0.2:" + farEnd.getLocalPort();
            String reply = authenticatedInvite("MD5", "alice", "alice", "demo-alice-1", callee);
            assertEquals(486, RawSip.status(reply), reply);
            String forwarded = received.get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertTrue(forwarded.startsWith("INVITE sip:" + callee + " SIP/2.0"), forwarded);
            assertTrue(forwarded.contains("Record-Route: <sip:" + RawSip.HOST + ":" + RawSip.port()), forwarded);
            assertFalse(forwarded.contains("Proxy-Authorization"), forwarded);
        }
    }

    @Test
    void callsFromElsewhereToElsewhereAreNotRelayed() throws Exception {
        try (DatagramSocket socket = RawSip.udpSocket()) {
            String reply = exchange(socket, invite(socket, "someone@example.org", "carol@127.0.0.2:5999", 1, ""));
            assertEquals(403, RawSip.status(reply), reply);
        }
    }

    @Test
    void blockedSubscriberCanNeitherCallNorRegister() throws Exception {
        String user = "blocked-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "pw-" + user;
        Timestamp now = Timestamp.from(Instant.now());
        ServiceDatabase.update("INSERT INTO account (sip_user, sip_domain, status, created_at) VALUES (?, 'localhost', 'BLOCKED', ?)",
                user, now);
        ServiceDatabase.update("INSERT INTO sip_credential (account_id, ha1_md5, ha1_sha256, updated_at) "
                + "SELECT id, ?, ?, ? FROM account WHERE sip_user = ?",
                DigestClient.hash("MD5", user + ":localhost:" + password),
                DigestClient.hash("SHA-256", user + ":localhost:" + password), now, user);

        String call = authenticatedInvite("SHA-256", user, user, password);
        assertEquals(403, RawSip.status(call), call);
        assertTrue(call.startsWith("SIP/2.0 403 Account blocked"), call);

        try (DatagramSocket socket = RawSip.udpSocket()) {
            String first = exchange(socket, register(socket, user, 1, ""));
            assertEquals(401, RawSip.status(first), first);
            String nonce = DigestClient.challengeParameter(first, "nonce");
            String reply = exchange(socket, register(socket, user, 2, DigestClient.credentials("Authorization", "SHA-256",
                    user, password, "REGISTER", "sip:localhost", nonce, "00000001")));
            assertEquals(403, RawSip.status(reply), reply);
        }
    }

    /** INVITE from {@code fromUser}, challenged, then sent again with {@code authUser}'s credentials; the final reply. */
    private static String authenticatedInvite(String algorithm, String fromUser, String authUser, String password)
            throws Exception {
        return authenticatedInvite(algorithm, fromUser, authUser, password, "nobody-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** {@code callee}: a user of ours, or user@host[:port]. */
    private static String authenticatedInvite(String algorithm, String fromUser, String authUser, String password,
            String callee) throws Exception {
        try (DatagramSocket socket = RawSip.udpSocket()) {
            String first = exchange(socket, invite(socket, fromUser, callee, 1, ""));
            assertEquals(407, RawSip.status(first), first);
            String nonce = DigestClient.challengeParameter(first, "nonce");
            String uri = "sip:" + (callee.contains("@") ? callee : callee + "@localhost");
            return exchange(socket, invite(socket, fromUser, callee, 2, DigestClient.credentials("Proxy-Authorization",
                    algorithm, authUser, password, "INVITE", uri, nonce, "00000001")));
        }
    }

    /**
     * {@code from} and {@code callee} are users of ours, or user@host. One Call-ID per socket, as a
     * phone retrying would.
     */
    private static String invite(DatagramSocket socket, String from, String callee, int cseq, String headers) {
        String fromUri = from.contains("@") ? from : from + "@localhost";
        String calleeUri = callee.contains("@") ? callee : callee + "@localhost";
        return "INVITE sip:" + calleeUri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP " + RawSip.HOST + ":" + socket.getLocalPort() + ";branch=" + RawSip.branch() + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:" + fromUri + ">;tag=auth" + socket.getLocalPort() + "\r\n"
                + "To: <sip:" + calleeUri + ">\r\n"
                + "Call-ID: auth-" + socket.getLocalPort() + "@test\r\n"
                + "CSeq: " + cseq + " INVITE\r\n"
                + "Contact: <sip:caller@" + RawSip.HOST + ":" + socket.getLocalPort() + ">\r\n"
                + headers
                + "Content-Length: 0\r\n\r\n";
    }

    private static String register(DatagramSocket socket, String user, int cseq, String headers) {
        return RawSip.register(socket, user, "reg-" + socket.getLocalPort() + "@test", cseq,
                "<sip:" + user + "@" + RawSip.HOST + ":" + socket.getLocalPort() + ">", "Expires: 600\r\n" + headers);
    }

    /** Sends a request and returns its final reply; an INVITE's non-2xx reply is ACKed, so it isn't resent. */
    private static String exchange(DatagramSocket socket, String message) throws Exception {
        String reply = RawSip.udpExchange(socket, message.getBytes(StandardCharsets.UTF_8), 5000);
        assertNotNull(reply, "no reply to\n" + message);
        if (message.startsWith("INVITE ") && RawSip.status(reply) >= 300) {
            byte[] ack = ackFor(message, reply).getBytes(StandardCharsets.UTF_8);
            socket.send(new java.net.DatagramPacket(ack, ack.length, java.net.InetAddress.getByName(RawSip.HOST), RawSip.port()));
        }
        return reply;
    }

    /** RFC 3261 section 17.1.1.3: the INVITE's Request-URI, Via, From, Call-ID and CSeq number, the reply's To. */
    private static String ackFor(String invite, String reply) {
        StringBuilder ack = new StringBuilder();
        for (String line : invite.split("\r\n")) {
            if (line.startsWith("INVITE ")) {
                ack.append("ACK ").append(line.substring(7)).append("\r\n");
            } else if (line.startsWith("To:")) {
                ack.append("To: ").append(RawSip.header(reply, "To")).append("\r\n");
            } else if (line.startsWith("CSeq:")) {
                ack.append(line.replace("INVITE", "ACK")).append("\r\n");
            } else if (line.startsWith("Via:") || line.startsWith("From:") || line.startsWith("Call-ID:")
                    || line.startsWith("Max-Forwards:")) {
                ack.append(line).append("\r\n");
            }
        }
        return ack.append("Content-Length: 0\r\n\r\n").toString();
    }
}
