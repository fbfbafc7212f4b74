package org.switchboard.application.retention;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.switchboard.application.account.AccountErasure;
import org.switchboard.application.audit.AuditLog;
import org.switchboard.application.audit.FailureText;

/**
 * One retention run: due account deletions first, then each purge in batches until a batch comes
 * back short, then one audit entry with the counts and the duration. The run itself holds no
 * transaction (each batch has its own), and one run at a time per server: the nightly timer and
 * "Run retention now" must not work through the same rows side by side.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RetentionRunner {

    private static final Logger LOG = Logger.getLogger(RetentionRunner.class.getName());

    private final AtomicBoolean running = new AtomicBoolean();

    @EJB
    RetentionBatches batches;

    @EJB
    AccountErasure accountErasure;

    @EJB
    AuditLog auditLog;

    @EJB
    RetentionService retention;

    /**
     * @param actor     "retention-timer" or the staff login, for the audit log
     * @param now       the instant the windows are measured from
     * @param graceFor  how long deletion requests wait
     * @param batchSize rows per transaction
     */
    public RetentionReport run(String actor, Instant now, Duration graceFor, int batchSize) {
        if (!running.compareAndSet(false, true)) {
            throw new RetentionAlreadyRunningException();
        }
        try {
            long started = System.nanoTime();
            RetentionPolicy.Cutoffs cutoffs = retention.currentPolicy().cutoffs(now);
            List<String> failures = new ArrayList<>();
            AccountErasure.Result erasure = accountErasure.processDue(actor, now, graceFor, batchSize);
            failures.addAll(erasure.failures());
            Map<PurgeKind, Long> purged = new EnumMap<>(PurgeKind.class);
            for (PurgeKind kind : PurgeKind.values()) {
                purged.put(kind, purgeAll(kind, cutoffs, batchSize, failures));
            }
            RetentionReport report = new RetentionReport(purged, erasure.deleted(), erasure.closed(), failures,
                    Duration.ofNanos(System.nanoTime() - started));
            auditLog.record(actor, "RETENTION_RUN", null, report.summary());
            LOG.info(() -> "Retention run by " + actor + ": " + report.summary());
            return report;
        } finally {
            running.set(false);
        }
    }

    /** Batches until one is short; a failing batch stops this kind only, and the next run retries it. */
    private long purgeAll(PurgeKind kind, RetentionPolicy.Cutoffs cutoffs, int batchSize, List<String> failures) {
        long total = 0;
        try {
            int deleted;
            do {
                deleted = batches.purge(kind, cutoffs, batchSize);
                total += deleted;
            } while (deleted == batchSize);
        } catch (RuntimeException e) {
            failures.add(kind.label() + ": " + FailureText.of(e));
            LOG.log(Level.WARNING, "Retention purge of " + kind.label() + " stopped; the next run carries on", e);
        }
        return total;
    }
}
