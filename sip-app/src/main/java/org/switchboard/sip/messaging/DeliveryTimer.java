package org.switchboard.sip.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.switchboard.application.messaging.MessagingSettings;
import org.switchboard.application.messaging.OfflineMessageStore;

/**
 * Every {@code switchboard.messaging.delivery-interval-seconds}, starts delivery for the
 * recipients who have stored messages due and a registered contact, so a message whose delivery
 * got no answer is tried again, and one stored while its recipient stayed registered (all his
 * phones answered 480) is not forgotten. Not persistent: each node runs its own, and the claims
 * in the database keep them from delivering the same message twice.
 */
@Singleton
@Startup
@DependsOn("SipEngine")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DeliveryTimer {

    private static final Logger LOG = Logger.getLogger(DeliveryTimer.class.getName());
    private static final int RECIPIENTS_PER_ROUND = 1000;

    @Inject
    MessagingSettings settings;

    @Inject
    OfflineMessageStore store;

    @Inject
    MessageDelivery delivery;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> round;

    @PostConstruct
    void start() {
        long every = settings.deliveryInterval().toMillis();
        // The first round soon after start: it finds what was stored before a restart.
        round = scheduler.scheduleWithFixedDelay(this::deliverDue, Math.min(every, 2000), every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (round != null) {
            round.cancel(false);
        }
    }

    void deliverDue() {
        try {
            for (String user : store.recipientsDue(RECIPIENTS_PER_ROUND)) {
                delivery.stored(user); // so that the user's next REGISTER delivers at once
                if (delivery.registered(user)) {
                    delivery.deliver(user);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not look for stored messages due (next round tries again)", e);
        }
    }
}
