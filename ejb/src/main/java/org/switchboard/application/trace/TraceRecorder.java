package org.switchboard.application.trace;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.util.function.Predicate;
import org.switchboard.application.batch.BatchRecorder;
import org.switchboard.application.config.SwitchboardSettings;

/**
 * Where the SIP engine hands every message it receives or sends. Keeps only what the data
 * policy says is kept ({@link TracePolicy}) and writes it in batches off the request thread.
 * The SIP engine depends on this bean, so it stops first and this one then writes what is queued.
 */
@Singleton
@Startup
@DependsOn("SchemaStartup")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
// Called for every SIP message: without this each call would begin and commit a JTA transaction.
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class TraceRecorder {

    @Resource
    ManagedThreadFactory threads;

    @jakarta.inject.Inject
    SwitchboardSettings settings;

    @EJB
    TraceBatchInserter inserter;

    private BatchRecorder<TraceEvent> recorder;

    @PostConstruct
    void start() {
        recorder = BatchRecorder.withOwnThread("traces", settings.traceBatches(), inserter::insert, threads);
    }

    /** Queues the message if the policy keeps it; never waits. Returns whether it was queued. */
    public boolean record(TraceEvent event) {
        return offer(event);
    }

    /**
     * {@link #record} without this bean's EJB view in between, for a caller that records every SIP
     * message (sip-app's SessionTraces takes it once): the queue is thread-safe and never waits.
     */
    public Predicate<TraceEvent> queue() {
        return this::offer; // this bean itself, not its view
    }

    private boolean offer(TraceEvent event) {
        return TracePolicy.keeps(event.cseqMethod()) && recorder.offer(event);
    }

    public int queued() {
        return recorder.queued();
    }

    /**
     * Whether the writer has fallen behind: a quarter of the queue waits. That is over a second of
     * messages at the highest call rate the writer keeps up with (bench/README.md), so it is not a
     * flush interval's normal batch; the SIP engine then refuses new calls until the writer catches up.
     */
    public boolean behind() {
        return recorder.queued() > settings.traceBatches().queueCapacity() / 4;
    }

    public long dropped() {
        return recorder.dropped();
    }

    @PreDestroy
    void stop() {
        recorder.stop();
    }
}
