package org.switchboard.sip.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NonceServiceTest {

    private final NonceService nonces = new NonceService();

    @BeforeEach
    void setUp() {
        nonces.settings = TestSettings.defaults(); // a nonce lifetime of 300000 ms
        nonces.used = new ConcurrentHashMap<>();
        nonces.clock = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
        nonces.init();
    }

    @Test
    void freshNonceCountsMustGrow() {
        String nonce = nonces.issue();
        assertEquals(NonceService.Verdict.FRESH, nonces.check(nonce));
        assertEquals(NonceService.Verdict.FRESH, nonces.use(nonce, 1));
        assertEquals(NonceService.Verdict.REPLAYED, nonces.use(nonce, 1));
        assertEquals(NonceService.Verdict.FRESH, nonces.use(nonce, 2));
        assertEquals(NonceService.Verdict.REPLAYED, nonces.use(nonce, 1));
    }

    @Test
    void oldNonceIsStale() {
        String nonce = nonces.issue();
        nonces.clock = Clock.offset(nonces.clock, Duration.ofMinutes(6));
        assertEquals(NonceService.Verdict.STALE, nonces.check(nonce));
        assertEquals(NonceService.Verdict.STALE, nonces.use(nonce, 1));
    }

    @Test
    void forgedOrForeignNonceIsUnknown() {
        String nonce = nonces.issue();
        char last = nonce.charAt(nonce.length() - 2);
        String forged = nonce.substring(0, nonce.length() - 2) + (last == 'A' ? 'B' : 'A') + nonce.charAt(nonce.length() - 1);
        assertEquals(NonceService.Verdict.UNKNOWN, nonces.check(forged));
        assertEquals(NonceService.Verdict.UNKNOWN, nonces.check("dcd98b7102dd2f0e8b11d0f600bfb0c093"));
        assertEquals(NonceService.Verdict.UNKNOWN, nonces.check("not base64 !"));
    }
}
