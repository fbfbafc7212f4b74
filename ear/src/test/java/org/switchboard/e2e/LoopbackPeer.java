package org.switchboard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A UDP peer bound to a loopback address of its own (127.0.0.2, 127.0.0.3, ...), so that the
 * server sees it as another source than the tests' 127.0.0.1: attackers beside their victim.
 * Linux routes all of 127.0.0.0/8 to lo without configuration.
 */
final class LoopbackPeer implements AutoCloseable {

    final DatagramSocket socket;
    final String address;

    LoopbackPeer(String address) throws IOException {
        this(address, 0);
    }

    LoopbackPeer(String address, int port) throws IOException {
        this.address = address;
        this.socket = new DatagramSocket(new InetSocketAddress(address, port));
    }

    int port() {
        return socket.getLocalPort();
    }

    /** OPTIONS to the server: its final reply, or null when none came in {@code millis} (dropped). */
    String options(int millis) throws IOException {
        return RawSip.udpExchange(socket, request("OPTIONS", "sip:" + RawSip.HOST + ":" + RawSip.port(), "")
                .getBytes(StandardCharsets.UTF_8), millis);
    }

    /** A request from this peer; its Via names this address, as a real phone's would. */
    String request(String method, String uri, String headers) {
        return RawSip.request(method, uri, port(), "UDP", headers)
                .replaceFirst("Via: SIP/2.0/UDP " + RawSip.HOST.replace(".", "\\."), "Via: SIP/2.0/UDP " + address);
    }

    /** REGISTER of {@code user} with digest (401, then credentials): the final reply, or null. */
    String register(String user, String password, String contact, int expires) throws IOException {
        String callId = "reg-" + UUID.randomUUID() + "@" + address;
        String headers = "Expires: " + expires + "\r\n";
        String first = RawSip.udpExchange(socket, RawSip.register(socket, user, callId, 1, contact, headers)
                .getBytes(StandardCharsets.UTF_8), 3000);
        if (RawSip.status(first) != 401) {
            return first;
        }
        String nonce = DigestClient.challengeParameter(first, "nonce");
        String credentials = DigestClient.credentials("Authorization", "MD5", user, password, "REGISTER", "sip:localhost",
                nonce, "00000001");
        return RawSip.udpExchange(socket, RawSip.register(socket, user, callId, 2, contact, headers + credentials)
                .getBytes(StandardCharsets.UTF_8), 3000);
    }

    /**
     * An INVITE from {@code user} (our domain) to {@code target} (a SIP URI), answered 407, ACKed,
     * and sent again with credentials; returns once the server answered 100 (or a final, returned).
     */
    String authenticatedInvite(String user, String password, String target, String callId) throws IOException {
        RawSip.send(socket, invite(user, target, callId, 1, ""));
        String first = reply(callId, 1, true, 3000);
        assertEquals(407, RawSip.status(first), first);
        RawSip.send(socket, ack(user, target, callId, 1, RawSip.header(first, "To"), RawSip.header(first, "Via")));
        String nonce = DigestClient.challengeParameter(first, "nonce");
        String credentials = DigestClient.credentials("Proxy-Authorization", "MD5", user, password, "INVITE", target, nonce,
                "00000001");
        RawSip.send(socket, invite(user, target, callId, 2, credentials));
        return reply(callId, 2, false, 3000);
    }

    /**
     * The next answer of call {@code callId} to its CSeq {@code cseq} (a final one when {@code
     * onlyFinal}), or null after {@code millis}; answers of other calls (a 486 resent because its
     * ACK was lost) are skipped.
     */
    String reply(String callId, int cseq, boolean onlyFinal, int millis) throws IOException {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            String reply = RawSip.receiveStartingWith(socket, "SIP/2.0 ", (int) Math.max(1, deadline - System.currentTimeMillis()));
            if (reply != null && callId.equals(RawSip.header(reply, "Call-ID"))
                    && (cseq + " INVITE").equals(RawSip.header(reply, "CSeq")) && (!onlyFinal || RawSip.status(reply) >= 200)) {
                return reply;
            }
        }
        return null;
    }

    String invite(String user, String target, String callId, int cseq, String headers) {
        return "INVITE " + target + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP " + address + ":" + port() + ";branch=z9hG4bK" + callId.hashCode() + "x" + cseq + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:" + user + "@localhost>;tag=" + user + cseq + "\r\n"
                + "To: <" + target + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " INVITE\r\n"
                + "Contact: <sip:" + user + "@" + address + ":" + port() + ">\r\n"
                + headers
                + "Content-Length: 0\r\n\r\n";
    }

    /** RFC 3261 17.1.1.3: the ACK of a non-2xx final answer. */
    String ack(String user, String target, String callId, int cseq, String to, String via) {
        return "ACK " + target + " SIP/2.0\r\n"
                + "Via: " + via.replaceAll(";received=[^;]*", "").replaceAll(";rport=\\d+", ";rport") + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:" + user + "@localhost>;tag=" + user + cseq + "\r\n"
                + "To: " + to + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " ACK\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    @Override
    public void close() {
        socket.close();
    }
}
