package org.switchboard.sip.mwi;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
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
import javax.sip.address.SipURI;
import javax.sip.message.Request;
import org.switchboard.application.voicemail.VoicemailChanged;
import org.switchboard.application.voicemail.VoicemailService;
import org.switchboard.persistence.voicemail.MessageCounts;
import org.switchboard.sip.engine.SipEngine;
import org.switchboard.sip.event.SipEvents;

/**
 * Message waiting (RFC 3842 over RFC 6665): the phones' message-summary subscriptions, kept in
 * this bean's memory only (never in the database: the data policy stores no subscription dialogs;
 * SUBSCRIBE and NOTIFY are not traced), and the NOTIFYs: on subscribe and refresh, when the account's
 * voicemails change ({@link VoicemailChanged}, after the change committed), and a last one with
 * {@code terminated} on un-SUBSCRIBE or expiry. The counts are read from the database on the
 * default managed executor, never on a SIP thread. NOTIFY answers are not awaited: a phone that is
 * gone keeps its subscription until it expires.
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

    @Resource
    ManagedScheduledExecutorService scheduler;

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
        subscription.expiresAt(now + seconds * 1000L, scheduler.schedule(() -> ended(key, "timeout"), seconds, TimeUnit.SECONDS));
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
            subscription.dialog.send(notify, engine.provider("IPv4"), udp, events);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "message-summary NOTIFY for account " + subscription.accountId + " failed", e);
        }
    }

    @PreDestroy
    void stop() {
        subscriptions.values().forEach(MwiSubscription::cancelExpiry);
        subscriptions.clear();
    }
}
