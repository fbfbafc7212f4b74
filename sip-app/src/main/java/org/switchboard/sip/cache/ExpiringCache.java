package org.switchboard.sip.cache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * What the SIP path keeps of the database in memory, so that a request never waits on it more than
 * once per entry's life: each answer loaded once and kept for a lifetime that depends on the answer
 * (a known subscriber for long, because every change to one is told to the cache; "no such user"
 * briefly, because a new account made outside the services is not told), bounded in size so that a
 * flood of made-up names cannot grow it without limit.
 *
 * <p>Two requests for the same missing key may both load it: the loaders are idempotent reads, and
 * not holding a lock while the database answers keeps every other key served.
 */
public final class ExpiringCache<K, V> {

    private record Entry<V>(V value, long expiresAt) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final ToLongFunction<V> lifetimeNanos;
    private final LongSupplier nanoClock;

    /**
     * @param maxEntries    the most entries kept; past it, expired entries go, and if none had, all
     * @param lifetimeNanos how long an answer is kept, by the answer
     */
    public ExpiringCache(int maxEntries, ToLongFunction<V> lifetimeNanos) {
        this(maxEntries, lifetimeNanos, System::nanoTime);
    }

    ExpiringCache(int maxEntries, ToLongFunction<V> lifetimeNanos, LongSupplier nanoClock) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1, got " + maxEntries);
        }
        this.maxEntries = maxEntries;
        this.lifetimeNanos = lifetimeNanos;
        this.nanoClock = nanoClock;
    }

    /** The cached answer for {@code key}, else {@code loader}'s (kept unless the loader throws). */
    public V get(K key, Function<? super K, ? extends V> loader) {
        long now = nanoClock.getAsLong();
        Entry<V> entry = entries.get(key);
        if (entry != null && now - entry.expiresAt() < 0) {
            return entry.value();
        }
        V value = loader.apply(key);
        put(key, value, now);
        return value;
    }

    /** Keeps {@code value} for {@code key} from now (a warm-up that read many at once). */
    public void put(K key, V value) {
        put(key, value, nanoClock.getAsLong());
    }

    private void put(K key, V value, long now) {
        if (entries.size() >= maxEntries && !entries.containsKey(key)) {
            entries.values().removeIf(e -> now - e.expiresAt() >= 0);
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(key, new Entry<>(value, now + lifetimeNanos.applyAsLong(value)));
    }

    /** Forgets {@code key}: the next {@link #get} loads it again. */
    public void forget(K key) {
        entries.remove(key);
    }

    /** Forgets every entry whose answer matches. */
    public void forgetIf(Predicate<? super V> answer) {
        entries.values().removeIf(e -> answer.test(e.value()));
    }

    public int size() {
        return entries.size();
    }
}
