package org.switchboard.application.batch;

import java.util.concurrent.ScheduledExecutorService;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The life of one record stream (traces, CDRs): an {@link AsyncBatchWriter} drained on a
 * scheduler (container-managed in the server), and emptied on {@link #stop()} so that a clean shutdown loses
 * nothing queued. The singletons that own one start it in @PostConstruct and stop it in @PreDestroy.
 */
public final class BatchRecorder<T> {

    private static final int SHUTDOWN_ATTEMPTS = 5;

    private final AsyncBatchWriter<T> writer;
    private final ScheduledFuture<?> drainer;
    /** The drain thread's scheduler when this recorder made it, else null (the caller's). */
    private final ScheduledExecutorService ownScheduler;

    public BatchRecorder(String name, BatchSettings settings, Consumer<List<T>> sink, ScheduledExecutorService scheduler) {
        this(name, settings, sink, scheduler, null);
    }

    private BatchRecorder(String name, BatchSettings settings, Consumer<List<T>> sink, ScheduledExecutorService scheduler,
            ScheduledExecutorService ownScheduler) {
        this.writer = new AsyncBatchWriter<>(name, settings.queueCapacity(), settings.batchSize(), sink);
        this.ownScheduler = ownScheduler;
        this.drainer = scheduler.scheduleWithFixedDelay(this::drain, settings.flushIntervalMillis(),
                settings.flushIntervalMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * A recorder with a drain thread of its own, made by {@code threads} (in the server a
     * ManagedThreadFactory, so the thread has the application's context). Not the server's managed
     * scheduler: once WildFly suspends for shutdown it refuses every scheduled run with an ERROR
     * line (WFLYEE0110), several a second, until {@link #stop()} writes what is left anyway.
     */
    public static <T> BatchRecorder<T> withOwnThread(String name, BatchSettings settings, Consumer<List<T>> sink,
            java.util.concurrent.ThreadFactory threads) {
        ScheduledExecutorService own = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(threads);
        return new BatchRecorder<>(name, settings, sink, own, own);
    }

    /** Never blocks; false when the queue is full (the record is counted as dropped). */
    public boolean offer(T record) {
        return writer.offer(record);
    }

    private void drain() {
        while (writer.flushOnce() > 0) {
            // until the queue is empty or the database refuses; the next tick retries
        }
    }

    public void stop() {
        drainer.cancel(false);
        if (ownScheduler != null) {
            ownScheduler.shutdown();
            try {
                ownScheduler.awaitTermination(10, TimeUnit.SECONDS); // a drain under way finishes first
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        writer.flushAll(SHUTDOWN_ATTEMPTS);
    }

    /** Records queued and not yet written. */
    public int queued() {
        return writer.queued();
    }

    public long dropped() {
        return writer.dropped();
    }

    public long written() {
        return writer.written();
    }
}
