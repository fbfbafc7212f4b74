package org.switchboard.application.messaging;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.ejb.Startup;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.switchboard.application.config.ModuleSettings;
import org.switchboard.application.config.SettingsReader;
import org.switchboard.persistence.messaging.OfflineMessage;

/**
 * The settings of offline messages (RFC 3428 store-and-forward), read once when the EAR deploys
 * from the keys {@code switchboard.messaging.*} of switchboard.properties (their only defaults)
 * and validated then: a startup bean, so a bad value fails the deployment at once, naming the key.
 * Read-only after that, so no container lock ({@code BEAN} concurrency) and no container
 * transaction: the SIP path asks it for every MESSAGE, and with the default (REQUIRED) each getter
 * began and committed a JTA transaction; the two getters were 13 % of the proxied MESSAGE path's
 * CPU samples (JFR, bench/README.md).
 */
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class MessagingSettings extends ModuleSettings {

    private int maxBodyBytes;
    private int maxStoredPerRecipient;
    private Duration answerTimeout;
    private Duration retryFirst;
    private Duration retryMax;
    private Duration deliveryInterval;
    private int storeQueueCapacity;
    private int storeBatchSize;
    private int deliveryBatchSize;


    /** Read and validated from {@code reader} (unit tests). */
    public static MessagingSettings from(SettingsReader reader) {
        return readFrom(new MessagingSettings(), reader);
    }


    @Override
    protected void read(SettingsReader in) {
        maxBodyBytes = in.integer("switchboard.messaging.max-body-bytes", 1, OfflineMessage.MAX_BODY);
        maxStoredPerRecipient = in.integer("switchboard.messaging.max-stored-per-recipient", 1, 1_000_000);
        // Under Timer F (32 s), or the sender's own transaction gives up before we answer 202.
        answerTimeout = in.duration("switchboard.messaging.answer-timeout-seconds", ChronoUnit.SECONDS, 1, 30);
        retryFirst = in.duration("switchboard.messaging.retry-first-seconds", ChronoUnit.SECONDS, 1, 86_400);
        retryMax = in.duration("switchboard.messaging.retry-max-seconds", ChronoUnit.SECONDS, 1, 86_400);
        deliveryInterval = in.duration("switchboard.messaging.delivery-interval-seconds", ChronoUnit.SECONDS, 1, 86_400);
        storeQueueCapacity = in.integer("switchboard.messaging.store-queue-capacity", 1, 1_000_000);
        storeBatchSize = in.integer("switchboard.messaging.store-batch-size", 1, 10_000);
        deliveryBatchSize = in.integer("switchboard.messaging.delivery-batch-size", 1, 10_000);
        if (retryMax.compareTo(retryFirst) < 0) {
            in.problem("switchboard.messaging.retry-max-seconds", "expected at least retry-first-seconds ("
                    + retryFirst.toSeconds() + "), got " + retryMax.toSeconds());
        }
        in.check();
    }

    /** The largest body accepted (413 above it), online or offline. */
    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /** A recipient holding this many stored messages gets no more (486 with a reason). */
    public int maxStoredPerRecipient() {
        return maxStoredPerRecipient;
    }

    /** How long a MESSAGE's branches, and a delivery, may take to answer before it counts as "no answer". */
    public Duration answerTimeout() {
        return answerTimeout;
    }

    /** The back-off of a delivery that got no answer (408, 480, 503, none). */
    public DeliveryBackoff backoff() {
        return new DeliveryBackoff(retryFirst, retryMax);
    }

    /** How often the recipients who are registered and have messages due are looked for. */
    public Duration deliveryInterval() {
        return deliveryInterval;
    }

    /** How many offline messages may wait for their commit (503 past that). */
    public int storeQueueCapacity() {
        return storeQueueCapacity;
    }

    /** The most offline messages one transaction writes. */
    public int storeBatchSize() {
        return storeBatchSize;
    }

    /** How many of one recipient's messages a node claims, and deletes once delivered, per transaction. */
    public int deliveryBatchSize() {
        return deliveryBatchSize;
    }

    /** How long a node's claim on a message lasts: the answer timeout and then some, so it never lapses mid-delivery. */
    public Duration claimLease() {
        return answerTimeout.multipliedBy(2).plusSeconds(5);
    }
}
