package org.switchboard.persistence.cdr;

import java.time.LocalDate;

/** One day of a subscriber's calls: how many were attempted and how many seconds were talked. */
public record CallsPerDay(LocalDate day, long calls, long seconds) {
}
