package org.switchboard.sip.location;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentMap;
import java.util.function.UnaryOperator;

/**
 * The location service: current bindings per address-of-record, kept only in the Infinispan
 * cache {@code switchboard/location} (never in the database: REGISTER is never stored). Used by
 * the registrar to change bindings and by the proxy to find where to send.
 *
 * <p>Keys are normalised AORs {@code sip:user@domain} (see {@link #aor}). The cache is used through
 * {@link ConcurrentMap}, whose {@code compute} Infinispan runs atomically per key; the cache's own
 * expiration (switchboard.cli) removes an AOR some time after its last REGISTER, and lapsed
 * bindings inside are filtered out on every read.
 */
@ApplicationScoped
public class LocationService {

    @Resource(lookup = "java:jboss/infinispan/cache/switchboard/location")
    ConcurrentMap<String, AorBindings> cache;

    Clock clock = Clock.systemUTC();

    /** The normalised address-of-record of a user in a domain. */
    public static String aor(String user, String domain) {
        return "sip:" + user + "@" + domain.toLowerCase(java.util.Locale.ROOT);
    }

    /** The current bindings of an AOR, highest q first, then most recently refreshed. */
    public List<Binding> lookup(String aor) {
        AorBindings stored = cache.get(aor);
        if (stored == null) {
            return List.of();
        }
        return stored.current(clock.instant()).stream()
                .sorted(Comparator.comparing(Binding::q).reversed().thenComparing(Binding::expiresAt, Comparator.reverseOrder()))
                .toList();
    }

    /**
     * Changes the bindings of an AOR atomically: {@code change} gets the current (unexpired)
     * bindings and returns the new list, or throws to abort without changing anything.
     *
     * @return the bindings after the change
     */
    public List<Binding> update(String aor, UnaryOperator<List<Binding>> change) {
        Instant now = clock.instant();
        AorBindings after = cache.compute(aor, (key, before) -> {
            List<Binding> current = before == null ? List.of() : before.current(now);
            List<Binding> changed = change.apply(current);
            return changed.isEmpty() ? null : new AorBindings(changed);
        });
        return after == null ? List.of() : after.current(now);
    }

    /** How many AORs have an entry (for the admin console and tests; expired ones may count). */
    public int size() {
        return cache.size();
    }

    /** Unexpired bindings over every AOR (the admin dashboard's "contacts registered now"). */
    public int currentBindingCount() {
        Instant now = clock.instant();
        int count = 0;
        for (AorBindings stored : cache.values()) {
            count += stored.current(now).size();
        }
        return count;
    }

    public Instant now() {
        return clock.instant();
    }
}
