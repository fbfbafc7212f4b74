package org.switchboard.application.cdr;

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
import org.switchboard.application.batch.BatchRecorder;
import org.switchboard.application.config.SwitchboardSettings;

/**
 * Where the proxy hands each finished call attempt; written in batches off the request thread,
 * and what is queued is written on a clean shutdown (the SIP engine depends on this bean).
 */
@Singleton
@Startup
@DependsOn("SchemaStartup")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
// Called for every SIP message: without this each call would begin and commit a JTA transaction.
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class CdrRecorder {

    @Resource
    ManagedThreadFactory threads;

    @jakarta.inject.Inject
    SwitchboardSettings settings;

    @EJB
    CdrBatchInserter inserter;

    private BatchRecorder<CallRecord> recorder;

    @PostConstruct
    void start() {
        recorder = BatchRecorder.withOwnThread("cdrs", settings.cdrBatches(), inserter::insert, threads);
    }

    /** Queues the CDR; never waits. False when the queue is full. */
    public boolean record(CallRecord call) {
        return recorder.offer(call);
    }

    public int queued() {
        return recorder.queued();
    }

    @PreDestroy
    void stop() {
        recorder.stop();
    }
}
