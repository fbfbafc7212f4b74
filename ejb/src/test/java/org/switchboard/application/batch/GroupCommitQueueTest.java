package org.switchboard.application.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Group commit of stored MESSAGEs: one sink call per batch, each answer only after it, failures per record. */
class GroupCommitQueueTest {

    /** A database stand-in: records the batches; refuses a record named "bad", everything while down. */
    static final class Sink implements Function<List<String>, List<String>> {
        final List<List<String>> batches = new ArrayList<>();
        volatile boolean down;

        @Override
        public synchronized List<String> apply(List<String> batch) {
            if (down || batch.contains("bad")) {
                throw new IllegalStateException("commit failed");
            }
            batches.add(batch);
            return batch.stream().map(r -> "stored " + r).toList();
        }
    }

    @Test
    void everythingQueuedGoesInOneBatchAndIsAnsweredOnlyAfterIt() throws Exception {
        Sink sink = new Sink();
        GroupCommitQueue<String, String> queue = new GroupCommitQueue<>("test", 100, 50, sink);
        List<CompletableFuture<String>> answers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            answers.add(queue.offer("m" + i));
        }
        assertTrue(answers.stream().noneMatch(CompletableFuture::isDone), "nothing answered before the commit");

        assertEquals(30, queue.writeOnce(1, TimeUnit.SECONDS));

        assertEquals(1, sink.batches.size());
        for (int i = 0; i < 30; i++) {
            assertEquals("stored m" + i, answers.get(i).get(0, TimeUnit.SECONDS));
        }
    }

    @Test
    void aBatchIsNoLargerThanConfigured() throws Exception {
        Sink sink = new Sink();
        GroupCommitQueue<String, String> queue = new GroupCommitQueue<>("test", 100, 4, sink);
        for (int i = 0; i < 10; i++) {
            queue.offer("m" + i);
        }
        assertEquals(4, queue.writeOnce(0, TimeUnit.SECONDS));
        assertEquals(4, queue.writeOnce(0, TimeUnit.SECONDS));
        assertEquals(2, queue.writeOnce(0, TimeUnit.SECONDS));
        assertEquals(0, queue.writeOnce(10, TimeUnit.MILLISECONDS));
        assertEquals(List.of("m0", "m1", "m2", "m3"), sink.batches.get(0));
    }

    @Test
    void aFullQueueRefusesAtOnce() {
        GroupCommitQueue<String, String> queue = new GroupCommitQueue<>("test", 2, 10, new Sink());
        assertNotNull(queue.offer("a"));
        assertNotNull(queue.offer("b"));
        assertNull(queue.offer("c"));
        assertEquals(2, queue.queued());
    }

    @Test
    void aFailedCommitFailsEachRecordNeverAnswersItStored() throws Exception {
        Sink sink = new Sink();
        sink.down = true;
        GroupCommitQueue<String, String> queue = new GroupCommitQueue<>("test", 100, 50, sink);
        List<CompletableFuture<String>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(queue.offer("m" + i));
        }
        queue.writeOnce(0, TimeUnit.SECONDS);
        for (CompletableFuture<String> answer : answers) {
            assertTrue(answer.isCompletedExceptionally());
            ExecutionException e = assertThrows(ExecutionException.class, answer::get);
            assertEquals("commit failed", e.getCause().getMessage());
        }
        assertTrue(sink.batches.isEmpty());
    }

    @Test
    void oneRecordTheDatabaseRefusesFailsOnlyItself() throws Exception {
        Sink sink = new Sink();
        GroupCommitQueue<String, String> queue = new GroupCommitQueue<>("test", 100, 50, sink);
        CompletableFuture<String> first = queue.offer("a");
        CompletableFuture<String> bad = queue.offer("bad");
        CompletableFuture<String> last = queue.offer("c");
        queue.writeOnce(0, TimeUnit.SECONDS);
        assertEquals("stored a", first.get(0, TimeUnit.SECONDS));
        assertTrue(bad.isCompletedExceptionally());
        assertEquals("stored c", last.get(0, TimeUnit.SECONDS));
    }

    @Test
    void closingWritesWhatIsQueuedAndRefusesMore() throws Exception {
        Sink sink = new Sink();
        GroupCommitQueue<String, String> queue = new GroupCommitQueue<>("test", 100, 2, sink);
        CompletableFuture<String> a = queue.offer("a");
        CompletableFuture<String> b = queue.offer("b");
        CompletableFuture<String> c = queue.offer("c");
        queue.close();
        assertEquals("stored a", a.get(0, TimeUnit.SECONDS));
        assertEquals("stored b", b.get(0, TimeUnit.SECONDS));
        assertEquals("stored c", c.get(0, TimeUnit.SECONDS));
        assertNull(queue.offer("d"));
        assertFalse(sink.batches.isEmpty());
    }
}
