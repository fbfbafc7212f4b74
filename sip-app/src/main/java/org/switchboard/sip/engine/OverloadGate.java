package org.switchboard.sip.engine;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Whether the server takes on new calls now, decided by how late it is, not by how much it holds.
 *
 * <p>Three signs of more work accepted than the machine can do:
 * <ul>
 * <li>a standing queue of datagrams waiting for the stack's threads to parse them: the oldest one's
 * wait, looked at ten times an interval, never fell under the target;</li>
 * <li>a standing queue at the SIP executor: the shortest wait of any task that started in the last
 * interval was above the target. A burst makes some tasks wait, but the queue drains within the
 * interval and the shortest wait falls to zero; only a queue that stays means overload (the idea
 * of CoDel, RFC 8289 section 3). By the time the executor's bounded queue is half full, as
 * {@link SheddingExecutor} counts it, tasks wait a third of a second, phones retransmit after half
 * a second (RFC 3261 Timer A, T1) and every retransmission is more work;</li>
 * <li>an observer that can't keep up ({@code behind}: the session traces' writer), whose queue would
 * otherwise grow until the heap is full of records waiting for the database.</li>
 * </ul>
 * Each interval's verdict holds for the next interval. A server that is late refuses new work
 * that carries no credentials (a call's or registration's first request): what it answers with
 * 407 or 401 becomes a second request, so refusing the second instead would waste the first.
 * Kamailio's ratelimit module sheds by load in the same spirit (its FEEDBACK pipe, by CPU).
 */
final class OverloadGate {

    private final long targetNanos;
    private final long intervalNanos;
    private final BooleanSupplier behind;
    private final LongSupplier stackWaitMillis;
    private final LongSupplier clock;

    private final AtomicLong intervalStart;
    private final AtomicLong shortestWait = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong shortestStackWait = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong lastLook;
    private volatile boolean late;

    /**
     * @param target the longest shortest-wait of an interval that still counts as keeping up
     * @param interval how long one verdict is gathered, and holds
     * @param behind whether an observer has fallen behind (asked once an interval)
     * @param stackWaitMillis how long the oldest datagram waiting for the stack has waited (ms)
     * @param clock nanoseconds ({@link System#nanoTime} in the server)
     */
    OverloadGate(java.time.Duration target, java.time.Duration interval, BooleanSupplier behind,
            LongSupplier stackWaitMillis, LongSupplier clock) {
        this.targetNanos = target.toNanos();
        this.intervalNanos = interval.toNanos();
        this.behind = behind;
        this.stackWaitMillis = stackWaitMillis;
        this.clock = clock;
        this.intervalStart = new AtomicLong(clock.getAsLong());
        this.lastLook = new AtomicLong(clock.getAsLong());
    }

    /** The gate's clock, in nanoseconds: what the executor stamps its tasks with. */
    long now() {
        return clock.getAsLong();
    }

    /** A task started on the executor after waiting {@code waitedNanos} in its queue. */
    void taskStarted(long waitedNanos) {
        roll(clock.getAsLong());
        shortestWait.accumulateAndGet(waitedNanos, Math::min);
    }

    /** False while the server is late: new work without credentials should get 503 now. */
    boolean admitsNewWork() {
        roll(clock.getAsLong());
        return !late;
    }

    private void roll(long now) {
        long look = lastLook.get();
        if (now - look >= intervalNanos / 10 && lastLook.compareAndSet(look, now)) {
            shortestStackWait.accumulateAndGet(stackWaitMillis.getAsLong() * 1_000_000L, Math::min);
        }
        long start = intervalStart.get();
        if (now - start < intervalNanos || !intervalStart.compareAndSet(start, now)) {
            return;
        }
        // One thread closes the interval. A task that starts while it does may count in either.
        long shortest = shortestWait.getAndSet(Long.MAX_VALUE);
        long shortestStack = shortestStackWait.getAndSet(Long.MAX_VALUE);
        // No task started: the executor was idle (or stuck, which the queue-length limit covers).
        late = (shortest != Long.MAX_VALUE && shortest > targetNanos)
                || (shortestStack != Long.MAX_VALUE && shortestStack > targetNanos)
                || behind.getAsBoolean();
    }
}
