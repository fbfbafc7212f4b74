package org.switchboard.application.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes records from the SIP path without ever blocking it, and hands them to a sink in batches
 * from another thread. The queue is bounded: when the database falls behind for long, new records
 * are dropped and counted rather than filling the heap. A batch the sink fails on is kept and
 * tried again first, so a database outage loses nothing already queued. {@link #flushAll()}
 * empties the queue, for a clean shutdown.
 *
 * <p>Thread-safety: {@link #offer} from any number of threads; {@link #flushOnce} and
 * {@link #flushAll} from one thread at a time (they are synchronized).
 */
public final class AsyncBatchWriter<T> {

    private static final Logger LOG = Logger.getLogger(AsyncBatchWriter.class.getName());

    private final String name;
    private final BlockingQueue<T> queue;
    private final int batchSize;
    private final Consumer<List<T>> sink;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private List<T> retry = List.of();

    public AsyncBatchWriter(String name, int capacity, int batchSize, Consumer<List<T>> sink) {
        if (capacity < 1 || batchSize < 1) {
            throw new IllegalArgumentException(name + ": capacity and batch size must be positive");
        }
        this.name = name;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.batchSize = batchSize;
        this.sink = sink;
    }

    /** Queues a record; never blocks. Returns false, and counts it, when the queue is full. */
    public boolean offer(T record) {
        if (queue.offer(record)) {
            return true;
        }
        if (dropped.incrementAndGet() % 1000 == 1) {
            LOG.warning(() -> name + ": queue full, " + dropped.get() + " record(s) dropped so far");
        }
        return false;
    }

    /**
     * Writes at most one batch (the failed one first, if any). Returns how many records were
     * written, 0 when there was nothing to do or the sink failed.
     */
    public synchronized int flushOnce() {
        List<T> batch = retry;
        if (batch.isEmpty()) {
            batch = new ArrayList<>(batchSize);
            queue.drainTo(batch, batchSize);
            if (batch.isEmpty()) {
                return 0;
            }
        }
        try {
            sink.accept(batch);
            retry = List.of();
            written.addAndGet(batch.size());
            return batch.size();
        } catch (RuntimeException e) {
            retry = batch;
            LOG.log(Level.WARNING, name + ": writing " + batch.size() + " record(s) failed; will retry", e);
            return 0;
        }
    }

    /**
     * Writes everything queued, for shutdown. Gives up after {@code maxFailures} failed batches
     * in a row (the database is gone) and says how many records are lost.
     */
    public synchronized void flushAll(int maxFailures) {
        int failures = 0;
        while (!retry.isEmpty() || !queue.isEmpty()) {
            if (flushOnce() == 0 && (!retry.isEmpty() || !queue.isEmpty())) {
                if (++failures >= maxFailures) {
                    LOG.severe(name + ": database unavailable at shutdown, " + (retry.size() + queue.size()) + " record(s) not written");
                    return;
                }
            } else {
                failures = 0;
            }
        }
    }

    public int queued() {
        return queue.size() + retry.size();
    }

    public long dropped() {
        return dropped.get();
    }

    public long written() {
        return written.get();
    }
}
