package org.switchboard.sip.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per account: calls going on now (from the proxy's call events, by Call-ID) and new calls within
 * the window. A call whose end we never saw (a lost BYE) stops counting after {@code maxCallNanos},
 * as its CDR is closed then. Times are {@link System#nanoTime()} values.
 */
final class CallLimits {

    /** Why a call is refused, or {@link #NONE}. */
    enum Verdict {
        NONE, CONCURRENT_CALLS, CALL_RATE
    }

    private record Active(String user, long startedNanos) {
    }

    private final int maxConcurrent;
    private final long maxCallNanos;
    private final SlidingWindow<String> newCalls;
    private final Map<String, Active> active = new ConcurrentHashMap<>();

    CallLimits(int maxConcurrent, int maxNewCalls, long windowNanos, long maxCallNanos) {
        this.maxConcurrent = maxConcurrent;
        this.maxCallNanos = maxCallNanos;
        this.newCalls = new SlidingWindow<>(maxNewCalls, windowNanos);
    }

    /** An authenticated INVITE of {@code user} is about to start a call: may it? Counts it when it may. */
    Verdict admit(String user, long now) {
        if (activeCalls(user, now) >= maxConcurrent) {
            return Verdict.CONCURRENT_CALLS;
        }
        return newCalls.exceeded(user, now) ? Verdict.CALL_RATE : Verdict.NONE;
    }

    void started(String callId, String user, long now) {
        active.put(callId, new Active(user, now));
    }

    void ended(String callId) {
        active.remove(callId);
    }

    int activeCalls(String user, long now) {
        active.values().removeIf(a -> now - a.startedNanos() >= maxCallNanos);
        int count = 0;
        for (Active call : active.values()) {
            if (call.user().equals(user)) {
                count++;
            }
        }
        return count;
    }
}
