package org.switchboard.application.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Group commit: records that must be durable before their producer may answer (a stored MESSAGE's
 * 202) are queued, and one writer thread takes everything queued, hands it to the sink as one
 * batch (one transaction, one commit) and only when the sink has returned completes each
 * record's future with its result. So a burst pays one commit (one fsync) per batch instead of
 * one per record, and no producer waits on the database: it answers from the future's callback.
 *
 * <p>Unlike {@link AsyncBatchWriter} nothing is retried behind the producer's back: a batch the
 * sink fails on is tried again one record at a time (so one record the database refuses fails
 * only itself), and a record that fails then completes exceptionally, for the producer to answer
 * "not stored". After {@value #GIVE_UP_AFTER} such failures in a row the database is taken to be
 * refusing everything and the rest of the batch fails without being tried.
 *
 * <p>Bounded: {@link #offer} returns null when the queue is full, and after {@link #close}.
 * Thread-safety: {@link #offer} from any thread; {@link #writeOnce} from one thread at a time.
 */
public final class GroupCommitQueue<T, R> {

    private static final Logger LOG = Logger.getLogger(GroupCommitQueue.class.getName());
    private static final int GIVE_UP_AFTER = 3;

    private record Waiting<T, R>(T record, CompletableFuture<R> result) {
    }

    private final String name;
    private final BlockingQueue<Waiting<T, R>> queue;
    private final int batchSize;
    private final Function<List<T>, List<R>> sink;
    private volatile boolean closed;

    /** {@code sink}: writes and commits a batch, returning one result per record in the same order, or throws. */
    public GroupCommitQueue(String name, int capacity, int batchSize, Function<List<T>, List<R>> sink) {
        if (capacity < 1 || batchSize < 1) {
            throw new IllegalArgumentException(name + ": capacity and batch size must be positive");
        }
        this.name = name;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.batchSize = batchSize;
        this.sink = sink;
    }

    /** Queues a record; never blocks. Its result once committed, or null when the queue is full or closed. */
    public CompletableFuture<R> offer(T record) {
        if (closed) {
            return null;
        }
        Waiting<T, R> waiting = new Waiting<>(record, new CompletableFuture<>());
        return queue.offer(waiting) ? waiting.result() : null;
    }

    /**
     * Waits up to {@code timeout} for a record, then writes it with every other one queued (up to
     * the batch size) and completes their futures. Returns how many records it took.
     */
    public int writeOnce(long timeout, TimeUnit unit) throws InterruptedException {
        Waiting<T, R> first = queue.poll(timeout, unit);
        if (first == null) {
            return 0;
        }
        List<Waiting<T, R>> batch = new ArrayList<>(Math.min(batchSize, queue.size() + 1));
        batch.add(first);
        queue.drainTo(batch, batchSize - 1);
        write(batch);
        return batch.size();
    }

    /** Refuses new records and writes what is queued (shutdown). */
    public void close() {
        closed = true;
        try {
            while (writeOnce(0, TimeUnit.MILLISECONDS) > 0) {
                // until empty
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public int queued() {
        return queue.size();
    }

    private void write(List<Waiting<T, R>> batch) {
        List<R> results;
        try {
            results = sink.apply(batch.stream().map(Waiting::record).toList());
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).result().completeExceptionally(e);
            } else {
                LOG.log(Level.WARNING, name + ": a batch of " + batch.size() + " failed; trying them one at a time", e);
                oneAtATime(batch);
            }
            return;
        }
        if (results.size() != batch.size()) {
            throw new IllegalStateException(name + ": the sink gave " + results.size() + " results for " + batch.size());
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).result().complete(results.get(i));
        }
    }

    private void oneAtATime(List<Waiting<T, R>> batch) {
        int failuresInARow = 0;
        RuntimeException last = null;
        for (Waiting<T, R> waiting : batch) {
            if (failuresInARow >= GIVE_UP_AFTER) {
                waiting.result().completeExceptionally(last);
                continue;
            }
            try {
                waiting.result().complete(sink.apply(List.of(waiting.record())).get(0));
                failuresInARow = 0;
            } catch (RuntimeException e) {
                failuresInARow++;
                last = e;
                waiting.result().completeExceptionally(e);
            }
        }
    }
}
