package org.switchboard.sip.engine;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The SIP executor as the dispatcher uses it: new work is shed first. A task that starts new work
 * (a request outside any dialog) is refused once {@code newWorkLimit} tasks are queued or running;
 * a task that finishes work already accepted (a response, ACK, CANCEL, an in-dialog request) may
 * still fill the rest of the executor's bounded queue. Past capacity the server thus keeps
 * completing the calls and transactions it took on, instead of losing a share of every one.
 */
final class SheddingExecutor {

    private final Executor executor;
    private final int newWorkLimit;
    private final OverloadGate gate;
    private final AtomicInteger pending = new AtomicInteger();

    /** {@code gate} is told how long each task waited in the queue. */
    SheddingExecutor(Executor executor, int newWorkLimit, OverloadGate gate) {
        this.executor = executor;
        this.newWorkLimit = newWorkLimit;
        this.gate = gate;
    }

    /** Queues {@code task}; false if it was refused (the caller answers 503 or drops it). */
    boolean execute(Runnable task, boolean newWork) {
        if (newWork && pending.get() >= newWorkLimit) {
            return false;
        }
        pending.incrementAndGet();
        long queued = gate.now();
        try {
            executor.execute(() -> {
                gate.taskStarted(gate.now() - queued);
                try {
                    task.run();
                } finally {
                    pending.decrementAndGet();
                }
            });
            return true;
        } catch (RejectedExecutionException full) {
            pending.decrementAndGet();
            return false;
        }
    }

    /** Tasks queued or running now. */
    int pending() {
        return pending.get();
    }
}
