package org.switchboard.sip.security;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Addresses whose packets are dropped unanswered until their ban ends. A repeat offender (banned
 * again while an earlier ban is remembered) is banned twice as long each time, up to a maximum.
 * {@link #isBanned} runs for every packet on the stack's receiving thread: when nobody is banned it
 * is one emptiness check, else one map lookup. Times are {@link System#nanoTime()} values.
 */
final class BanList {

    /** One address's ban: until when, how many times it was banned, why the last time. */
    record Ban(InetAddress address, long untilNanos, int offences, String reason, long lastOffenceNanos) {
    }

    /** A ban as support sees it: how long ago it began, how long it has to run, its strikes and why. */
    record Snapshot(String address, Duration elapsed, Duration remaining, int offences, String reason) {
    }

    private final Duration base;
    private final Duration max;
    private final long memoryNanos;
    private final Map<InetAddress, Ban> bans = new ConcurrentHashMap<>();

    /**
     * @param memory how long an ended ban still counts, for doubling the next one
     */
    BanList(Duration base, Duration max, Duration memory) {
        this.base = base;
        this.max = max;
        this.memoryNanos = memory.toNanos();
    }

    boolean isBanned(InetAddress address, long now) {
        if (bans.isEmpty()) {
            return false;
        }
        Ban ban = bans.get(address);
        return ban != null && now - ban.untilNanos() < 0;
    }

    /**
     * Bans {@code address} from {@code now}; returns for how long, or null when it is banned
     * already (several stack threads may see the same flood cross the line at once: one offence).
     */
    Duration ban(InetAddress address, long now, String reason) {
        boolean[] fresh = {true};
        Ban banned = bans.compute(address, (a, old) -> {
            if (old != null && now - old.untilNanos() < 0) {
                fresh[0] = false;
                return old;
            }
            boolean remembered = old != null && now - old.lastOffenceNanos() < memoryNanos;
            int offences = remembered ? old.offences() + 1 : 1;
            long length = lengthFor(offences).toNanos();
            return new Ban(a, now + length, offences, reason, now);
        });
        return fresh[0] ? lengthFor(banned.offences()) : null;
    }

    /** base, 2 base, 4 base, ... at most max. */
    Duration lengthFor(int offences) {
        Duration length = base;
        for (int i = 1; i < offences && length.compareTo(max) < 0; i++) {
            length = length.multipliedBy(2);
        }
        return length.compareTo(max) > 0 ? max : length;
    }

    /**
     * Lifts a ban (support); its offences are forgotten too, so the next ban is a first one. The
     * ban as it was, or null when the address was not banned at {@code now} (an ended ban that was
     * only remembered is forgotten all the same).
     */
    Snapshot lift(InetAddress address, long now) {
        Ban removed = bans.remove(address);
        return removed != null && now - removed.untilNanos() < 0 ? snapshot(removed, now) : null;
    }

    /** Bans in force, longest remaining first; forgets those past their memory. */
    List<Snapshot> current(long now) {
        bans.values().removeIf(b -> now - b.untilNanos() >= 0 && now - b.lastOffenceNanos() >= memoryNanos);
        List<Snapshot> list = new ArrayList<>();
        for (Ban ban : bans.values()) {
            if (now - ban.untilNanos() < 0) {
                list.add(snapshot(ban, now));
            }
        }
        list.sort(Comparator.comparing(Snapshot::remaining).reversed());
        return list;
    }

    private static Snapshot snapshot(Ban ban, long now) {
        return new Snapshot(ban.address().getHostAddress(), Duration.ofNanos(now - ban.lastOffenceNanos()),
                Duration.ofNanos(ban.untilNanos() - now), ban.offences(), ban.reason());
    }
}
