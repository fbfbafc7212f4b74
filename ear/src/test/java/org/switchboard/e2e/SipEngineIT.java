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

    /** TLS on 5061 (+ offset) with the self-signed certificate the run command made for the demo. */
    @Test
    void optionsOverTlsGets200() throws Exception {
        javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
        tls.init(null, new javax.net.ssl.TrustManager[] {new javax.net.ssl.X509TrustManager() {
            @Override
            public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String type) {
            }

            @Override
            public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String type) {
                // self-signed in demo mode: what is checked here is that TLS carries SIP
            }

            @Override
            public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                return new java.security.cert.X509Certificate[0];
            }
        }}, null);
        int tlsPort = RawSip.port() + 1;
        try (javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) tls.getSocketFactory()
                .createSocket(RawSip.HOST, tlsPort)) {
            socket.setSoTimeout(5000);
            socket.startHandshake();
            socket.getOutputStream().write(RawSip.request("OPTIONS", "sips:" + RawSip.HOST + ":" + tlsPort,
                    socket.getLocalPort(), "TLS", "").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            String reply = RawSip.readReply(socket.getInputStream());
            assertEquals(200, RawSip.status(reply), reply);
            assertTrue(socket.getSession().getProtocol().startsWith("TLSv1."), socket.getSession().getProtocol());
        }
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
