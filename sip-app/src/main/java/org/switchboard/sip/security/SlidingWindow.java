package org.switchboard.sip.security;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * "More than {@code limit} events in {@code window}" per key (an address, an account), exactly:
 * each key keeps the times of its last {@code limit} events in a ring, so the event that finds
 * the oldest of them still inside the window is one too many (Kamailio's pike counts in slots;
 * this is the same rule without their rounding). Memory per key is {@code limit} longs; keys whose
 * events are all older than the window are swept every few thousand events, so spoofed sources
 * can't grow it for ever. Times are {@link System#nanoTime()} values passed in (tests choose them).
 */
final class SlidingWindow<K> {

    private static final int SWEEP_EVERY = 4096;

    private final int limit;
    private final long windowNanos;
    private final Map<K, Ring> rings = new ConcurrentHashMap<>();
    private int sinceSweep;

    SlidingWindow(int limit, long windowNanos) {
        if (limit < 1 || windowNanos < 1) {
            throw new IllegalArgumentException("limit and window must be positive");
        }
        this.limit = limit;
        this.windowNanos = windowNanos;
    }

    /** Records one event of {@code key} at {@code now}; true when it is more than the limit within the window. */
    boolean exceeded(K key, long now) {
        if (++sinceSweep >= SWEEP_EVERY) { // a lost increment under contention only delays the sweep
            sinceSweep = 0;
            sweep(now);
        }
        return rings.computeIfAbsent(key, k -> new Ring(limit)).add(now, windowNanos);
    }

    /** Events of {@code key} inside the window ending at {@code now}. */
    int count(K key, long now) {
        Ring ring = rings.get(key);
        return ring == null ? 0 : ring.count(now, windowNanos);
    }

    /** Forgets a key (its ban began, or its owner proved who they are). */
    void reset(K key) {
        rings.remove(key);
    }

    int keys() {
        return rings.size();
    }

    void sweep(long now) {
        rings.entrySet().removeIf(e -> e.getValue().idle(now, windowNanos));
    }

    /** The times of the last {@code limit} events; {@code next} is where the oldest is, and the next goes. */
    private static final class Ring {
        private final long[] times;
        private int next;
        private int size;

        Ring(int limit) {
            times = new long[limit];
        }

        synchronized boolean add(long now, long window) {
            boolean full = size == times.length;
            boolean over = full && now - times[next] < window;
            times[next] = now;
            next = (next + 1) % times.length;
            size = Math.min(size + 1, times.length);
            return over;
        }

        synchronized int count(long now, long window) {
            return (int) Arrays.stream(times, 0, size).filter(t -> now - t < window).count();
        }

        synchronized boolean idle(long now, long window) {
            int newest = (next - 1 + times.length) % times.length;
            return size == 0 || now - times[newest] >= window;
        }
    }
}
