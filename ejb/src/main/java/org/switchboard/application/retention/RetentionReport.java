package org.switchboard.application.retention;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What one retention run deleted, per kind, how long it took, and what failed (to retry next run). */
public record RetentionReport(Map<PurgeKind, Long> purged, int accountsDeleted, int accountsClosed,
                              List<String> failures, Duration took) {

    public RetentionReport {
        purged = new EnumMap<>(purged);
        failures = List.copyOf(failures);
    }

    public long purged(PurgeKind kind) {
        return purged.getOrDefault(kind, 0L);
    }

    public boolean failed() {
        return !failures.isEmpty();
    }

    /** One line for the audit log and the admin console, e.g. "session traces 120, ... in 85 ms". */
    public String summary() {
        String kinds = purged.entrySet().stream()
                .map(e -> e.getKey().label() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        String text = kinds + "; accounts deleted " + accountsDeleted + ", accounts closed " + accountsClosed
                + "; in " + took.toMillis() + " ms";
        return failures.isEmpty() ? text : text + "; FAILED: " + String.join("; ", failures);
    }
}
