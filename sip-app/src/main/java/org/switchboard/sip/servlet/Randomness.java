package org.switchboard.sip.servlet;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Cryptographically strong randomness for the SIP path (tags, nonces): a DRBG per thread. The
 * default {@code new SecureRandom()} on Linux is NativePRNG, whose instances all share one lock:
 * REGISTERs at 1,000/s queued on it for 20 ms at a time (JFR, bench/README.md).
 */
public final class Randomness {

    private static final ThreadLocal<SecureRandom> PER_THREAD = ThreadLocal.withInitial(() -> {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("DRBG is in every Java platform since 9", e);
        }
    });

    private Randomness() {
    }

    /** This thread's generator. */
    public static SecureRandom current() {
        return PER_THREAD.get();
    }
}
