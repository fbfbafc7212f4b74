package org.switchboard.sip.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.switchboard.application.config.InvalidSettingsException;
import org.switchboard.application.config.SettingsReader;
import org.switchboard.sip.auth.TestSettings;

/** The guard on the defaults of switchboard.properties, on a clock the test moves. */
class AbuseGuardTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1000 * MS;

    private final AtomicLong now = new AtomicLong(1_000 * S);

    private AbuseGuard guard(Map<String, String> overrides) {
        return AbuseGuard.of(settings(overrides), null, now::get);
    }

    static AbuseSettings settings(Map<String, String> overrides) {
        return AbuseSettings.from(SettingsReader.of(TestSettings.properties(overrides)));
    }

    @Test
    void tenFailuresAreToleratedTheEleventhBansForFiveMinutes() throws Exception {
        AbuseGuard guard = guard(Map.of());
        InetAddress attacker = InetAddress.getByName("127.0.0.2");
        for (int i = 0; i < 10; i++) {
            guard.authenticationFailed("127.0.0.2", "alice");
            now.addAndGet(S);
        }
        assertTrue(guard.admits(attacker));
        guard.authenticationFailed("127.0.0.2", "alice");
        assertFalse(guard.admits(attacker));
        assertTrue(guard.admits(InetAddress.getByName("127.0.0.1")), "the owner's address is not banned");
        now.addAndGet(299 * S);
        assertFalse(guard.admits(attacker));
        now.addAndGet(S);
        assertTrue(guard.admits(attacker));
        assertEquals(0, guard.bans().size());
    }

    @Test
    void aFloodOfSeventeenInTwoSecondsBansButAPhoneNever() throws Exception {
        AbuseGuard guard = guard(Map.of());
        InetAddress flooder = InetAddress.getByName("127.0.0.3");
        InetAddress phone = InetAddress.getByName("127.0.0.1");
        for (int i = 0; i < 16; i++) {
            assertTrue(guard.requestArrived(flooder));
            now.addAndGet(MS);
        }
        assertFalse(guard.requestArrived(flooder));
        assertFalse(guard.admits(flooder));
        // A busy phone: a call (INVITE, ACK, INVITE with credentials, ACK, BYE) every 2 s plus re-registrations.
        for (int i = 0; i < 600; i++) {
            assertTrue(guard.requestArrived(phone), "request " + i);
            now.addAndGet(400 * MS);
        }
        assertTrue(guard.admits(phone));
    }

    @Test
    void theNeverBanListIsNeitherCountedNorBanned() throws Exception {
        AbuseGuard guard = guard(Map.of("switchboard.abuse.never-ban", "127.0.0.0/29"));
        InetAddress monitor = InetAddress.getByName("127.0.0.3");
        for (int i = 0; i < 1000; i++) {
            assertTrue(guard.requestArrived(monitor));
            guard.authenticationFailed("127.0.0.3", "alice");
        }
        assertTrue(guard.admits(monitor));
        assertTrue(guard.bans().isEmpty());
    }

    @Test
    void supportLiftsABan() throws Exception {
        AbuseGuard guard = guard(Map.of());
        InetAddress flooder = InetAddress.getByName("192.0.2.1");
        for (int i = 0; i < 17; i++) {
            guard.requestArrived(flooder);
        }
        assertEquals("192.0.2.1", guard.bans().get(0).address());
        assertEquals(1, guard.lift("192.0.2.1").offences());
        assertTrue(guard.admits(flooder));
        assertNull(guard.lift("192.0.2.1"), "not banned any more");
    }

    @Test
    void guessingOneAccountFromManyAddressesThrottlesUnknownAddressesButNotTheOwner() {
        AbuseGuard guard = guard(Map.of());
        guard.authenticated("198.51.100.7", "alice"); // her phone, an hour ago
        now.addAndGet(3600 * S);
        // 31 failures from 31 addresses, each far under its own ban threshold.
        for (int i = 1; i <= 31; i++) {
            assertFalse(guard.throttles("203.0.113." + i, "alice"));
            guard.authenticationFailed("203.0.113." + i, "alice");
        }
        assertFalse(guard.throttles("198.51.100.7", "alice"), "the owner's address is never throttled");
        assertFalse(guard.throttles("203.0.113.200", "alice"), "one unknown attempt per interval is checked");
        assertTrue(guard.throttles("203.0.113.201", "alice"));
        assertTrue(guard.throttles("203.0.113.200", "alice"));
        assertFalse(guard.throttles("203.0.113.200", "bob"), "other accounts are not throttled");
        now.addAndGet(10 * S);
        assertFalse(guard.throttles("203.0.113.202", "alice"), "the next interval's turn");
        now.addAndGet(61 * S);
        assertFalse(guard.throttles("203.0.113.203", "alice"));
        assertFalse(guard.throttles("203.0.113.204", "alice"), "a window without failures ends the throttle");
    }

    @Test
    void badSettingsFailNamingTheKey() {
        InvalidSettingsException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidSettingsException.class,
                () -> settings(Map.of("switchboard.abuse.never-ban", "example.org", "switchboard.abuse.ban-max-seconds", "1")));
        assertTrue(e.getMessage().contains("switchboard.abuse.never-ban"), e.getMessage());
        assertTrue(e.getMessage().contains("switchboard.abuse.ban-max-seconds"), e.getMessage());
    }
}
