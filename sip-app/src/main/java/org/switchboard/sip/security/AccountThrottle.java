package org.switchboard.sip.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Password guessing of one account from many addresses (each staying under the per-address ban):
 * when an account has more failed answers than {@code account-failures} within the window, its
 * checks from addresses that did not authenticate as it lately are throttled to one per interval;
 * the rest are answered as wrong without being checked. The owner, from an address it
 * authenticated from within {@code account-known-address-hours}, is never throttled, so a guessing
 * campaign does not lock the owner out; from a new address it gets in within a few retries.
 */
final class AccountThrottle {

    private final SlidingWindow<String> failures;
    private final long knownNanos;
    private final long intervalNanos;
    private final long windowNanos;
    /** user -> (address -> when it last authenticated). */
    private final Map<String, Map<String, Long>> known = new ConcurrentHashMap<>();
    /** user -> when its throttle began (the failure that tripped it, and each one after). */
    private final Map<String, Long> throttledSince = new ConcurrentHashMap<>();
    /** user -> when an unknown address last had its checked attempt. */
    private final Map<String, AtomicLong> lastUnknownTurn = new ConcurrentHashMap<>();

    AccountThrottle(AbuseSettings settings) {
        windowNanos = settings.accountFailureWindow().toNanos();
        failures = new SlidingWindow<>(settings.accountFailures(), windowNanos);
        knownNanos = settings.accountKnownAddressTime().toNanos();
        intervalNanos = settings.accountUnknownAttemptInterval().toNanos();
    }

    void failed(String user, long now) {
        if (user == null) {
            return;
        }
        if (failures.exceeded(user, now) || throttledSince.containsKey(user)) {
            throttledSince.put(user, now); // lasts one window past the last failure
        }
    }

    void authenticated(String user, String ip, long now) {
        Map<String, Long> addresses = known.computeIfAbsent(user, u -> new ConcurrentHashMap<>());
        addresses.values().removeIf(t -> now - t >= knownNanos); // a handful per account: the owner's phones
        addresses.put(ip, now);
    }

    boolean throttles(String user, String ip, long now) {
        if (user == null) {
            return false;
        }
        Long since = throttledSince.get(user);
        if (since == null) {
            return false;
        }
        if (now - since >= windowNanos) {
            throttledSince.remove(user, since);
            return false;
        }
        Map<String, Long> addresses = known.get(user);
        Long seen = addresses == null ? null : addresses.get(ip);
        if (seen != null && now - seen < knownNanos) {
            return false;
        }
        AtomicLong last = lastUnknownTurn.computeIfAbsent(user, u -> new AtomicLong(now - intervalNanos));
        long previous = last.get();
        return !(now - previous >= intervalNanos && last.compareAndSet(previous, now));
    }
}
