package org.switchboard.sip.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per account: calls going on now (from the proxy's call events, by Call-ID) and new calls within
 * the window. A call whose end we never saw (a lost BYE) stops counting after {@code maxCallNanos},
 * as its CDR is closed then. Times are {@link System#nanoTime()} values.
 *
 * <p>The calls are kept per account so that admitting an INVITE looks at that account's calls
 * only: a scan of every call in progress, on every INVITE, cost 3 % of the CPU at 300 calls/s.
 */
final class CallLimits {

    /** Why a call is refused, or {@link #NONE}. */
    enum Verdict {
        NONE, CONCURRENT_CALLS, CALL_RATE
    }

    private final int maxConcurrent;
    private final long maxCallNanos;
    private final SlidingWindow<String> newCalls;
    /** Call-ID to the account it counts for, so that its end finds the account. */
    private final Map<String, String> userOfCall = new ConcurrentHashMap<>();
    /** Account to its calls in progress: Call-ID to the start time. */
    private final Map<String, Map<String, Long>> callsOfUser = new ConcurrentHashMap<>();

    CallLimits(int maxConcurrent, int maxNewCalls, long windowNanos, long maxCallNanos) {
        this.maxConcurrent = maxConcurrent;
        this.maxCallNanos = maxCallNanos;
        this.newCalls = new SlidingWindow<>(maxNewCalls, windowNanos);
    }

    /** An authenticated INVITE of {@code user} is about to start a call: may it? Counts it when it may. */
    Verdict admit(String user, long now) {
        if (atConcurrentLimit(user, now)) {
            return Verdict.CONCURRENT_CALLS;
        }
        return newCalls.exceeded(user, now) ? Verdict.CALL_RATE : Verdict.NONE;
    }

    void started(String callId, String user, long now) {
        String before = userOfCall.put(callId, user);
        if (before != null && !before.equals(user)) {
            forget(before, callId);
        }
        // compute, not computeIfAbsent and put: forget may drop the account's empty map in between
        callsOfUser.compute(user, (u, calls) -> {
            Map<String, Long> held = calls == null ? new ConcurrentHashMap<>() : calls;
            held.put(callId, now);
            return held;
        });
    }

    void ended(String callId) {
        String user = userOfCall.remove(callId);
        if (user != null) {
            forget(user, callId);
        }
    }

    int activeCalls(String user, long now) {
        Map<String, Long> calls = callsOfUser.get(user);
        if (calls == null) {
            return 0;
        }
        calls.entrySet().removeIf(call -> {
            boolean stale = now - call.getValue() >= maxCallNanos;
            if (stale) {
                userOfCall.remove(call.getKey(), user);
            }
            return stale;
        });
        return calls.size();
    }

    /**
     * Whether the account has its most calls at once. Calls whose end was lost are purged only
     * when the count with them reaches the limit: below it they change nothing. A purge on every
     * INVITE scanned all of an account's calls, and an account with thousands at once (SIPp, or a
     * flood) made each new call dearer the more calls were under way (7 % of the CPU at 1,200
     * calls/s offered, bench/README.md).
     */
    private boolean atConcurrentLimit(String user, long now) {
        Map<String, Long> calls = callsOfUser.get(user);
        return calls != null && calls.size() >= maxConcurrent && activeCalls(user, now) >= maxConcurrent;
    }

    /** Removes the call; the account's (now empty) entry goes with its last call. */
    private void forget(String user, String callId) {
        callsOfUser.computeIfPresent(user, (u, calls) -> {
            calls.remove(callId);
            return calls.isEmpty() ? null : calls;
        });
    }
}
