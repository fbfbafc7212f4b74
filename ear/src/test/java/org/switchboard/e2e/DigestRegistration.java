package org.switchboard.e2e;

import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Registers a phone's Contact with digest authentication (RFC 3261 section 22, qop=auth, MD5),
 * as a SIPp phone would before taking calls. Done in Java because SIPp only answers the first
 * challenge and only with MD5, while the server offers SHA-256 first (RFC 8760).
 */
final class DigestRegistration {

    private DigestRegistration() {
    }

    /** The final status of REGISTER for {@code user} with Contact {@code sip:user@127.0.0.1:contactPort}. */
    static int register(String user, String password, int contactPort, int expires) throws Exception {
        String callId = UUID.randomUUID() + "@test";
        try (DatagramSocket socket = RawSip.udpSocket()) {
            String first = RawSip.udpExchange(socket, request(socket.getLocalPort(), user, contactPort, expires, callId, 1, "")
                    .getBytes(StandardCharsets.UTF_8), 5000);
            int status = RawSip.status(first);
            if (status != 401) {
                return status;
            }
            String nonce = md5Nonce(first);
            String uri = "sip:localhost";
            String ha1 = md5(user + ":localhost:" + password);
            String ha2 = md5("REGISTER:" + uri);
            String cnonce = UUID.randomUUID().toString().substring(0, 8);
            String response = md5(ha1 + ":" + nonce + ":00000001:" + cnonce + ":auth:" + ha2);
            String authorization = "Authorization: Digest username=\"" + user + "\", realm=\"localhost\", nonce=\"" + nonce
                    + "\", uri=\"" + uri + "\", response=\"" + response + "\", algorithm=MD5, qop=auth, nc=00000001, cnonce=\""
                    + cnonce + "\"\r\n";
            String second = RawSip.udpExchange(socket, request(socket.getLocalPort(), user, contactPort, expires, callId, 2, authorization)
                    .getBytes(StandardCharsets.UTF_8), 5000);
            return RawSip.status(second);
        }
    }

    private static String request(int localPort, String user, int contactPort, int expires, String callId, int cseq, String extra) {
        return "REGISTER sip:localhost SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP " + RawSip.HOST + ":" + localPort + ";branch=" + RawSip.branch() + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:" + user + "@localhost>;tag=" + callId.substring(0, 8) + "\r\n"
                + "To: <sip:" + user + "@localhost>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " REGISTER\r\n"
                + "Contact: <sip:" + user + "@" + RawSip.HOST + ":" + contactPort + ">\r\n"
                + "Expires: " + expires + "\r\n"
                + extra
                + "Content-Length: 0\r\n\r\n";
    }

    private static String md5Nonce(String challenge) {
        for (String line : challenge.split("\r\n")) {
            if (line.startsWith("WWW-Authenticate:") && line.contains("MD5")) {
                Matcher nonce = Pattern.compile("nonce=\"([^\"]+)\"").matcher(line);
                if (nonce.find()) {
                    return nonce.group(1);
                }
            }
        }
        throw new AssertionError("no MD5 challenge in:\n" + challenge);
    }

    private static String md5(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
