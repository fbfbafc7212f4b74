package org.switchboard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramSocket;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client side of digest authentication (RFC 3261 section 22, qop=auth, RFC 8760), written
 * from the RFCs for the tests that speak raw SIP: the server's side is what they test.
 */
final class DigestClient {

    private DigestClient() {
    }

    /** A parameter of the first challenge in a reply, e.g. the nonce. */
    static String challengeParameter(String reply, String name) {
        Matcher m = Pattern.compile(name + "=\"([^\"]+)\"").matcher(reply);
        assertTrue(m.find(), "no " + name + " in\n" + reply);
        return m.group(1);
    }

    /**
     * An Authorization or Proxy-Authorization header line (with CRLF) for realm "localhost".
     *
     * @param algorithm "MD5" or "SHA-256"
     */
    static String credentials(String header, String algorithm, String user, String password, String method, String uri,
            String nonce, String nc) {
        String cnonce = "c" + nc;
        String ha1 = hash(algorithm, user + ":localhost:" + password);
        String ha2 = hash(algorithm, method + ":" + uri);
        String response = hash(algorithm, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
        return header + ": Digest username=\"" + user + "\", realm=\"localhost\", nonce=\"" + nonce + "\", uri=\"" + uri
                + "\", response=\"" + response + "\", algorithm=" + algorithm + ", qop=auth, nc=" + nc + ", cnonce=\""
                + cnonce + "\"\r\n";
    }

    /**
     * REGISTERs {@code user}@localhost from this socket, answering a 401 with digest (MD5); the final
     * status (a refusal without a challenge is returned as it is).
     */
    static int register(DatagramSocket phone, String user, String contact, String password, int expires) throws IOException {
        String callId = UUID.randomUUID() + "@register-test";
        String challenge = RawSip.udpExchange(phone, RawSip.register(phone, user, callId, 1, contact,
                "Expires: " + expires + "\r\n").getBytes(StandardCharsets.UTF_8), 5000);
        if (RawSip.status(challenge) != 401) {
            return RawSip.status(challenge);
        }
        String nonce = challengeParameter(challenge, "nonce");
        String authorization = credentials("Authorization", "MD5", user, password, "REGISTER", "sip:localhost", nonce, "00000001");
        String reply = RawSip.udpExchange(phone, RawSip.register(phone, user, callId, 2, contact,
                "Expires: " + expires + "\r\n" + authorization).getBytes(StandardCharsets.UTF_8), 5000);
        return RawSip.status(reply);
    }

    static String hash(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalArgumentException(algorithm, e);
        }
    }
}
