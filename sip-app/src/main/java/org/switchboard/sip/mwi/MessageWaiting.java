package org.switchboard.sip.mwi;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.ListeningPoint;
import javax.sip.ResponseEvent;
import javax.sip.TimeoutEvent;
import javax.sip.address.SipURI;
import javax.sip.message.Request;
import org.switchboard.application.voicemail.VoicemailChanged;
import org.switchboard.application.voicemail.VoicemailService;
import org.switchboard.persistence.voicemail.MessageCounts;
import org.switchboard.sip.engine.SipEngine;
import org.switchboard.sip.engine.SipTimers;
import org.switchboard.sip.event.SipEvents;
import org.switchboard.sip.servlet.SipResponseHandler;

/**
 * Message waiting (RFC 3842 over RFC 6665): the phones' message-summary subscriptions, kept in
 * this bean's memory only (never in the database: the data policy stores no subscription dialogs;
 * SUBSCRIBE and NOTIFY are not traced), and the NOTIFYs: on subscribe and refresh, when the account's
 * voicemails change ({@link VoicemailChanged}, after the change committed), and a last one with
 * {@code terminated} on un-SUBSCRIBE or expiry. The counts are read from the database on the
 * default managed executor, never on a SIP thread. A NOTIFY answered with an error (481: the phone
 * forgot the subscription, 408, ...) or not answered at all (Timer F) removes the subscription
 * without a further NOTIFY (RFC 6665 section 4.2.2); the phone subscribes again when it wants to.
 */
@ApplicationScoped
public class MessageWaiting {

    private static final Logger LOG = Logger.getLogger(MessageWaiting.class.getName());

    @EJB
    VoicemailService voicemails;

    @EJB
    SipEngine engine;

    @Inject
    SipEvents events;

    @Resource
    ManagedExecutorService executor;

    @Inject
    SipTimers timers;

    /** By dialog: Call-ID and the subscriber's tag. */
    private final Map<String, MwiSubscription> subscriptions = new ConcurrentHashMap<>();

    static String key(String callId, String subscriberTag) {
        return callId + "|" + subscriberTag;
    }

    MwiSubscription find(String callId, String subscriberTag) {
        return subscriptions.get(key(callId, subscriberTag));
    }

    /** A new or refreshed subscription for {@code seconds}: NOTIFY with the counts now. */
    void subscribed(String key, MwiSubscription subscription, int seconds) {
        subscriptions.put(key, subscription);
        long now = System.currentTimeMillis();
        subscription.expiresAt(now + seconds * 1000L, timers.schedule(() -> ended(key, "timeout"), seconds, TimeUnit.SECONDS));
        executor.execute(() -> notifyCounts(subscription, null));
    }

    /** Un-SUBSCRIBE (Expires: 0): forgotten, and one last NOTIFY says terminated. */
    void unsubscribed(String key, MwiSubscription subscription) {
        MwiSubscription known = subscriptions.remove(key);
        if (known != null) {
            known.cancelExpiry();
        }
        executor.execute(() -> notifyCounts(subscription, ""));
    }

    /** The time ran out: the last NOTIFY says terminated. */
    void ended(String key, String reason) {
        MwiSubscription subscription = subscriptions.remove(key);
        if (subscription != null) {
            subscription.cancelExpiry();
            executor.execute(() -> notifyCounts(subscription, reason));
        }
    }

    int count() {
        return subscriptions.size();
    }

    void voicemailChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) VoicemailChanged change) {
        List<MwiSubscription> watching = subscriptions.values().stream().filter(s -> s.accountId == change.accountId()).toList();
        if (!watching.isEmpty()) {
            executor.execute(() -> watching.forEach(s -> notifyCounts(s, null)));
        }
    }

    /** One NOTIFY (RFC 6665 section 4.2.2): active with the time left (reason null), or terminated (with the reason, if not empty). */
    private void notifyCounts(MwiSubscription subscription, String terminatedReason) {
        try {
            MessageCounts counts = voicemails.counts(subscription.accountId);
            ListeningPoint udp = engine.listeningPoint(ListeningPoint.UDP);
            Request notify = subscription.dialog.request(Request.NOTIFY, engine.factories(), udp);
            var headers = engine.factories().headers();
            notify.addHeader(headers.createEventHeader("message-summary"));
            notify.addHeader(headers.createSubscriptionStateHeader(terminatedReason == null
                    ? "active;expires=" + subscription.secondsLeft(System.currentTimeMillis())
                    : "terminated" + (terminatedReason.isEmpty() ? "" : ";reason=" + terminatedReason)));
            SipURI us = engine.factories().addresses().createSipURI(null, udp.getIPAddress());
            us.setPort(udp.getPort());
            notify.addHeader(headers.createContactHeader(engine.factories().addresses().createAddress(us)));
            notify.setContent(MessageSummary.body(counts, subscription.accountUri),
                    headers.createContentTypeHeader(MessageSummary.TYPE, MessageSummary.SUBTYPE));
            subscription.dialog.send(notify, engine.provider("IPv4"), udp, events, new NotifyAnswers(subscription));
        } catch (Exception e) {
            LOG.log(Level.WARNING, "message-summary NOTIFY for account " + subscription.accountId + " failed", e);
        }
    }

    /**
     * RFC 6665 section 4.2.2: a NOTIFY that fails with 481 means the subscriber no longer has the
     * subscription (MUST remove); any other error but a challenge (401, 407), and a transaction
     * timeout, SHOULD remove it too. Removed quietly: the subscriber refused the last NOTIFY.
     */
    static boolean endsSubscription(int status) {
        return status >= 300 && status != 401 && status != 407;
    }

    /** Forgets {@code subscription} if it is still the one kept for its dialog (not replaced by a newer one). */
    void rejected(MwiSubscription subscription, String why) {
        if (subscriptions.values().remove(subscription)) {
            subscription.cancelExpiry();
            LOG.fine(() -> "message-summary subscription of account " + subscription.accountId + " removed: " + why);
        }
    }

    /** The answers to one NOTIFY, on the SIP executor. */
    private final class NotifyAnswers implements SipResponseHandler {

        private final MwiSubscription subscription;

        NotifyAnswers(MwiSubscription subscription) {
            this.subscription = subscription;
        }

        @Override
        public void handleResponse(ResponseEvent event) {
            int status = event.getResponse().getStatusCode();
            if (endsSubscription(status)) {
                rejected(subscription, "NOTIFY answered " + status);
            }
        }

        @Override
        public void handleTimeout(TimeoutEvent event) {
            rejected(subscription, "NOTIFY not answered");
        }
    }

    @PreDestroy
    void stop() {
        subscriptions.values().forEach(MwiSubscription::cancelExpiry);
        subscriptions.clear();
    }
}
