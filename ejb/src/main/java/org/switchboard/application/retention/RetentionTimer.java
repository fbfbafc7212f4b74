package org.switchboard.application.retention;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The nightly retention run: one persistent calendar timer at the settings' run_hour:run_minute
 * (server time). Persistent timers live in the database (the ejb3 timer-service's default data
 * store, see switchboard.cli), so on a cluster sharing it exactly one node runs each night, and a
 * restart neither loses nor duplicates the timer: an existing one is kept if its time is right.
 */
@Singleton
@Startup
@DependsOn("SchemaStartup")
// Not the container's write lock: the run takes minutes, and reading the next run time must not wait for it.
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RetentionTimer {

    private static final Logger LOG = Logger.getLogger(RetentionTimer.class.getName());
    static final String TIMER_INFO = "switchboard-retention";

    @Resource
    TimerService timerService;

    @EJB
    RetentionService retention;

    // The settings are read in their own transaction, so an invalid row only fails that read.
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void scheduleFromSettings() {
        try {
            schedule(retention.currentPolicy());
        } catch (InvalidRetentionSettingsException e) {
            // A row edited by hand must not take the whole service down; it must not purge either.
            LOG.severe(() -> "Nightly retention NOT scheduled, retention_settings is invalid: " + e.getMessage());
        }
    }

    /** Makes sure exactly one retention timer exists, at the policy's time. */
    public synchronized void schedule(RetentionPolicy policy) {
        String hour = Integer.toString(policy.runHour());
        String minute = Integer.toString(policy.runMinute());
        boolean kept = false;
        for (Timer timer : timerService.getTimers()) {
            if (!TIMER_INFO.equals(timer.getInfo())) {
                continue;
            }
            ScheduleExpression existing = timer.getSchedule();
            if (!kept && hour.equals(existing.getHour()) && minute.equals(existing.getMinute())) {
                kept = true;
            } else {
                timer.cancel();
            }
        }
        if (!kept) {
            ScheduleExpression nightly = new ScheduleExpression().hour(hour).minute(minute).second("0");
            timerService.createCalendarTimer(nightly, new TimerConfig(TIMER_INFO, true));
            LOG.info(() -> "Retention scheduled daily at " + hour + ":" + String.format("%02d", policy.runMinute()) + " server time");
        }
    }

    public Optional<Instant> nextRun() {
        return timerService.getTimers().stream()
                .filter(timer -> TIMER_INFO.equals(timer.getInfo()))
                .map(timer -> timer.getNextTimeout().toInstant())
                .findFirst();
    }

    // No transaction around the run: every batch commits on its own.
    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void runNightly(Timer timer) {
        try {
            retention.runScheduled();
        } catch (RetentionAlreadyRunningException e) {
            LOG.info("Nightly retention skipped: a run started on demand is still going on");
        } catch (RuntimeException e) {
            // Logged, not thrown: a failing timeout would be retried at once, not at the next night.
            LOG.log(Level.SEVERE, "Nightly retention run failed; it runs again next night", e);
        }
    }
}
