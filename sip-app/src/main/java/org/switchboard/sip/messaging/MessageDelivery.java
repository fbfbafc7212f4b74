package org.switchboard.sip.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.switchboard.application.messaging.DeliveryOutcome;
import org.switchboard.application.messaging.OfflineMessageStore;
import org.switchboard.application.messaging.QueuedMessage;
import org.switchboard.sip.domain.LocalDomain;
import org.switchboard.sip.event.SipObserver;
import org.switchboard.sip.location.Binding;
import org.switchboard.sip.location.LocationService;

/**
 * Delivers stored messages, one recipient's queue at a time on this node, one message at a time
 * and in the order received: claim the head ({@link OfflineMessageStore#claimNext}, which also
 * keeps other nodes off it), send it to the recipient's contacts ({@link MessageSender}), then by
 * the answer ({@link DeliveryOutcome}): 2xx, the copy is deleted and the next goes; 408, 480,
 * 503 or none, it is counted and waits for the back-off, and the queue behind it with it (order
 * is kept); any other refusal (415, 488, 6xx...) is final for that message: it is deleted,
 * counted and logged, and the next goes, so one message a phone can't take never blocks the rest.
 *
 * <p>Started when the registrar reports a new contact (an observer: it only hands the work to an
 * executor, the SIP thread never waits) and by {@link DeliveryTimer} for registered recipients
 * with messages due. Everything that touches the database runs on the executor.
 *
 * <p>A new contact starts delivery only for users who may have messages stored ({@link #stored},
 * and every recipient the timer's rounds find): most REGISTERs are of users with none, and each
 * would otherwise cost two queries. A message another node stored for a user this node does not
 * know of is found by the next round, within {@code switchboard.messaging.delivery-interval-seconds}.
 */
@ApplicationScoped
public class MessageDelivery implements SipObserver {

    private static final Logger LOG = Logger.getLogger(MessageDelivery.class.getName());

    @Inject
    OfflineMessageStore store;

    @Inject
    MessageSender sender;

    @Inject
    LocationService location;

    @Inject
    LocalDomain local;

    @Resource
    ManagedExecutorService executor;

    private final Set<String> draining = ConcurrentHashMap.newKeySet();
    private final Set<String> again = ConcurrentHashMap.newKeySet();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final Set<String> mayHaveMessages = ConcurrentHashMap.newKeySet();

    @Override
    public void contactRegistered(String user, String contactUri) {
        if (mayHaveMessages.contains(user)) {
            deliver(user);
        }
    }

    /** A message for {@code user} was stored (here, or found stored by the timer's round). */
    public void stored(String user) {
        mayHaveMessages.add(user);
    }

    /** Sends this user's due messages, unless this node is at it already (then it looks again when done). */
    public void deliver(String user) {
        if (!draining.add(user)) {
            again.add(user);
            return;
        }
        try {
            executor.execute(() -> next(user));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "delivery for " + user + " not started (the timer tries again)", e);
            draining.remove(user);
        }
    }

    /** Whether the user has a registered contact now (the location service, no database). */
    public boolean registered(String user) {
        return !contacts(user).isEmpty();
    }

    private List<Binding> contacts(String user) {
        return location.lookup(LocationService.aor(user, local.domain()));
    }

    private void next(String user) {
        try {
            // Forgotten before the claim, so that a message stored meanwhile sets it again.
            mayHaveMessages.remove(user);
            Optional<QueuedMessage> claimed = store.claimNext(user);
            if (claimed.isEmpty()) {
                finish(user);
                return;
            }
            QueuedMessage message = claimed.get();
            List<Binding> contacts = contacts(user);
            if (contacts.isEmpty()) {
                store.release(message.id());
                finish(user);
                return;
            }
            sender.send(message, contacts).thenAcceptAsync(status -> settle(user, message, status), executor);
        } catch (RuntimeException e) {
            // e.g. the database is down: the claim, if taken, lapses and the timer tries again
            LOG.log(Level.WARNING, "delivery of stored messages for " + user + " stopped; tried again later", e);
            finish(user);
        }
    }

    private void settle(String user, QueuedMessage message, int status) {
        try {
            switch (DeliveryOutcome.of(status)) {
                case DELIVERED -> {
                    store.remove(message.id());
                    delivered.incrementAndGet();
                    next(user);
                }
                case REFUSED -> {
                    store.remove(message.id());
                    long count = refused.incrementAndGet();
                    LOG.info(() -> "stored message #" + message.id() + " for " + user + " refused with " + status
                            + " after " + (message.attempts() + 1) + " attempt(s): removed (" + count + " refused since start)");
                    next(user);
                }
                case RETRY -> {
                    store.retryLater(message.id());
                    finish(user);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not record the delivery of stored message #" + message.id(), e);
            finish(user);
        }
    }

    private void finish(String user) {
        draining.remove(user);
        if (again.remove(user)) {
            deliver(user);
        }
    }

    /** Stored messages delivered (2xx) since start. */
    public long deliveredCount() {
        return delivered.get();
    }

    /** Stored messages refused for good (removed) since start. */
    public long refusedCount() {
        return refused.get();
    }
}
