package org.switchboard.application.retention;

import org.switchboard.persistence.retention.RetentionSettings;
import org.switchboard.persistence.retention.RetentionSettingsRepository;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.switchboard.persistence.audit.AuditRepository;
import org.switchboard.application.config.SwitchboardSettings;

/**
 * The retention policy as staff see it: read and change the windows and the nightly time (validated,
 * audited, the timer moved), see when the next run is, and run it now.
 */
@Stateless
public class RetentionService {

    /** Actor of the nightly runs in the audit log. */
    public static final String TIMER_ACTOR = "retention-timer";

    @Inject
    RetentionSettingsRepository settingsRepository;

    @Inject
    AuditRepository audit;

    @Inject
    SwitchboardSettings settings;

    @Inject
    Clock clock;

    @EJB
    RetentionRunner runner;

    @EJB
    RetentionTimer timer;

    /** @throws InvalidRetentionSettingsException if the stored row breaks the policy (edited by hand) */
    public RetentionPolicy currentPolicy() {
        return RetentionPolicy.of(settingsRepository.get());
    }

    /** Stores a new policy (its constructor validated it) and moves the nightly timer to its time. */
    public void update(RetentionPolicy policy, String staffLogin) {
        RetentionSettings row = settingsRepository.get();
        RetentionPolicy before = RetentionPolicy.of(row);
        policy.applyTo(row);
        timer.schedule(policy);
        audit.record(staffLogin, "RETENTION_SETTINGS_CHANGED", null, before + " -> " + policy);
    }

    /**
     * Runs retention now, on behalf of a support staff member (the admin console checks the role).
     *
     * @throws RetentionAlreadyRunningException if a run is going on
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public RetentionReport runNow(String staffLogin) {
        return runner.run(staffLogin, clock.instant(), settings.deletionGracePeriod(), settings.retentionBatchSize());
    }

    /** The nightly run as the timer starts it. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public RetentionReport runScheduled() {
        return runner.run(TIMER_ACTOR, clock.instant(), settings.deletionGracePeriod(), settings.retentionBatchSize());
    }

    public Optional<Instant> nextScheduledRun() {
        return timer.nextRun();
    }
}
