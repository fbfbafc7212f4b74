package org.switchboard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * "No registration information (SIP REGISTER method) is stored": after the other classes have
 * registered, challenged and unregistered, the database holds nothing of it. Reads the running
 * service's database through ServiceDatabase (its PostgreSQL, or its H2 file).
 */
// Before AccountDeletionIT (MAX_VALUE - 1), which deletes bob.
@Order(Integer.MAX_VALUE - 2)
@ExtendWith(RunningService.class)
class DataPolicyIT {

    @Test
    void noRegisterReachesTheDatabase() throws Exception {
        // One more registration now, so the check does not depend on class order.
        ExternalPeer.Result result = ExternalPeer.run(30, "sipsak", "-U", "-x", "120", "-u", "bob", "-a", "demo-bob-1",
                "-s", "sip:bob@" + RawSip.HOST + ":" + RawSip.port());
        assertEquals(0, result.exitCode(), result.output());
        // The trace recorder writes in batches every 200 ms: a REGISTER it had queued would not be in
        // the database yet. A call attempt made after the registration is traced, and the recorder
        // writes in order from one queue, so once its rows are there every earlier one is too.
        String marker = markerCall();
        List<Map<String, Object>> markerRows = ServiceDatabase.awaitRows(
                "SELECT status_code FROM trace_message WHERE call_id = ?",
                rows -> rows.stream().anyMatch(row -> Integer.valueOf(480).equals(row.get("status_code"))), 10_000, marker);
        assertTrue(markerRows.stream().anyMatch(row -> Integer.valueOf(480).equals(row.get("status_code"))),
                "the marker call's 480 was never traced: " + markerRows);

        assertEquals(0L, ServiceDatabase.query("SELECT count(*) AS n FROM trace_message WHERE upper(method) = 'REGISTER'"
                + " OR upper(cseq_method) = 'REGISTER' OR raw_text LIKE 'REGISTER %'").get(0).get("n"), "REGISTER rows in trace_message");
        // No table for registrations or bindings exists at all.
        List<String> tables = ServiceDatabase.tableNames();
        assertTrue(tables.contains("trace_message"), tables.toString());
        assertTrue(tables.stream().noneMatch(t -> t.contains("regist") || t.contains("binding") || t.contains("location")),
                tables.toString());
    }

    /**
     * "MESSAGE is not traced; the stored copy is the only copy": a MESSAGE proxied to a phone, one
     * stored (202) and delivered when the phone registers, and then a traced marker call; once the
     * marker's rows are written, no trace row belongs to a MESSAGE transaction.
     */
    @Test
    void noMessageReachesTheTraces() throws Exception {
        try (MessagePhone phone = MessagePhone.newSubscriber("untraced")) {
            assertEquals(202, RawSip.status(MessagePhone.send(phone.user, "stored, then delivered")));
            assertEquals(200, phone.register(600));
            assertEquals(1, phone.awaitReceived(1, 10_000).size());
            assertEquals(200, RawSip.status(MessagePhone.send(phone.user, "proxied")));
            assertEquals(0, phone.awaitStored(0, 5000));
        }
        String marker = markerCall();
        List<Map<String, Object>> markerRows = ServiceDatabase.awaitRows(1, 10_000,
                "SELECT status_code FROM trace_message WHERE call_id = ?", marker);
        assertTrue(!markerRows.isEmpty(), "the marker call was never traced");
        assertEquals(0L, ServiceDatabase.query("SELECT count(*) AS n FROM trace_message WHERE upper(cseq_method) = 'MESSAGE'"
                + " OR raw_text LIKE 'MESSAGE %' OR raw_text LIKE '%stored, then delivered%'").get(0).get("n"),
                "MESSAGE rows in trace_message");
    }

    /**
     * A call from another domain to a user we do not have (480, as for one not registered: no user
     * enumeration; traced, no credentials needed); its Call-ID. The 480 is acknowledged so that the server stops retransmitting it.
     */
    private static String markerCall() throws Exception {
        String callId = "data-policy-marker-" + UUID.randomUUID();
        try (DatagramSocket socket = RawSip.udpSocket()) {
            String via = "Via: SIP/2.0/UDP " + RawSip.HOST + ":" + socket.getLocalPort() + ";branch=" + RawSip.branch() + ";rport\r\n";
            String common = "Max-Forwards: 70\r\n"
                    + "From: <sip:marker@example.org>;tag=marker\r\n"
                    + "Call-ID: " + callId + "\r\n";
            String uri = "sip:nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@localhost";
            String reply = RawSip.udpExchange(socket, ("INVITE " + uri + " SIP/2.0\r\n" + via + common
                    + "To: <" + uri + ">\r\n"
                    + "CSeq: 1 INVITE\r\n"
                    + "Contact: <sip:marker@" + RawSip.HOST + ":" + socket.getLocalPort() + ">\r\n"
                    + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.UTF_8), 5000);
            assertEquals(480, RawSip.status(reply), reply);
            // RFC 3261 17.1.1.3: the ACK of a non-2xx has the INVITE's branch and the answer's To.
            RawSip.send(socket, "ACK " + uri + " SIP/2.0\r\n" + via + common
                    + "To: " + RawSip.header(reply, "To") + "\r\n"
                    + "CSeq: 1 ACK\r\n"
                    + "Content-Length: 0\r\n\r\n");
        }
        return callId;
    }
}
