package org.switchboard.sip.engine;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The timers of the SIP path: Timer C and the answer timers of proxied requests, a CDR's longest
 * call, a delivered MESSAGE's answer timeout, voicemail's wait for an ACK, MWI subscriptions.
 * Nearly all are cancelled long before they fire. The container's managed scheduler keeps a
 * cancelled task, and what it holds (a whole proxy context with its messages), until its time:
 * at 200 calls/s, 41,507 of them were live in the heap (Timer C alone is 3 minutes, the CDR's
 * longest call hours), which filled the 512 MB heap until full GCs stopped the calls. This one
 * removes a task when it is cancelled. Its threads come from the container's thread factory.
 */
@ApplicationScoped
public class SipTimers {

    private static final Logger LOG = Logger.getLogger(SipTimers.class.getName());

    @Resource
    ManagedThreadFactory threads;

    private ScheduledThreadPoolExecutor executor;

    @PostConstruct
    void start() {
        executor = new ScheduledThreadPoolExecutor(2, threads);
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Runs {@code task} once after the delay; a failure is logged, not lost in the future. */
    public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
        return executor.schedule(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a SIP timer failed", e);
            }
        }, delay, unit);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
