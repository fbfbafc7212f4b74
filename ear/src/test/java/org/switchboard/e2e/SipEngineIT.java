package org.switchboard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The SIP engine in the deployed EAR, asked by sipsak and by hand-made requests. */
@ExtendWith(RunningService.class)
class SipEngineIT {

    private static final String SERVER = "sip:" + RawSip.HOST + ":" + RawSip.port();

    @Test
    void sipsakOptionsOverUdpGets200WithAllow() throws Exception {
        ExternalPeer.Result result = ExternalPeer.run(20, "sipsak", "-vv", "-s", SERVER);
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("SIP/2.0 200 OK"), result.output());
        assertTrue(result.output().matches("(?s).*Allow: [^\\r\\n]*OPTIONS.*"), result.output());
    }

    @Test
    void sipsakOptionsOverTcpGets200() throws Exception {
        ExternalPeer.Result result = ExternalPeer.run(20, "sipsak", "-vv", "-E", "tcp", "-s", SERVER);
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("SIP/2.0 200 OK"), result.output());
    }

    @Test
    void unknownMethodGets501() throws Exception {
        assertEquals(501, RawSip.status(RawSip.udp("FROBNICATE", SERVER, "")));
        assertEquals(501, RawSip.status(RawSip.tcp("FROBNICATE", SERVER, "")));
    }

    @Test
    void knownMethodNoServletTakesGets405WithAllow() throws Exception {
        String reply = RawSip.udp("PUBLISH", "sip:tester@localhost", "Event: presence\r\n");
        assertEquals(405, RawSip.status(reply), reply);
        String allow = RawSip.header(reply, "Allow");
        assertNotNull(allow, reply);
        assertTrue(allow.contains("OPTIONS"), allow);
    }

    @Test
    void optionsOverTcpListsAllowedMethods() throws Exception {
        String reply = RawSip.tcp("OPTIONS", SERVER, "");
        assertEquals(200, RawSip.status(reply), reply);
        assertTrue(RawSip.header(reply, "Allow").contains("OPTIONS"), reply);
    }

    /** RFC 3581: the reply carries received and rport and goes back to the port the request came from. */
    @Test
    void repliesHonourRport() throws Exception {
        try (DatagramSocket socket = RawSip.udpSocket()) {
            // Via names a port nobody listens on, as a phone behind NAT would.
            String request = RawSip.request("OPTIONS", SERVER, 1, "UDP", "");
            String reply = RawSip.udpExchange(socket, request.getBytes(StandardCharsets.UTF_8), 3000);
            assertEquals(200, RawSip.status(reply), reply);
            String via = RawSip.header(reply, "Via");
            assertTrue(via.contains("rport=" + socket.getLocalPort()), via);
            assertTrue(via.contains("received=127.0.0.1"), via);
        }
    }
}
