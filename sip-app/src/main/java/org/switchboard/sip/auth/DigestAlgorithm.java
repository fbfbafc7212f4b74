package org.switchboard.sip.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/** The digest algorithms the registrar offers: MD5 (RFC 2617) and SHA-256 (RFC 7616, RFC 8760 for SIP). */
public enum DigestAlgorithm {
    MD5("MD5", "MD5"),
    SHA_256("SHA-256", "SHA-256");

    private final String token;
    private final String jcaName;
    /** One digest per thread: MessageDigest.getInstance looks the provider up on every call. */
    private final ThreadLocal<MessageDigest> digests;

    DigestAlgorithm(String token, String jcaName) {
        this.token = token;
        this.jcaName = jcaName;
        this.digests = ThreadLocal.withInitial(this::newDigest);
    }

    private MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jcaName + " is mandatory in every Java platform", e);
        }
    }

    /** The name in the algorithm= parameter. */
    public String token() {
        return token;
    }

    /** Lowercase hex of the hash of {@code text} (UTF-8). */
    public String hash(String text) {
        return HexFormat.of().formatHex(digests.get().digest(text.getBytes(StandardCharsets.UTF_8))); // digest() resets it
    }

    /** The algorithm named by a challenge or Authorization parameter; absent means MD5 (RFC 2617). */
    public static Optional<DigestAlgorithm> fromToken(String token) {
        if (token == null || token.isBlank()) {
            return Optional.of(MD5);
        }
        String upper = token.trim().toUpperCase(Locale.ROOT);
        for (DigestAlgorithm algorithm : values()) {
            if (algorithm.token.equals(upper)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }
}
