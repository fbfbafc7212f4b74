package org.switchboard.sip.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BanListTest {

    private static final long S = 1_000_000_000L;
    private final BanList bans = new BanList(Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(24));

    @Test
    void aBanEndsAfterItsTime() throws Exception {
        InetAddress attacker = InetAddress.getByName("192.0.2.7");
        assertFalse(bans.isBanned(attacker, 0));
        assertEquals(Duration.ofMinutes(5), bans.ban(attacker, 0, "test"));
        assertTrue(bans.isBanned(attacker, 299 * S));
        assertFalse(bans.isBanned(attacker, 300 * S));
        assertFalse(bans.isBanned(InetAddress.getByName("192.0.2.8"), 10 * S), "only that address");
    }

    @Test
    void repeatOffendersGetTwiceAsLongUpToTheMaximum() throws Exception {
        InetAddress attacker = InetAddress.getByName("2001:db8::1");
        assertEquals(Duration.ofMinutes(5), bans.ban(attacker, 0, "1"));
        assertEquals(null, bans.ban(attacker, 100 * S, "the same flood, seen by another thread"));
        assertEquals(Duration.ofMinutes(10), bans.ban(attacker, 400 * S, "2"));
        assertEquals(Duration.ofMinutes(20), bans.ban(attacker, 1200 * S, "3"));
        assertEquals(Duration.ofMinutes(30), bans.ban(attacker, 3000 * S, "4"));
        assertEquals(Duration.ofMinutes(30), bans.ban(attacker, 5000 * S, "5"));
    }

    @Test
    void anOffenceIsForgottenAfterTheMemory() throws Exception {
        InetAddress attacker = InetAddress.getByName("192.0.2.9");
        bans.ban(attacker, 0, "1");
        assertEquals(Duration.ofMinutes(5), bans.ban(attacker, 25 * 3600 * S, "again, a day later"));
    }

    @Test
    void supportLiftsABanAndSeesThoseInForce() throws Exception {
        InetAddress a = InetAddress.getByName("192.0.2.1");
        InetAddress b = InetAddress.getByName("192.0.2.2");
        bans.ban(a, 0, "flood");
        bans.ban(b, 100 * S, "guessing");
        assertEquals("192.0.2.2", bans.current(150 * S).get(0).address(), "longest remaining first");
        BanList.Snapshot lifted = bans.lift(a, 150 * S);
        assertEquals(Duration.ofSeconds(150), lifted.elapsed());
        assertEquals(Duration.ofSeconds(150), lifted.remaining());
        assertEquals(1, lifted.offences());
        assertFalse(bans.isBanned(a, 151 * S));
        assertEquals(1, bans.current(150 * S).size());
        assertNull(bans.lift(a, 160 * S), "not banned any more");
        assertEquals(Duration.ofMinutes(5), bans.ban(a, 170 * S, "flood again"), "a first offence again: lifting forgot it");
        assertNull(bans.lift(b, 500 * S), "an ended ban is not lifted, only forgotten");
    }
}
