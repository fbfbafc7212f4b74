package org.switchboard.batch;

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

    public BatchRecorder(String name, BatchSettings settings, Consumer<List<T>> sink, ScheduledExecutorService scheduler) {
        this.writer = new AsyncBatchWriter<>(name, settings.queueCapacity(), settings.batchSize(), sink);
        this.drainer = scheduler.scheduleWithFixedDelay(this::drain, settings.flushIntervalMillis(),
                settings.flushIntervalMillis(), TimeUnit.MILLISECONDS);
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
