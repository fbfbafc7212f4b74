package org.switchboard.application.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.application.account.AccountService;
import org.switchboard.application.device.DeviceDirectory;
import org.switchboard.persistence.account.DeletionRequestRepository;
import org.switchboard.persistence.audit.AuditRepository;
import org.switchboard.persistence.cdr.CdrRepository;
import org.switchboard.persistence.messaging.OfflineMessageRepository;

/** The admin console's dashboard figures: no personal data, so reading them is not audited. */
@Stateless
@RolesAllowed(Staff.SUPPORT)
public class AdminDashboard {

    static final int HOURS = 24;

    @Inject
    Instance<DeviceDirectory> devices;

    @Inject
    Instance<SipEngineLoad> engine;

    @Inject
    CdrRepository cdrs;

    @Inject
    OfflineMessageRepository messages;

    @Inject
    DeletionRequestRepository deletions;

    @Inject
    AuditRepository audit;

    @EJB
    AccountService accounts;

    @Inject
    Clock clock;

    public DashboardFigures figures() {
        Instant now = clock.instant();
        boolean live = engine.isResolvable();
        DashboardFigures.RetentionRun lastRun = audit.latest("RETENTION_RUN")
                .map(e -> new DashboardFigures.RetentionRun(e.getAt(), e.getActor(), e.getDetail()))
                .orElse(null);
        return new DashboardFigures(now,
                devices.isResolvable() ? devices.get().registeredContacts() : -1,
                live ? engine.get().callsInProgress() : -1,
                live ? engine.get().overloadRejections() : -1,
                callsPerHour(now), messages.countWaiting(now), deletions.countOpen(), accounts.countByStatus(), lastRun);
    }

    /** The last 24 whole hours and the current one (UTC), grouped here: hour arithmetic differs between H2 and PostgreSQL. */
    private List<DashboardFigures.HourCount> callsPerHour(Instant now) {
        Instant first = now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(HOURS - 1));
        long[] counts = new long[HOURS];
        for (Instant start : cdrs.startTimes(first, now.plusSeconds(1))) {
            int slot = (int) Duration.between(first, start).toHours();
            if (slot >= 0 && slot < HOURS) {
                counts[slot]++;
            }
        }
        List<DashboardFigures.HourCount> hours = new ArrayList<>();
        for (int i = 0; i < HOURS; i++) {
            hours.add(new DashboardFigures.HourCount(first.plus(Duration.ofHours(i)), counts[i]));
        }
        return hours;
    }
}
