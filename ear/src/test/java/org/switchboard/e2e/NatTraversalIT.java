package org.switchboard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A phone behind NAT: its Contact says 192.168.77.10 (its LAN address), but its packets come from
 * another address (here a loopback socket, standing for the NAT's public side). A call to it must
 * reach the socket its REGISTER came from, and the caller's ACK and BYE too, through the Contact
 * the proxy rewrote in the 200. Raw SIP, so every hop is checked on the wire.
 */
@ExtendWith(RunningService.class)
class NatTraversalIT {

    private static final String LAN_CONTACT = "sip:alice@192.168.77.10:5060";

    @Test
    void callReachesAPhoneBehindNatAndSoDoTheAckAndBye() throws Exception {
        try (DatagramSocket phone = RawSip.udpSocket(); DatagramSocket caller = RawSip.udpSocket()) {
            register(phone, 600);
            try {
                call(phone, caller);
            } finally {
                register(phone, 0);
            }
        }
    }

    private static void call(DatagramSocket phone, DatagramSocket caller) throws Exception {
        String callId = "nat-" + UUID.randomUUID();
        String invite = "INVITE sip:alice@localhost SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP " + RawSip.HOST + ":" + caller.getLocalPort() + ";branch=" + RawSip.branch() + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:someone@example.org>;tag=caller1\r\n"
                + "To: <sip:alice@localhost>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 INVITE\r\n"
                + "Contact: <sip:someone@" + RawSip.HOST + ":" + caller.getLocalPort() + ">\r\n"
                + "Content-Length: 0\r\n\r\n";
        send(caller, invite);

        // The proxy sends the INVITE to where the phone registered from, Request-URI its LAN Contact.
        String forwarded = receive(phone, "INVITE ");
        assertTrue(forwarded.startsWith("INVITE " + LAN_CONTACT + " SIP/2.0"), forwarded);
        send(phone, answer(forwarded, "200 OK"));

        String ok = receive(caller, "SIP/2.0 200");
        String publicContact = "sip:alice@" + RawSip.HOST + ":" + phone.getLocalPort();
        assertTrue(RawSip.header(ok, "Contact").contains("<" + publicContact + ">"), "Contact rewritten:\n" + ok);
        String route = RawSip.header(ok, "Record-Route");
        assertNotNull(route, ok);
        String toWithTag = RawSip.header(ok, "To");

        send(caller, inDialog("ACK", publicContact, route, toWithTag, callId, 1, caller));
        assertTrue(receive(phone, "ACK ").startsWith("ACK " + publicContact), "the ACK reaches the phone");

        send(caller, inDialog("BYE", publicContact, route, toWithTag, callId, 2, caller));
        String bye = receive(phone, "BYE ");
        send(phone, answer(bye, "200 OK"));
        assertTrue(receive(caller, "SIP/2.0 200").contains("CSeq: 2 BYE"));

        List<Map<String, Object>> cdr = ServiceDatabase.awaitRows(1, 10_000,
                "SELECT * FROM call_detail_record WHERE call_id = ?", callId);
        assertEquals("ANSWERED", cdr.get(0).get("disposition"));
        assertEquals(RawSip.HOST + ":" + phone.getLocalPort(), cdr.get(0).get("callee_signaling_address"));
    }

    /** Registers (or with 0, unregisters) alice's LAN Contact from {@code phone}, with digest. */
    private static void register(DatagramSocket phone, int expires) throws Exception {
        String callId = "nat-reg-" + phone.getLocalPort();
        String first = RawSip.udpExchange(phone, registerRequest(phone, callId, expires == 0 ? 3 : 1, expires, "")
                .getBytes(StandardCharsets.UTF_8), 5000);
        assertEquals(401, RawSip.status(first), first);
        String nonce = DigestClient.challengeParameter(first, "nonce");
        String credentials = DigestClient.credentials("Authorization", "MD5", "alice", "demo-alice-1", "REGISTER",
                "sip:localhost", nonce, "00000001");
        String ok = RawSip.udpExchange(phone, registerRequest(phone, callId, expires == 0 ? 4 : 2, expires, credentials)
                .getBytes(StandardCharsets.UTF_8), 5000);
        assertEquals(200, RawSip.status(ok), ok);
    }

    private static String registerRequest(DatagramSocket phone, String callId, int cseq, int expires, String headers) {
        return "REGISTER sip:localhost SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 192.168.77.10:5060;branch=" + RawSip.branch() + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:alice@localhost>;tag=natreg\r\n"
                + "To: <sip:alice@localhost>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " REGISTER\r\n"
                + "Contact: <" + LAN_CONTACT + ">\r\n"
                + "Expires: " + expires + "\r\n"
                + headers
                + "Content-Length: 0\r\n\r\n";
    }

    /** The phone's answer, with its LAN Contact. */
    private static String answer(String request, String status) {
        return RawSip.answer(request, status, "Contact: <" + LAN_CONTACT + ">\r\n");
    }

    private static String inDialog(String method, String target, String route, String to, String callId, int cseq,
            DatagramSocket caller) {
        return method + " " + target + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP " + RawSip.HOST + ":" + caller.getLocalPort() + ";branch=" + RawSip.branch() + ";rport\r\n"
                + "Route: " + route + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:someone@example.org>;tag=caller1\r\n"
                + "To: " + to + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " " + method + "\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    private static void send(DatagramSocket socket, String message) throws Exception {
        RawSip.send(socket, message);
    }

    /** The next datagram that starts with {@code start}, within 5 s. */
    private static String receive(DatagramSocket socket, String start) throws Exception {
        String text = RawSip.receiveStartingWith(socket, start, 5000);
        if (text == null) {
            throw new AssertionError("nothing starting with \"" + start + "\" came to port " + socket.getLocalPort());
        }
        return text;
    }
}
