package org.switchboard.sip.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ExpiringCacheTest {

    private final AtomicLong clock = new AtomicLong(1_000);
    private final AtomicInteger loads = new AtomicInteger();

    /** Known answers live 100 ticks, "none" 10. */
    private final ExpiringCache<String, Optional<String>> cache =
            new ExpiringCache<>(3, answer -> answer.isPresent() ? 100 : 10, clock::get);

    private Optional<String> load(String key) {
        loads.incrementAndGet();
        return key.startsWith("known") ? Optional.of(key.toUpperCase()) : Optional.empty();
    }

    @Test
    void aKnownAnswerIsLoadedOnceForItsLifetime() {
        assertEquals(Optional.of("KNOWN"), cache.get("known", this::load));
        clock.addAndGet(99);
        assertEquals(Optional.of("KNOWN"), cache.get("known", this::load));
        assertEquals(1, loads.get());
        clock.addAndGet(1);
        cache.get("known", this::load);
        assertEquals(2, loads.get());
    }

    @Test
    void anUnknownAnswerIsKeptOnlyItsShorterLifetime() {
        cache.get("nobody", this::load);
        clock.addAndGet(9);
        cache.get("nobody", this::load);
        assertEquals(1, loads.get());
        clock.addAndGet(1);
        cache.get("nobody", this::load);
        assertEquals(2, loads.get());
    }

    @Test
    void aForgottenKeyIsLoadedAgainAtOnce() {
        cache.get("known", this::load);
        cache.forget("known");
        cache.get("known", this::load);
        assertEquals(2, loads.get());
    }

    @Test
    void forgetIfDropsTheMatchingAnswersOnly() {
        cache.get("known-a", this::load);
        cache.get("known-b", this::load);
        cache.forgetIf(answer -> answer.equals(Optional.of("KNOWN-A")));
        cache.get("known-a", this::load);
        cache.get("known-b", this::load);
        assertEquals(3, loads.get());
    }

    @Test
    void neverHoldsMoreThanItsBoundAndDropsExpiredEntriesFirst() {
        cache.get("nobody-1", this::load);
        clock.addAndGet(50); // nobody-1 has expired, the next two have not
        cache.get("known-1", this::load);
        cache.get("known-2", this::load);
        cache.get("known-3", this::load); // full: the expired entry makes room
        assertEquals(3, cache.size());
        cache.get("known-1", this::load);
        assertEquals(4, loads.get(), "known-1 was kept");
        cache.get("known-4", this::load); // full of live entries: all go
        assertEquals(1, cache.size());
    }

    @Test
    void aLoaderThatThrowsCachesNothing() {
        assertThrows(IllegalStateException.class, () -> cache.get("known", k -> {
            throw new IllegalStateException("database down");
        }));
        assertEquals(0, cache.size());
        assertEquals(Optional.of("KNOWN"), cache.get("known", this::load));
    }
}
