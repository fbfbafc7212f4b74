package org.switchboard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A call to {@code sip:bob@127.0.0.1}, the server's own address instead of its domain: phones
 * dialled by IP do this. It reaches bob, and it is bob's call: his account is the callee of the
 * CDR and the "to" account of the trace rows, so he sees it in the portal. Raw SIP over UDP.
 */
@ExtendWith(RunningService.class)
class LocalAddressCallIT {

    private static final String CALLEE = "sip:bob@" + RawSip.HOST;

    @Test
    void aCallToOurAddressIsBobsCallInItsCdrAndTraces() throws Exception {
        try (DatagramSocket phone = RawSip.udpSocket(); DatagramSocket caller = RawSip.udpSocket()) {
            String contact = "<sip:bob@" + RawSip.HOST + ":" + phone.getLocalPort() + ">";
            register(phone, contact, 1, 600);
            String callId = "by-address-" + UUID.randomUUID();
            try {
                call(phone, caller, callId);
            } finally {
                register(phone, contact, 3, 0);
            }

            Object bob = ServiceDatabase.query("SELECT id FROM account WHERE sip_user = 'bob'").get(0).get("id");
            List<Map<String, Object>> cdr = ServiceDatabase.awaitRows(1, 10_000,
                    "SELECT * FROM call_detail_record WHERE call_id = ?", callId);
            assertEquals(1, cdr.size(), "one CDR for " + callId);
            assertEquals("ANSWERED", cdr.get(0).get("disposition"));
            assertEquals(CALLEE, cdr.get(0).get("callee_uri"));
            assertEquals(bob, cdr.get(0).get("callee_account_id"), "the callee of sip:bob@127.0.0.1 is bob's account");

            // INVITE in and out, 100, 200 in and out, ACK in and out, BYE in and out, 200 in and out
            List<Map<String, Object>> traces = ServiceDatabase.awaitRows(11, 10_000,
                    "SELECT * FROM trace_message WHERE call_id = ? ORDER BY id", callId);
            assertEquals(11, traces.size(), "every message of the call traced: " + traces);
            for (Map<String, Object> trace : traces) {
                assertTrue(trace.get("raw_text").toString().contains(CALLEE), trace.get("raw_text").toString());
                assertEquals(bob, trace.get("to_account_id"), "bob's account on " + trace.get("direction") + " "
                        + (trace.get("method") != null ? trace.get("method") : trace.get("status_code")));
            }
        }
    }

    /** Someone from another domain calls bob by our address; bob's phone answers; the caller hangs up. */
    private static void call(DatagramSocket phone, DatagramSocket caller, String callId) throws Exception {
        RawSip.send(caller, request("INVITE", CALLEE, "To: <" + CALLEE + ">", callId, 1, caller, ""));
        String forwarded = receive(phone, "INVITE ");
        assertTrue(forwarded.startsWith("INVITE sip:bob@" + RawSip.HOST + ":" + phone.getLocalPort()), forwarded);
        RawSip.send(phone, RawSip.answer(forwarded, "200 OK", "Contact: <sip:bob@" + RawSip.HOST + ":" + phone.getLocalPort() + ">\r\n"));

        String ok = receive(caller, "SIP/2.0 200");
        String to = RawSip.header(ok, "To");
        String route = "Route: " + RawSip.header(ok, "Record-Route") + "\r\n";
        String target = "sip:bob@" + RawSip.HOST + ":" + phone.getLocalPort();
        RawSip.send(caller, request("ACK", target, "To: " + to, callId, 1, caller, route));
        receive(phone, "ACK ");

        RawSip.send(caller, request("BYE", target, "To: " + to, callId, 2, caller, route));
        String bye = receive(phone, "BYE ");
        RawSip.send(phone, RawSip.answer(bye, "200 OK", ""));
        assertTrue(receive(caller, "SIP/2.0 200").contains("CSeq: 2 BYE"));
    }

    private static String request(String method, String uri, String to, String callId, int cseq, DatagramSocket caller,
            String extraHeaders) {
        return method + " " + uri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP " + RawSip.HOST + ":" + caller.getLocalPort() + ";branch=" + RawSip.branch() + ";rport\r\n"
                + extraHeaders
                + "Max-Forwards: 70\r\n"
                + "From: <sip:someone@example.org>;tag=byaddress\r\n"
                + to + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " " + method + "\r\n"
                + "Contact: <sip:someone@" + RawSip.HOST + ":" + caller.getLocalPort() + ">\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    /** Registers (or with 0, unregisters) {@code contact} for bob, with digest. */
    private static void register(DatagramSocket phone, String contact, int cseq, int expires) throws Exception {
        String callId = "by-address-reg-" + phone.getLocalPort();
        String first = RawSip.udpExchange(phone, RawSip.register(phone, "bob", callId, cseq, contact, "Expires: " + expires + "\r\n")
                .getBytes(StandardCharsets.UTF_8), 5000);
        assertEquals(401, RawSip.status(first), first);
        String credentials = DigestClient.credentials("Authorization", "MD5", "bob", "demo-bob-1", "REGISTER",
                "sip:localhost", DigestClient.challengeParameter(first, "nonce"), "00000001");
        String ok = RawSip.udpExchange(phone, RawSip.register(phone, "bob", callId, cseq + 1, contact,
                "Expires: " + expires + "\r\n" + credentials).getBytes(StandardCharsets.UTF_8), 5000);
        assertEquals(200, RawSip.status(ok), ok);
    }

    private static String receive(DatagramSocket socket, String start) throws Exception {
        String text = RawSip.receiveStartingWith(socket, start, 5000);
        if (text == null) {
            throw new AssertionError("nothing starting with \"" + start + "\" came to port " + socket.getLocalPort());
        }
        return text;
    }
}
