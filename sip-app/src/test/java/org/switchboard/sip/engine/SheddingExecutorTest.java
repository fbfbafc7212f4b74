package org.switchboard.sip.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

class SheddingExecutorTest {

    /** An executor with room for {@code capacity} tasks, run only when the test says so. */
    private static final class HeldExecutor implements Executor {
        final Deque<Runnable> held = new ArrayDeque<>();
        final int capacity;

        HeldExecutor(int capacity) {
            this.capacity = capacity;
        }

        @Override
        public void execute(Runnable task) {
            if (held.size() >= capacity) {
                throw new RejectedExecutionException("full");
            }
            held.add(task);
        }

        void runOne() {
            held.poll().run();
        }
    }

    private final HeldExecutor executor = new HeldExecutor(10);
    private final SheddingExecutor shedding = new SheddingExecutor(executor, 6,
            new OverloadGate(java.time.Duration.ofMillis(50), java.time.Duration.ofMillis(100), () -> false, () -> 0, System::nanoTime));

    @Test
    void newWorkIsRefusedAtItsLimitWhileWorkUnderWayStillFillsTheQueue() {
        for (int i = 0; i < 6; i++) {
            assertTrue(shedding.execute(() -> { }, true), "new request " + i);
        }
        assertFalse(shedding.execute(() -> { }, true), "the seventh new request is shed");
        for (int i = 0; i < 4; i++) {
            assertTrue(shedding.execute(() -> { }, false), "response or in-dialog request " + i);
        }
        assertFalse(shedding.execute(() -> { }, false), "the executor itself is full");
        assertEquals(10, shedding.pending());
    }

    @Test
    void roomComesBackAsTasksFinish() {
        for (int i = 0; i < 6; i++) {
            shedding.execute(() -> { }, true);
        }
        assertFalse(shedding.execute(() -> { }, true));
        executor.runOne();
        assertEquals(5, shedding.pending());
        assertTrue(shedding.execute(() -> { }, true), "one finished, one new admitted");
    }

    @Test
    void aTaskThatThrowsStillFreesItsPlace() {
        shedding.execute(() -> {
            throw new IllegalStateException("handler failed");
        }, true);
        try {
            executor.runOne();
        } catch (IllegalStateException expected) {
            // the executor's thread sees it; the count must not leak
        }
        assertEquals(0, shedding.pending());
    }
}
