package org.switchboard.sip.mwi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Set;
import javax.sip.address.SipURI;
import javax.sip.header.EventHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import org.switchboard.sip.auth.DigestAccount;
import org.switchboard.sip.auth.DigestAuthenticator;
import org.switchboard.sip.config.SipSettings;
import org.switchboard.sip.domain.LocalDomain;
import org.switchboard.sip.servlet.OwnDialog;
import org.switchboard.sip.servlet.SipMethods;
import org.switchboard.sip.servlet.SipRequest;
import org.switchboard.sip.servlet.SipResponse;
import org.switchboard.sip.servlet.SipServlet;

/**
 * SUBSCRIBE to message-summary (RFC 3842) for one's own account: digest like the registrar (401),
 * the authenticated account must be the one subscribed to (else 403) and active; another event
 * package gets 489 (RFC 6665 section 8.2.1). Expires within the registrar's limits (423 below its
 * minimum, capped at its maximum); Expires 0 ends the subscription. Then {@link MessageWaiting}
 * sends the NOTIFYs.
 */
@ApplicationScoped
public class MwiServlet extends SipServlet {

    static final String EVENT = "message-summary";

    @Inject
    DigestAuthenticator authenticator;

    @Inject
    LocalDomain local;

    @Inject
    SipSettings settings;

    @Inject
    MessageWaiting waiting;

    @Override
    public Set<String> methods() {
        return Set.of(SipMethods.SUBSCRIBE);
    }

    @Override
    protected void doSubscribe(SipRequest request) {
        EventHeader event = (EventHeader) request.getHeader(EventHeader.NAME);
        if (event == null || !EVENT.equalsIgnoreCase(event.getEventType())) {
            request.createResponse(489, "Bad Event").setHeader("Allow-Events", EVENT).send();
            return;
        }
        if (!(request.getRequestURI() instanceof SipURI target) || target.getUser() == null || !local.isOurHost(target.getHost())) {
            request.respond(404);
            return;
        }
        DigestAuthenticator.Outcome outcome = authenticator.authenticate(request);
        if (outcome instanceof DigestAuthenticator.Challenge challenge) {
            authenticator.challenge(request, challenge.stale());
            return;
        }
        DigestAccount account = ((DigestAuthenticator.Authenticated) outcome).account();
        if (!account.isActive()) {
            request.createResponse(403, "Account " + account.status().name().toLowerCase(Locale.ROOT)).send();
            return;
        }
        if (!account.user().equals(target.getUser())) {
            request.createResponse(403, "Only your own messages").send();
            return;
        }
        ExpiresHeader expiresHeader = (ExpiresHeader) request.getHeader(ExpiresHeader.NAME);
        int expires = expiresHeader == null ? settings.registrarDefaultExpires() : expiresHeader.getExpires();
        if (expires > 0 && expires < settings.registrarMinExpires()) {
            request.createResponse(423).setHeader("Min-Expires", Integer.toString(settings.registrarMinExpires())).send();
            return;
        }
        expires = Math.min(expires, settings.registrarMaxExpires());
        String subscriberTag = ((FromHeader) request.getHeader(FromHeader.NAME)).getTag();
        String key = MessageWaiting.key(request.getCallId(), subscriberTag);
        boolean refresh = ((ToHeader) request.getHeader(ToHeader.NAME)).getTag() != null;
        MwiSubscription existing = waiting.find(request.getCallId(), subscriberTag);
        if (refresh && existing == null) {
            request.respond(481);
            return;
        }
        SipResponse ok = request.createResponse(200).setHeader(ExpiresHeader.NAME, Integer.toString(expires));
        ok.setHeader("Contact", "<sip:" + request.getLocalAddr() + ":" + request.getLocalPort() + ">");
        MwiSubscription subscription = existing != null ? existing : new MwiSubscription(account.accountId(),
                "sip:" + account.user() + "@" + local.domain(),
                OwnDialog.answered(request, ((ToHeader) ok.unwrap().getHeader(ToHeader.NAME)).getTag()));
        ok.send();
        if (expires == 0) {
            // RFC 6665 section 4.2.1.4: an un-SUBSCRIBE (or a fetch) gets one NOTIFY, "terminated", with the counts
            waiting.unsubscribed(key, subscription);
        } else {
            waiting.subscribed(key, subscription, expires);
        }
    }
}
