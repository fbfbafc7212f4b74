package org.switchboard.sip.registrar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TimeZone;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.UserAgentHeader;
import org.switchboard.sip.config.SipSettings;
import org.switchboard.sip.auth.DigestAuthenticator;
import org.switchboard.sip.domain.LocalDomain;
import org.switchboard.sip.security.ResidentialLimits;
import org.switchboard.sip.location.Binding;
import org.switchboard.sip.location.LocationService;
import org.switchboard.sip.servlet.SipMethods;
import org.switchboard.sip.servlet.SipRequest;
import org.switchboard.sip.servlet.SipResponse;
import org.switchboard.sip.servlet.SipServlet;

/**
 * The registrar (RFC 3261 section 10.3) for the local SIP domain: authenticates the subscriber,
 * then adds, refreshes or removes the bindings of their address-of-record in the {@link
 * LocationService}, and answers 200 with every current contact and its remaining time. Nothing of
 * a REGISTER is written to the database or logged above FINE.
 */
@ApplicationScoped
public class RegistrarServlet extends SipServlet {

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    @Inject
    SipSettings settings;

    @Inject
    DigestAuthenticator authenticator;

    @Inject
    LocationService location;

    /** Told of new contacts (stored messages wait for them). */
    @Inject
    org.switchboard.sip.event.SipEvents events;

    /** Our domain or an address we listen on (phones often register to the IP address). */
    @Inject
    LocalDomain local;

    @Inject
    ResidentialLimits limits;

    @Override
    public Set<String> methods() {
        return Set.of(SipMethods.REGISTER);
    }

    @Override
    protected void doRegister(SipRequest request) {
        URI requestUri = request.getRequestURI();
        if (!(requestUri instanceof SipURI sipUri) || !local.isOurHost(sipUri.getHost())) {
            request.createResponse(404, "Domain not served here").send();
            return;
        }
        if (!(request.getTo().getURI() instanceof SipURI to) || to.getUser() == null || !local.isOurHost(to.getHost())) {
            request.createResponse(404, "Not a local address-of-record").send();
            return;
        }
        DigestAuthenticator.Outcome outcome = authenticator.authenticate(request);
        if (outcome instanceof DigestAuthenticator.Challenge challenge) {
            authenticator.challenge(request, challenge.stale());
            return;
        }
        var account = ((DigestAuthenticator.Authenticated) outcome).account();
        if (!account.isActive()) {
            request.createResponse(403, "Account " + account.status().name().toLowerCase(Locale.ROOT)).send();
            return;
        }
        if (!account.user().equals(to.getUser())) {
            // RFC 3261 section 10.3 step 3: these credentials may change only their own bindings.
            request.createResponse(403, "Not allowed to register this address").send();
            return;
        }
        String aor = LocationService.aor(account.user(), local.domain());
        if (!limits.admitsRegistration(request, account.user(), location.lookup(aor))) {
            return; // from one network too many: 403 sent, account flagged
        }
        try {
            List<Binding> before = new ArrayList<>();
            List<Binding> bindings = update(request, aor, before);
            ok(request, bindings);
            reportNewContacts(account.user(), before, bindings);
        } catch (RegistrationRejected rejected) {
            reject(request, rejected);
        } catch (RuntimeException e) {
            // The cache may wrap what the update threw.
            RegistrationRejected rejected = findRejection(e);
            if (rejected == null) {
                throw e;
            }
            reject(request, rejected);
        }
    }

    /** Contacts in the bindings now that were not there before this REGISTER. */
    private void reportNewContacts(String user, List<Binding> before, List<Binding> after) {
        var known = before.stream().map(Binding::contactUri).collect(java.util.stream.Collectors.toSet());
        for (Binding binding : after) {
            if (!known.contains(binding.contactUri())) {
                events.contactRegistered(user, binding.contactUri());
            }
        }
    }

    /** Applies the REGISTER; {@code before} gets the bindings it changed (for {@link #reportNewContacts}). */
    private List<Binding> update(SipRequest request, String aor, List<Binding> before) {
        List<ContactHeader> contacts = request.getContacts();
        if (contacts.isEmpty()) {
            return location.lookup(aor); // a query: list the bindings
        }
        ExpiresHeader expiresHeader = (ExpiresHeader) request.getHeader(ExpiresHeader.NAME);
        Integer defaultExpires = expiresHeader == null ? null : expiresHeader.getExpires();
        UserAgentHeader ua = (UserAgentHeader) request.getHeader(UserAgentHeader.NAME);
        BindingChanges changes = new BindingChanges(request.getCallId(), request.getCSeq(),
                new BindingChanges.Source(request.getRemoteAddr(), request.getRemotePort(), request.getTransport(),
                        ua == null ? "" : request.getHeaderValue(UserAgentHeader.NAME)),
                settings.registrarMaxContacts(), location.now());
        if (contacts.stream().anyMatch(ContactHeader::isWildCard)) {
            if (contacts.size() != 1 || defaultExpires == null || defaultExpires != 0) {
                throw new RegistrationRejected(400, "Contact * needs Expires: 0 and no other contact");
            }
            return location.update(aor, changes::removeAll);
        }
        List<ContactUpdate> updates = new ArrayList<>();
        for (ContactHeader contact : contacts) {
            int expires = expiresOf(contact, defaultExpires);
            float q = contact.getQValue() < 0 ? 1.0f : contact.getQValue();
            updates.add(new ContactUpdate(contact.getAddress().getURI().toString(), expires, q));
        }
        return location.update(aor, current -> {
            before.clear(); // the cache may run this again on a conflict
            before.addAll(current);
            return changes.apply(current, updates);
        });
    }

    /** The contact's expires parameter, else the Expires header, else the default; 423 if too short. */
    private int expiresOf(ContactHeader contact, Integer headerExpires) {
        int expires;
        if (contact.getExpires() >= 0) {
            expires = contact.getExpires();
        } else if (headerExpires != null) {
            expires = headerExpires;
        } else {
            expires = settings.registrarDefaultExpires();
        }
        int min = settings.registrarMinExpires();
        if (expires > 0 && expires < min) {
            throw new RegistrationRejected(423, "Interval Too Brief", min);
        }
        return Math.min(expires, settings.registrarMaxExpires());
    }

    private void ok(SipRequest request, List<Binding> bindings) {
        SipResponse response = request.createResponse(200);
        var now = location.now();
        for (Binding binding : bindings) {
            response.addHeader(ContactHeader.NAME, "<" + binding.contactUri() + ">;expires=" + binding.expiresIn(now)
                    + (binding.q() < 1.0f ? ";q=" + binding.q() : ""));
        }
        // RFC 3261 section 10.3 step 8 (a Date helps phones without a clock); made, not parsed from text.
        response.setHeader(request.factories().headers().createDateHeader(Calendar.getInstance(UTC)));
        response.send();
    }

    private static void reject(SipRequest request, RegistrationRejected rejected) {
        SipResponse response = request.createResponse(rejected.status, rejected.reason);
        if (rejected.minExpires != null) {
            response.setHeader("Min-Expires", rejected.minExpires.toString());
        }
        response.send();
    }

    private static RegistrationRejected findRejection(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RegistrationRejected rejected) {
                return rejected;
            }
        }
        return null;
    }
}
