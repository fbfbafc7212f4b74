package org.switchboard.persistence.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * HA1 = H(username ":" realm ":" password) of HTTP/SIP digest authentication, as lowercase hex:
 * MD5 per RFC 2617, SHA-256 per RFC 7616 / RFC 8760. Storing HA1 lets the registrar check digests
 * without ever keeping the clear password.
 */
public final class DigestHa1 {

    private DigestHa1() {
    }

    public static String md5(String user, String realm, String password) {
        return hash("MD5", user, realm, password);
    }

    public static String sha256(String user, String realm, String password) {
        return hash("SHA-256", user, realm, password);
    }

    private static String hash(String algorithm, String user, String realm, String password) {
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm);
            byte[] a1 = (user + ":" + realm + ":" + password).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(digest.digest(a1));
        } catch (NoSuchAlgorithmException e) {
            // Both algorithms are mandatory in every Java platform.
            throw new IllegalStateException(algorithm + " not available", e);
        }
    }
}
