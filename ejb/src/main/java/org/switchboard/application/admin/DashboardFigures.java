package org.switchboard.application.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.switchboard.persistence.account.AccountStatus;

/**
 * The admin dashboard at one moment: live figures of the SIP engine (-1 when no engine is deployed),
 * counts from the database, calls per hour over the last day (oldest hour first), and the last
 * retention run as its audit entry wrote it.
 */
public record DashboardFigures(Instant at, int contactsRegistered, int callsInProgress, long overloadRejections,
                               List<HourCount> callsPerHour, long offlineMessagesWaiting, long pendingDeletions,
                               Map<AccountStatus, Long> accounts, RetentionRun lastRetentionRun) {

    /** Calls started in the hour beginning at {@code hour}. */
    public record HourCount(Instant hour, long calls) {
    }

    /** When, by whom, and what the run deleted per kind and how long it took (RetentionReport.summary). */
    public record RetentionRun(Instant at, String actor, String summary) {
    }

    public long callsLastDay() {
        return callsPerHour.stream().mapToLong(HourCount::calls).sum();
    }
}
