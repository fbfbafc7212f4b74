package org.switchboard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * baresip, a real softphone, as subscribers use the service: it registers over UDP and over TCP,
 * and alice (UDP) calls bob (TCP) through the proxy, which bridges the two transports with a
 * double Record-Route; the call is answered, carries audio for a moment and is hung up, and leaves
 * its CDR and trace.
 */
@ExtendWith(RunningService.class)
class BaresipIT {

    /** Ports beside the server's, by the test port offset; each phone takes two SIP ports (TLS). */
    private static int port(int n) {
        return RawSip.port() + 10_100 + n;
    }

    @Test
    void registersOverUdpAndTcp() throws Exception {
        for (String transport : List.of("udp", "tcp")) {
            try (BaresipPhone alice = new BaresipPhone("alice", "demo-alice-1", port(0), port(2), transport)) {
                alice.awaitRegistered(15);
            }
        }
    }

    @Test
    void aliceOverUdpCallsBobOverTcp() throws Exception {
        try (BaresipPhone bob = new BaresipPhone("bob", "demo-bob-1", port(10), port(12), "tcp");
                BaresipPhone alice = new BaresipPhone("alice", "demo-alice-1", port(20), port(22), "udp")) {
            bob.awaitRegistered(15);
            alice.awaitRegistered(15);

            alice.command("dial", "sip:bob@localhost");
            bob.await("CALL_ESTABLISHED", 15);
            alice.await("CALL_ESTABLISHED", 15);
            alice.await("CALL_RTPESTAB", 10); // bob's tone reached her: the SDP went through both ways
            Thread.sleep(1500);
            alice.command("hangup", "");
            bob.await("CALL_CLOSED", 15);
        }

        List<Map<String, Object>> cdrs = ServiceDatabase.awaitRows(1, 10_000,
                "SELECT * FROM call_detail_record WHERE caller_user_agent LIKE 'baresip%' AND callee_user_agent LIKE 'baresip%' "
                        + "ORDER BY id DESC");
        Map<String, Object> cdr = cdrs.get(0);
        assertEquals("ANSWERED", cdr.get("disposition"), cdr.toString());
        assertTrue((Integer) cdr.get("duration_seconds") >= 1, cdr.toString());
        // The CDR and the traces are written by two recorders on their own clocks: the CDR being
        // there says nothing of the BYE's trace rows, so wait for those too.
        Set<String> expected = Set.of("INVITE/UDP", "INVITE/TCP", "ACK/UDP", "ACK/TCP", "BYE/UDP", "BYE/TCP");
        Set<String> traced = methodsAndTransports(ServiceDatabase.awaitRows(
                "SELECT transport, method FROM trace_message WHERE call_id = ? AND method IS NOT NULL",
                rows -> methodsAndTransports(rows).containsAll(expected), 10_000, cdr.get("call_id")));
        assertTrue(traced.containsAll(expected), traced.toString());
    }

    private static Set<String> methodsAndTransports(List<Map<String, Object>> traces) {
        return traces.stream().map(t -> t.get("method") + "/" + t.get("transport")).collect(Collectors.toSet());
    }
}
