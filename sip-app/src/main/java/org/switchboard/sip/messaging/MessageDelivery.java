package org.switchboard.sip.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.switchboard.application.messaging.DeliveryOutcome;
import org.switchboard.application.messaging.MessagingSettings;
import org.switchboard.application.messaging.OfflineMessageStore;
import org.switchboard.application.messaging.QueuedMessage;
import org.switchboard.sip.domain.LocalDomain;
import org.switchboard.sip.event.SipObserver;
import org.switchboard.sip.location.Binding;
import org.switchboard.sip.location.LocationService;

/**
 * Delivers stored messages, each recipient's queue on its own (many recipients at once, on the
 * executor), one message at a time and in the order received: claim a run from the head of the
 * queue ({@link OfflineMessageStore#claimNext}, which also keeps other nodes off it; {@code
 * switchboard.messaging.delivery-batch-size} per transaction), send its messages one after
 * another to the recipient's contacts ({@link MessageSender}), each only after the previous one's
 * answer ({@link DeliveryOutcome}): 2xx, the next goes and the copy is deleted when the run is
 * settled; 408, 480, 503 or none, it is counted and waits for the back-off, and the queue behind
 * it with it (order is kept; the rest of the run is released); any other refusal (415, 488,
 * 6xx...) is final for that message: it is deleted, counted and logged, and the next goes, so one
 * message a phone can't take never blocks the rest. A run is settled in one transaction (deletes,
 * the retry, releases), so a run costs two commits, not two per message; the price is that a
 * node killed mid-run delivers that run's already-delivered messages again (at least once).
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

    @Inject
    MessagingSettings settings;

    @Inject
    Clock clock;

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

    /** Claims the next run of this user's queue (one transaction) and starts sending it. */
    private void next(String user) {
        try {
            // Forgotten before the claim, so that a message stored meanwhile sets it again.
            mayHaveMessages.remove(user);
            List<QueuedMessage> run = store.claimNext(user, settings.deliveryBatchSize());
            if (run.isEmpty()) {
                finish(user);
                return;
            }
            send(user, new Run(run));
        } catch (RuntimeException e) {
            // e.g. the database is down: the claim, if taken, lapses and the timer tries again
            LOG.log(Level.WARNING, "delivery of stored messages for " + user + " stopped; tried again later", e);
            finish(user);
        }
    }

    /**
     * Sends the run's next message; when the run is done, or must stop, settles it on the executor
     * (the database). Runs on the executor or on the thread that took the previous answer.
     */
    private void send(String user, Run run) {
        try {
            List<Binding> contacts = run.done() || leaseNearlyUp(run.current()) ? List.of() : contacts(user);
            if (contacts.isEmpty()) {
                onExecutor(user, () -> settle(user, run));
                return;
            }
            // The answer is taken on the thread that completes it (the stack's, or the answer timer's):
            // sending the next message needs no database, so no hop to the executor for it.
            sender.send(run.current(), contacts).thenAccept(status -> answered(user, run, status));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "delivery of stored messages for " + user + " stopped; tried again later", e);
            finish(user);
        }
    }

    /** Enough of the claim left for a whole answer timeout? Else another node may take it meanwhile. */
    private boolean leaseNearlyUp(QueuedMessage message) {
        return !clock.instant().plus(settings.answerTimeout()).isBefore(message.claimedUntil());
    }

    /** On the executor: the run's outcome in one transaction, then the next run (or, no contact left, stop). */
    private void settle(String user, Run run) {
        try {
            boolean noContact = !run.done() && !leaseNearlyUp(run.current());
            store.settle(run.removed, null, run.rest());
            if (noContact) {
                finish(user);
            } else {
                next(user);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not record the delivery of stored messages for " + user, e);
            finish(user);
        }
    }

    /** The current message's answer: the next one goes, or the run is settled (on the executor: the database). */
    private void answered(String user, Run run, int status) {
        QueuedMessage message = run.current();
        switch (DeliveryOutcome.of(status)) {
            case DELIVERED -> {
                delivered.incrementAndGet();
                run.removeCurrent();
                send(user, run);
            }
            case REFUSED -> {
                long count = refused.incrementAndGet();
                LOG.info(() -> "stored message #" + message.id() + " for " + user + " refused with " + status
                        + " after " + (message.attempts() + 1) + " attempt(s): removed (" + count + " refused since start)");
                run.removeCurrent();
                send(user, run);
            }
            case RETRY -> onExecutor(user, () -> {
                try {
                    store.settle(run.removed, message.id(), run.after());
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "could not record the delivery of stored message #" + message.id(), e);
                }
                finish(user);
            });
        }
    }

    private void onExecutor(String user, Runnable work) {
        try {
            executor.execute(work);
        } catch (RuntimeException e) {
            // shutting down: the claims lapse and the messages go again later
            LOG.log(Level.FINE, "delivery for " + user + " not finished (the claims lapse)", e);
            finish(user);
        }
    }

    /**
     * A run of one recipient's claimed messages, sent one at a time in order; those delivered or
     * refused for good are deleted together when the run is settled (one transaction per run).
     */
    private static final class Run {
        private final List<QueuedMessage> messages;
        private final List<Long> removed = new ArrayList<>();
        private int next;

        Run(List<QueuedMessage> messages) {
            this.messages = messages;
        }

        boolean done() {
            return next == messages.size();
        }

        QueuedMessage current() {
            return messages.get(next);
        }

        void removeCurrent() {
            removed.add(messages.get(next++).id());
        }

        /** The current message and those after it: not tried. */
        List<Long> rest() {
            return messages.subList(next, messages.size()).stream().map(QueuedMessage::id).toList();
        }

        /** Those after the current one. */
        List<Long> after() {
            return messages.subList(next + 1, messages.size()).stream().map(QueuedMessage::id).toList();
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
