package org.switchboard.sip.auth;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.ConcurrentMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.switchboard.sip.config.SipSettings;
import org.switchboard.sip.servlet.Randomness;

/**
 * Digest nonces that expire and cannot be replayed.
 *
 * <p>A nonce is issued without storing anything: it carries its issue time and a random part,
 * signed with a key made at deployment (HMAC-SHA-256), so the server can tell its own nonces
 * and their age from forgeries. Only a nonce that has been answered is remembered, in the
 * Infinispan cache {@code switchboard/nonces} (entries expire with the nonce lifetime), together
 * with the highest nonce-count seen: a request must come with a higher count than the last one
 * (qop=auth), and a nonce used without qop is good once.
 */
@ApplicationScoped
public class NonceService {

    /** What a nonce and nonce-count amount to. */
    public enum Verdict {
        /** Ours, fresh, count not seen before: accept (if the digest matches). */
        FRESH,
        /** Ours but too old: challenge again with stale=true. */
        STALE,
        /** Ours and fresh, but this count (or this nonce without qop) was used already. */
        REPLAYED,
        /** Not made by this server (or by an earlier deployment): challenge again. */
        UNKNOWN
    }

    private static final int RANDOM_BYTES = 12;
    private static final int MAC_BYTES = 16;

    @Inject
    SipSettings settings;

    @Resource(lookup = "java:jboss/infinispan/cache/switchboard/nonces")
    ConcurrentMap<String, Long> used;

    Clock clock = Clock.systemUTC();
    private byte[] key;
    private Duration lifetime;

    @PostConstruct
    void init() {
        key = new byte[32];
        Randomness.current().nextBytes(key);
        lifetime = settings.sipAuthNonceLifetime();
    }

    /** A new nonce: base64url of issue time, random bytes and their MAC. */
    public String issue() {
        byte[] randomPart = new byte[RANDOM_BYTES];
        Randomness.current().nextBytes(randomPart);
        ByteBuffer body = ByteBuffer.allocate(Long.BYTES + RANDOM_BYTES);
        body.putLong(clock.millis()).put(randomPart);
        byte[] mac = mac(body.array());
        ByteBuffer nonce = ByteBuffer.allocate(body.capacity() + MAC_BYTES).put(body.array()).put(mac, 0, MAC_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(nonce.array());
    }

    /** Checks a nonce without using it up (e.g. before the digest itself is verified). */
    public Verdict check(String nonce) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            return Verdict.UNKNOWN;
        }
        if (raw.length != Long.BYTES + RANDOM_BYTES + MAC_BYTES) {
            return Verdict.UNKNOWN;
        }
        byte[] body = Arrays.copyOf(raw, Long.BYTES + RANDOM_BYTES);
        byte[] mac = Arrays.copyOfRange(raw, body.length, raw.length);
        if (!MessageDigest.isEqual(mac, Arrays.copyOf(mac(body), MAC_BYTES))) {
            return Verdict.UNKNOWN;
        }
        long issuedAt = ByteBuffer.wrap(body).getLong();
        long age = clock.millis() - issuedAt;
        if (age < 0 || age > lifetime.toMillis()) {
            return Verdict.STALE;
        }
        return Verdict.FRESH;
    }

    /**
     * Records the use of a nonce with a nonce-count (1 for requests without qop) once the digest
     * matched; REPLAYED if that count or a higher one was used already.
     */
    public Verdict use(String nonce, long nonceCount) {
        Verdict verdict = check(nonce);
        if (verdict != Verdict.FRESH) {
            return verdict;
        }
        boolean[] replay = {false};
        used.compute(nonce, (n, last) -> {
            if (last != null && nonceCount <= last) {
                replay[0] = true;
                return last;
            }
            return nonceCount;
        });
        return replay[0] ? Verdict.REPLAYED : Verdict.FRESH;
    }

    /** One keyed MAC per thread: Mac.getInstance looks the provider up each time, and a Mac is not thread-safe. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(() -> {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is mandatory in every Java platform", e);
        }
    });

    private byte[] mac(byte[] data) {
        return macs.get().doFinal(data);
    }
}
