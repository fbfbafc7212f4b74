package org.switchboard.sip.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class OverloadGateTest {

    private static final long MS = 1_000_000L;

    private final AtomicLong clock = new AtomicLong(1_000 * MS);
    private final AtomicBoolean tracesBehind = new AtomicBoolean();
    private final AtomicLong stackWaitMillis = new AtomicLong();
    private final OverloadGate gate = new OverloadGate(Duration.ofMillis(50), Duration.ofMillis(100),
            tracesBehind::get, stackWaitMillis::get, clock::get);

    private void after(long millis) {
        clock.addAndGet(millis * MS);
    }

    /** Tasks start every 5 ms through one interval, each having waited {@code waitedMillis}. */
    private void intervalOfTasksWaiting(long... waitedMillis) {
        for (int i = 0; i < 20; i++) {
            gate.taskStarted(waitedMillis[i % waitedMillis.length] * MS);
            after(5);
        }
    }

    @Test
    void aQueueThatStaysAWholeIntervalClosesTheGateForTheNext() {
        intervalOfTasksWaiting(60, 80, 120);
        assertFalse(gate.admitsNewWork(), "every task waited over 50 ms: late");
    }

    @Test
    void aBurstThatDrainsWithinTheIntervalDoesNot() {
        // A 40 ms GC pause: the tasks behind it waited up to 300 ms, but the queue emptied after it.
        intervalOfTasksWaiting(300, 200, 100, 40, 0, 0, 0);
        assertTrue(gate.admitsNewWork(), "the shortest wait was 0: a burst, not overload");
    }

    @Test
    void theGateOpensAgainOnceTheQueueIsGone() {
        intervalOfTasksWaiting(90);
        assertFalse(gate.admitsNewWork());
        intervalOfTasksWaiting(90, 2);
        assertTrue(gate.admitsNewWork(), "one task that hardly waited: keeping up again");
    }

    @Test
    void anIdleExecutorIsNotLate() {
        intervalOfTasksWaiting(90);
        assertFalse(gate.admitsNewWork());
        after(100);
        after(100);
        assertTrue(gate.admitsNewWork(), "an interval without tasks: nothing queued");
    }

    @Test
    void aWriterBehindClosesTheGateUntilItCatchesUp() {
        tracesBehind.set(true);
        after(100);
        assertFalse(gate.admitsNewWork(), "traces' writer behind: late, though the executor is idle");
        tracesBehind.set(false);
        assertFalse(gate.admitsNewWork(), "the verdict holds for its interval");
        after(100);
        assertTrue(gate.admitsNewWork());
    }

    @Test
    void datagramsWaitingForTheStackAllIntervalLongCloseTheGate() {
        for (int i = 0; i < 20; i++) {
            stackWaitMillis.set(70 + i * 10); // the stack's queue grows, the executor never waits
            gate.taskStarted(0);
            after(5);
        }
        assertFalse(gate.admitsNewWork(), "the oldest datagram always waited over 50 ms");
    }

    @Test
    void aStackQueueThatEmptiesOnceInTheIntervalIsABurst() {
        for (int i = 0; i < 20; i++) {
            stackWaitMillis.set(i == 12 ? 0 : 400);
            gate.admitsNewWork();
            after(5);
        }
        assertTrue(gate.admitsNewWork());
    }
}
