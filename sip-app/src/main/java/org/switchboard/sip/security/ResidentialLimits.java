package org.switchboard.sip.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import javax.sip.address.URI;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import org.switchboard.application.abuse.AbuseRecords;
import org.switchboard.persistence.abuse.AbuseKind;
import org.switchboard.sip.domain.LocalDomain;
import org.switchboard.sip.event.CallSide;
import org.switchboard.sip.event.SipObserver;
import org.switchboard.sip.location.Binding;
import org.switchboard.sip.servlet.SipRequest;

/**
 * The terms' residential use, per account: at most so many calls at once and new calls per
 * window (asked by the proxy for each authenticated INVITE of a subscriber), and bindings from at
 * most so many distinct networks (asked by the registrar). Over a limit the request is answered
 * 403 with a reason phrase naming the limit, and the account is flagged for support with an audit
 * entry ({@link AbuseRecords}, asynchronously; at most one flag per account and limit per
 * {@code flag-interval-seconds}, so a runaway phone does not write a row per request).
 *
 * <p>Calls going on are learnt as an observer of the proxy's call events: a call counts from its
 * start until its final failure or its BYE.
 */
@ApplicationScoped
public class ResidentialLimits implements SipObserver {

    private static final Logger LOG = Logger.getLogger(ResidentialLimits.class.getName());

    @Inject
    AbuseSettings settings;

    @Inject
    AbuseRecords records;

    @Inject
    LocalDomain local;

    private LongSupplier clock = System::nanoTime;
    private CallLimits calls;
    private LocationLimit locations;
    private final Map<String, Long> lastFlag = new ConcurrentHashMap<>();

    /** For CDI. */
    public ResidentialLimits() {
    }

    @PostConstruct
    void start() {
        calls = new CallLimits(settings.maxConcurrentCalls(), settings.maxNewCalls(), settings.newCallWindow().toNanos(),
                settings.maxCallTime().toNanos());
        locations = new LocationLimit(settings.maxLocations(), settings.locationPrefixV4(), settings.locationPrefixV6());
    }

    /**
     * Whether {@code user}'s authenticated initial INVITE may start a call; if not it has been
     * answered 403 and the account flagged.
     */
    public boolean admitsCall(SipRequest request, String user) {
        CallLimits.Verdict verdict = calls.admit(user, clock.getAsLong());
        switch (verdict) {
            case CONCURRENT_CALLS -> refuse(request, user, AbuseKind.CONCURRENT_CALLS,
                    "Too many calls at once (limit " + settings.maxConcurrentCalls() + ")");
            case CALL_RATE -> refuse(request, user, AbuseKind.CALL_RATE, "Too many new calls (limit "
                    + settings.maxNewCalls() + " in " + settings.newCallWindow().toSeconds() + " s)");
            case NONE -> {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code user}'s authenticated REGISTER may go on, given its current bindings; if not
     * it has been answered 403 and the account flagged. Refreshes and removals always may.
     */
    public boolean admitsRegistration(SipRequest request, String user, List<Binding> current) {
        if (!addsBindings(request)) {
            return true;
        }
        List<String> sources = current.stream().map(Binding::sourceHost).toList();
        if (!locations.exceeded(sources, request.getRemoteAddr())) {
            return true;
        }
        refuse(request, user, AbuseKind.LOCATIONS,
                "Registered from too many networks (limit " + locations.max() + ")");
        return false;
    }

    /** A REGISTER with a Contact that does not lapse now (RFC 3261 10.2.2: expires 0 removes). */
    private static boolean addsBindings(SipRequest request) {
        ExpiresHeader header = (ExpiresHeader) request.getHeader(ExpiresHeader.NAME);
        for (ContactHeader contact : request.getContacts()) {
            if (contact.isWildCard()) {
                return false;
            }
            int expires = contact.getExpires() >= 0 ? contact.getExpires() : header == null ? 1 : header.getExpires();
            if (expires != 0) {
                return true;
            }
        }
        return false;
    }

    private void refuse(SipRequest request, String user, AbuseKind kind, String reason) {
        request.createResponse(403, reason).send();
        long now = clock.getAsLong();
        String key = user + "/" + kind;
        Long last = lastFlag.get(key);
        if (last != null && now - last < settings.flagInterval().toNanos()) {
            LOG.fine(() -> user + ": " + reason + " (flagged already)");
            return;
        }
        lastFlag.put(key, now);
        LOG.info(() -> "SIP: " + user + " flagged: " + reason);
        records.flag(user, kind, reason, settings.blockAfterFlags());
    }

    @Override
    public void callStarted(String callId, URI caller, URI callee, CallSide callerSide) {
        local.localUser(caller).ifPresent(user -> calls.started(callId, user, clock.getAsLong()));
    }

    @Override
    public void callFailed(String callId, int status) {
        calls.ended(callId);
    }

    @Override
    public void callEnded(String callId) {
        calls.ended(callId);
    }
}
