package org.switchboard.application.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.switchboard.application.batch.GroupCommitQueue;

/**
 * Where the SIP side hands an offline MESSAGE to be stored: group commit ({@link
 * GroupCommitQueue}). One thread of its own writes everything queued in one transaction ({@link
 * OfflineMessageStore#storeAll}) and then completes each message's future, so the sender's 202
 * still comes only after the commit, a failed commit still fails each message (500, never 202),
 * and no SIP thread waits on the database. Bounded by {@code switchboard.messaging.store-queue-capacity}:
 * past it {@link #submit} answers {@link StoreResult#STORE_BUSY} at once. No container transaction
 * around {@link #submit} (it only queues); the writer's transactions are {@link OfflineMessageStore}'s.
 */
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@Singleton
@Startup
@DependsOn({"SchemaStartup", "MessagingSettings"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class MessageStoreQueue {

    private static final Logger LOG = Logger.getLogger(MessageStoreQueue.class.getName());

    @Resource
    ManagedThreadFactory threads;

    @Inject
    MessagingSettings settings;

    @EJB
    OfflineMessageStore store;

    private GroupCommitQueue<MessageToStore, StoreResult> queue;
    private Thread writer;
    private volatile boolean running;

    @PostConstruct
    void start() {
        queue = new GroupCommitQueue<>("offline messages", settings.storeQueueCapacity(), settings.storeBatchSize(),
                store::storeAll);
        running = true;
        writer = threads.newThread(this::write);
        writer.setName("switchboard-message-store");
        writer.start();
    }

    /** The store's answer for this message once committed (or why not); completes exceptionally when not stored. */
    public CompletableFuture<StoreResult> submit(IncomingMessage message, boolean afterFailedAttempt) {
        CompletableFuture<StoreResult> result = queue.offer(new MessageToStore(message, afterFailedAttempt));
        return result != null ? result : CompletableFuture.completedFuture(StoreResult.STORE_BUSY);
    }

    /** Messages waiting for their commit now. */
    public int queued() {
        return queue.queued();
    }

    private void write() {
        while (running) {
            try {
                queue.writeOnce(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "offline message writer: unexpected failure, going on", e);
            }
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        try {
            writer.join(10_000); // a batch being written finishes first
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        queue.close();
    }
}
