package org.switchboard.sip.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules behind the residential limits, without a server: calls at once, calls per window, networks. */
class ResidentialLimitRulesTest {

    private static final long S = 1_000_000_000L;

    @Test
    void threeCallsAtOnceAndTheFourthIsRefusedUntilOneEnds() {
        CallLimits limits = new CallLimits(3, 10, 60 * S, 4 * 3600 * S);
        for (int i = 1; i <= 3; i++) {
            assertEquals(CallLimits.Verdict.NONE, limits.admit("alice", i * S));
            limits.started("call-" + i, "alice", i * S);
        }
        assertEquals(CallLimits.Verdict.CONCURRENT_CALLS, limits.admit("alice", 4 * S));
        assertEquals(CallLimits.Verdict.NONE, limits.admit("bob", 4 * S), "per account");
        limits.ended("call-2");
        assertEquals(CallLimits.Verdict.NONE, limits.admit("alice", 5 * S));
    }

    @Test
    void aCallWhoseEndWasLostStopsCountingAfterTheLongestCall() {
        CallLimits limits = new CallLimits(1, 10, 60 * S, 100 * S);
        limits.started("lost-bye", "alice", 0);
        assertEquals(CallLimits.Verdict.CONCURRENT_CALLS, limits.admit("alice", 99 * S));
        assertEquals(CallLimits.Verdict.NONE, limits.admit("alice", 100 * S));
    }

    @Test
    void eachAccountCountsOnlyItsOwnCallsAndAnEndedCallStopsCountingForItsAccount() {
        CallLimits limits = new CallLimits(2, 100, 60 * S, 4 * 3600 * S);
        for (int i = 0; i < 50; i++) {
            limits.started("bob-" + i, "bob", S);
        }
        limits.started("alice-1", "alice", S);
        assertEquals(1, limits.activeCalls("alice", 2 * S));
        assertEquals(50, limits.activeCalls("bob", 2 * S));
        limits.ended("alice-1");
        limits.ended("alice-1"); // a BYE retransmitted
        assertEquals(0, limits.activeCalls("alice", 3 * S));
        assertEquals(50, limits.activeCalls("bob", 3 * S));
        limits.ended("unknown-call");
        assertEquals(CallLimits.Verdict.NONE, limits.admit("alice", 4 * S));
    }

    @Test
    void tenNewCallsAMinuteAndTheEleventhIsRefused() {
        CallLimits limits = new CallLimits(3, 10, 60 * S, 4 * 3600 * S);
        for (int i = 0; i < 10; i++) {
            assertEquals(CallLimits.Verdict.NONE, limits.admit("alice", i * S), "call " + (i + 1));
        }
        assertEquals(CallLimits.Verdict.CALL_RATE, limits.admit("alice", 30 * S));
        assertEquals(CallLimits.Verdict.NONE, limits.admit("alice", 65 * S), "a minute after the first ones");
    }

    @Test
    void threeNetworksAtOnceAndAFourthIsTooMany() {
        LocationLimit limit = new LocationLimit(3, 24, 48);
        List<String> current = List.of("198.51.100.7", "198.51.100.9", "203.0.113.1", "2001:db8:1::5");
        assertEquals(3, limit.networks(current).size(), "two phones on one /24 are one location");
        assertTrue(limit.exceeded(current, "192.0.2.1"));
        assertFalse(limit.exceeded(current, "198.51.100.200"), "another phone at home");
        assertFalse(limit.exceeded(current, "2001:db8:1:ffff::1"), "same /48");
        assertFalse(limit.exceeded(List.of("198.51.100.7"), "192.0.2.1"));
    }
}
