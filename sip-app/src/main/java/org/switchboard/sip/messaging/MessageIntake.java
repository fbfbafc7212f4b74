package org.switchboard.sip.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.header.ContentLengthHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Request;
import org.switchboard.application.messaging.DeliveryOutcome;
import org.switchboard.application.messaging.IncomingMessage;
import org.switchboard.application.messaging.MessagingSettings;
import org.switchboard.application.messaging.MessageStoreQueue;
import org.switchboard.application.messaging.StoreResult;
import org.switchboard.sip.config.SipSettings;
import org.switchboard.sip.servlet.SipRequest;

/**
 * What the proxy asks about a MESSAGE for a local user (RFC 3428): whether it is well-formed and
 * small enough to take at all, and, when the recipient can't take it now, storing it and giving
 * the sender the answer the store earned. 202 Accepted only once the row is committed, because the
 * data policy promises that an accepted message is never lost; the SIP thread does not wait for
 * that: the message joins the next group commit ({@link MessageStoreQueue}) and the answer is sent
 * from its completion. A store that fails (database down) is answered 500, never 202, and the
 * sender may try again; when too many messages wait for their commit already, 503 with Retry-After.
 */
@ApplicationScoped
public class MessageIntake {

    private static final Logger LOG = Logger.getLogger(MessageIntake.class.getName());

    @Inject
    MessagingSettings settings;

    @Inject
    MessageStoreQueue store;

    @Inject
    SipSettings sip;

    @Inject
    MessageDelivery delivery;

    @Inject
    Clock clock;

    /** Copied once: asking the settings bean (an EJB) for them on every MESSAGE cost 5 % of the proxied path (JFR). */
    private int maxBodyBytes;
    private int answerWithinSeconds;

    @PostConstruct
    void readSettings() {
        maxBodyBytes = settings.maxBodyBytes();
        answerWithinSeconds = (int) settings.answerTimeout().toSeconds();
    }

    /** A MESSAGE that reached us, to be stored if nobody takes it. */
    public final class Pending {
        private final SipRequest request;
        private final IncomingMessage message;

        private Pending(SipRequest request, IncomingMessage message) {
            this.request = request;
            this.message = message;
        }

        /**
         * Stores the message and answers the sender: 202, or why not (404 unknown, 403 blocked,
         * 486 full, 500 not stored). {@code afterFailedAttempt}: the recipient's phones were tried
         * and did not take it, so the stored copy waits for the back-off before its next try.
         */
        public void store(boolean afterFailedAttempt) {
            store.submit(message, afterFailedAttempt).whenComplete(this::answer);
        }

        /** Runs on the store's writer thread once the commit is done (or failed). */
        private void answer(StoreResult result, Throwable failure) {
            try {
                if (failure != null) {
                    LOG.log(Level.WARNING, "could not store a MESSAGE for " + message.recipientUser() + ": answered 500",
                            failure);
                    request.createResponse(500, "Message not stored, try again later").send();
                    return;
                }
                switch (result) {
                    case STORED -> {
                        delivery.stored(message.recipientUser());
                        request.createResponse(202, "Accepted, stored for delivery").send();
                    }
                    case UNKNOWN_RECIPIENT -> request.respond(404);
                    case RECIPIENT_BLOCKED -> request.createResponse(403, "Recipient unavailable").send();
                    case RECIPIENT_FULL -> request.createResponse(486, "Recipient's message store is full").send();
                    case STORE_BUSY -> request.createResponse(503, "Message store busy, try again later")
                            .setHeader("Retry-After", Integer.toString(sip.sipOverloadRetryAfter())).send();
                }
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "could not answer a MESSAGE for " + message.recipientUser(), e);
            }
        }
    }

    /**
     * Whether the MESSAGE may go on; else it is answered: 400 for a body without Content-Type
     * (RFC 3261 section 20.15) or a Content-Length that is not the body's length (section 20.14),
     * 413 for a body over {@code switchboard.messaging.max-body-bytes}.
     */
    public boolean wellFormed(SipRequest request) {
        Request message = request.unwrap();
        byte[] body = message.getRawContent();
        int length = body == null ? 0 : body.length;
        ContentLengthHeader declared = (ContentLengthHeader) message.getHeader(ContentLengthHeader.NAME);
        if (declared != null && declared.getContentLength() != length) {
            request.createResponse(400, "Content-Length does not match the body").send();
            return false;
        }
        if (length > 0 && message.getHeader(ContentTypeHeader.NAME) == null) {
            request.createResponse(400, "A body needs a Content-Type").send();
            return false;
        }
        if (length > maxBodyBytes) {
            request.createResponse(413, "Message body over " + maxBodyBytes + " bytes").send();
            return false;
        }
        return true;
    }

    /** The message as it is now, received now, for {@code user} (a local user). */
    public Pending pending(SipRequest request, String user) {
        Request message = request.unwrap();
        ContentTypeHeader type = (ContentTypeHeader) message.getHeader(ContentTypeHeader.NAME);
        byte[] body = message.getRawContent();
        return new Pending(request, new IncomingMessage(user == null ? "" : user, request.getFrom().getURI().toString(),
                request.getTo().getURI().toString(), type == null ? "" : contentType(type),
                body == null ? new byte[0] : body, clock.instant()));
    }

    /** The header's value as written (type/subtype and parameters), without the name. */
    private static String contentType(ContentTypeHeader type) {
        String header = type.toString().trim();
        int colon = header.indexOf(':');
        return colon < 0 ? header : header.substring(colon + 1).trim();
    }

    /** Seconds the recipient's phones have to answer before the message is stored. */
    public int answerWithinSeconds() {
        return answerWithinSeconds;
    }

    /** The answers of a branch that mean "not there now": the message is stored (408, 480, 503, none). */
    public static boolean isAway(int status) {
        return DeliveryOutcome.isAway(status);
    }
}
