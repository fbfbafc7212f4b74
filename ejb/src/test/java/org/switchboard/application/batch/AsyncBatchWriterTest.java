package org.switchboard.application.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AsyncBatchWriterTest {

    /** A sink that can be told to fail, like a database that goes away and comes back. */
    static final class FlakySink implements java.util.function.Consumer<List<Integer>> {
        final List<Integer> written = new ArrayList<>();
        final List<Integer> batchSizes = new ArrayList<>();
        volatile boolean down;

        @Override
        public synchronized void accept(List<Integer> batch) {
            if (down) {
                throw new IllegalStateException("database down");
            }
            batchSizes.add(batch.size());
            written.addAll(batch);
        }
    }

    @Test
    void writesInBatchesNoLargerThanConfiguredAndInOrder() {
        FlakySink sink = new FlakySink();
        AsyncBatchWriter<Integer> writer = new AsyncBatchWriter<>("test", 1000, 100, sink);
        IntStream.range(0, 250).forEach(writer::offer);

        writer.flushAll(3);

        assertEquals(List.of(100, 100, 50), sink.batchSizes);
        assertEquals(IntStream.range(0, 250).boxed().toList(), sink.written);
        assertEquals(0, writer.queued());
        assertEquals(250, writer.written());
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfBlocking() {
        AsyncBatchWriter<Integer> writer = new AsyncBatchWriter<>("test", 10, 5, new FlakySink());
        int accepted = 0;
        for (int i = 0; i < 15; i++) {
            accepted += writer.offer(i) ? 1 : 0;
        }
        assertEquals(10, accepted);
        assertEquals(5, writer.dropped());
        assertEquals(10, writer.queued());
    }

    @Test
    void aBatchTheDatabaseRefusedIsRetriedFirstAndNothingIsLost() {
        FlakySink sink = new FlakySink();
        AsyncBatchWriter<Integer> writer = new AsyncBatchWriter<>("test", 100, 10, sink);
        IntStream.range(0, 25).forEach(writer::offer);

        sink.down = true;
        assertEquals(0, writer.flushOnce());
        assertEquals(0, writer.flushOnce());
        assertEquals(25, writer.queued(), "the refused batch is kept");

        sink.down = false;
        assertEquals(10, writer.flushOnce());
        writer.flushAll(3);
        assertEquals(IntStream.range(0, 25).boxed().toList(), sink.written, "same records, same order, none twice");
    }

    @Test
    void shutdownGivesUpOnADeadDatabaseInsteadOfHanging() {
        FlakySink sink = new FlakySink();
        sink.down = true;
        AsyncBatchWriter<Integer> writer = new AsyncBatchWriter<>("test", 100, 10, sink);
        IntStream.range(0, 5).forEach(writer::offer);
        writer.flushAll(3);
        assertEquals(5, writer.queued());
        assertTrue(sink.written.isEmpty());
    }

    @Test
    void aRecorderWithItsOwnThreadDrainsAndStopsIt() throws Exception {
        FlakySink sink = new FlakySink();
        java.util.List<Thread> made = new java.util.concurrent.CopyOnWriteArrayList<>();
        BatchRecorder<Integer> recorder = BatchRecorder.withOwnThread("test", new BatchSettings(20_000, 500, 20), sink, r -> {
            Thread thread = new Thread(r, "drain");
            made.add(thread);
            return thread;
        });
        IntStream.range(0, 1_000).forEach(recorder::offer);
        long deadline = System.currentTimeMillis() + 5_000;
        while (writtenCount(sink) < 1_000 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(1_000, writtenCount(sink), "drained by its own thread, before any stop()");

        recorder.stop();
        assertEquals(1, made.size());
        made.get(0).join(5_000);
        assertFalse(made.get(0).isAlive(), "stop() ends the drain thread");
    }

    private static int writtenCount(FlakySink sink) {
        synchronized (sink) {
            return sink.written.size();
        }
    }

    @Test
    void stoppingTheRecorderWritesEverythingStillQueued() {
        FlakySink sink = new FlakySink();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            // A drain interval far longer than the test: only stop() can write these.
            BatchRecorder<Integer> recorder = new BatchRecorder<>("test", new BatchSettings(20_000, 500, 3_600_000),
                    sink, scheduler);
            IntStream.range(0, 10_000).forEach(recorder::offer);
            assertTrue(sink.written.isEmpty());

            recorder.stop();

            assertEquals(10_000, sink.written.size());
            assertEquals(0, recorder.queued());
            assertFalse(sink.batchSizes.stream().anyMatch(size -> size > 500));
        } finally {
            scheduler.shutdownNow();
        }
    }
}
