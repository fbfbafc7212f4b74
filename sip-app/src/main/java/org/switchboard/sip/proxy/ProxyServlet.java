package org.switchboard.sip.proxy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.SipException;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.FromHeader;
import javax.sip.header.RouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import org.switchboard.sip.auth.DigestAccount;
import org.switchboard.sip.auth.DigestAuthenticator;
import org.switchboard.sip.domain.LocalDomain;
import org.switchboard.sip.security.ResidentialLimits;
import org.switchboard.sip.event.CallSide;
import org.switchboard.sip.location.Binding;
import org.switchboard.sip.location.LocationService;
import org.switchboard.sip.messaging.MessageIntake;
import org.switchboard.sip.servlet.SipMethods;
import org.switchboard.sip.servlet.SipRequest;
import org.switchboard.sip.servlet.SipServlet;

/**
 * The proxy's routing logic (RFC 3261 section 16): calls to local users are looked up in the
 * {@link LocationService} and forked to their contacts, record-routed: in parallel to all those
 * of the highest q-value, then to the next q-value if they all fail (sequential search); requests
 * inside a dialog follow their Route headers (loose routing, our own Route popped); CANCEL
 * cancels every branch. Requests for other domains get 403: this server does not relay.
 *
 * <p>Out-of-dialog requests whose From is in our domain must prove it with Proxy-Authorization
 * (407 first), for the account the From names, and that account must be active; otherwise anyone
 * could call as our subscriber. Requests from other domains may only reach our subscribers.
 * In-dialog requests are not challenged (the dialog was), nor are CANCEL and ACK, which can't
 * be (RFC 3261 section 22.1). As Kamailio does ({@code consume_credentials}), our credentials are
 * not passed on to the callee.
 */
@ApplicationScoped
public class ProxyServlet extends SipServlet {

    private static final Logger LOG = Logger.getLogger(ProxyServlet.class.getName());

    @Inject
    ProxyEngine engine;

    @Inject
    LocationService location;

    @Inject
    LocalUsers users;

    @Inject
    DigestAuthenticator authenticator;

    @Inject
    DomainResolver resolver;

    @Inject
    LocalDomain local;

    @Inject
    ResidentialLimits limits;

    @Inject
    org.switchboard.sip.config.SipSettings settings;

    @Inject
    MessageIntake messages;

    @Inject
    VoicemailDiversion voicemail;

    /** Who sent an out-of-dialog request, as far as authentication tells. */
    private enum Caller {
        /** From another domain: may only reach our subscribers. */
        FOREIGN,
        /** One of our subscribers, authenticated. */
        SUBSCRIBER,
        /** Challenged or refused: the answer is sent. */
        STOPPED
    }

    @Override
    public Set<String> methods() {
        return Set.of(SipMethods.INVITE, SipMethods.ACK, SipMethods.BYE, SipMethods.CANCEL, SipMethods.PRACK,
                SipMethods.UPDATE, SipMethods.INFO, SipMethods.MESSAGE);
    }

    @Override
    public int routingOrder() {
        return 500;
    }

    @Override
    public void service(SipRequest request) throws Exception {
        if (SipMethods.CANCEL.equals(request.getMethod())) {
            cancel(request);
            return;
        }
        Request message = request.unwrap();
        if (MaxForwards.exhausted(message)) {
            if (!SipMethods.ACK.equals(request.getMethod())) {
                request.respond(483); // 16.3 step 2
            }
            return;
        }
        // A phone behind NAT gets calls and in-dialog requests at the address it sends from.
        NatTraversal.fixContact(message, request.getRemoteAddr(), request.getRemotePort());
        boolean ourRoute = popOwnRoutes(message);
        if (((ToHeader) message.getHeader(ToHeader.NAME)).getTag() != null) {
            inDialog(request, ourRoute);
        } else {
            initial(request);
        }
    }

    /** Section 16.4: Routes naming us are ours to remove; returns whether there was one. */
    private boolean popOwnRoutes(Request message) {
        boolean popped = false;
        ListIterator<?> routes = message.getHeaders(RouteHeader.NAME);
        while (routes != null && routes.hasNext()) {
            RouteHeader route = (RouteHeader) routes.next();
            if (!local.isThisServer(route.getAddress().getURI())) {
                break;
            }
            message.removeFirst(RouteHeader.NAME);
            popped = true;
            routes = message.getHeaders(RouteHeader.NAME);
        }
        return popped;
    }

    /** Requests of an established dialog: sent on towards the remote target or the next Route. */
    private void inDialog(SipRequest request, boolean ourRoute) throws SipException {
        Request message = request.unwrap();
        boolean routeLeft = message.getHeader(RouteHeader.NAME) != null;
        // Our voicemail is a user agent at our own address: its dialog's requests go on to it.
        boolean toUs = !voicemail.isVoicemail(message.getRequestURI()) && (local.isThisServer(message.getRequestURI())
                || (message.getRequestURI() instanceof SipURI sip && local.isOurHost(sip.getHost()) && !ourRoute && !routeLeft));
        if (SipMethods.ACK.equals(request.getMethod())) {
            if (!toUs) {
                Request out = (Request) message.clone();
                MaxForwards.decrement(out, request.factories().headers());
                engine.sendStateless(request.getProvider(), out);
            }
            // else: the ACK of a non-2xx final answer, absorbed by the transaction layer (17.2.1)
            return;
        }
        if (toUs && !routeLeft) {
            request.createResponse(481, "Call/Transaction Does Not Exist").send();
            return;
        }
        if (SipMethods.BYE.equals(request.getMethod())) {
            engine.events().callEnded(request.getCallId());
        }
        ProxyContext proxy = engine.contextFor(request);
        proxy.keepRequestUri();
        proxy.proxyTo(java.util.Collections.singletonList(message.getRequestURI()));
    }

    /** A request outside any dialog: INVITE or MESSAGE to a local user; anything else does not exist here. */
    private void initial(SipRequest request) {
        if (SipMethods.ACK.equals(request.getMethod())) {
            return;
        }
        Caller caller = authorize(request);
        if (caller == Caller.STOPPED) {
            return;
        }
        boolean isMessage = SipMethods.MESSAGE.equals(request.getMethod());
        if (!SipMethods.INVITE.equals(request.getMethod()) && !isMessage) {
            request.createResponse(481, "Call/Transaction Does Not Exist").send();
            return;
        }
        if (isMessage && !messages.wellFormed(request)) {
            return; // answered 400 or 413
        }
        Request message = request.unwrap();
        String loopHash = loopHash(message);
        if (looped(message, loopHash)) {
            request.respond(482); // 16.3 step 4
            return;
        }
        if (message.getHeader(RouteHeader.NAME) != null || !(message.getRequestURI() instanceof SipURI target)) {
            request.createResponse(403, "Relaying denied").send();
            return;
        }
        if (!local.isOurHost(target.getHost())) {
            if (caller == Caller.SUBSCRIBER && settings.proxyForwardsToOtherDomains()) {
                forwardToOtherDomain(request, target, loopHash);
            } else {
                request.createResponse(403, "Relaying denied").send();
            }
            return;
        }
        String user = target.getUser();
        List<Binding> bindings = user == null ? List.of() : location.lookup(LocationService.aor(user, local.domain()));
        if (isMessage) {
            message(request, user, bindings, loopHash);
            return;
        }
        request.createResponse(100).send();
        callStarted(request);
        java.util.Optional<VoicemailDiversion.Target> voicemailTarget = user == null ? java.util.Optional.empty() : voicemail.forCallee(user);
        if (bindings.isEmpty()) {
            if (voicemailTarget.isPresent()) {
                divertAtOnce(request, voicemailTarget.get(), loopHash);
                return;
            }
            // From outside, "no such user" and "not registered" look alike (480): no user enumeration.
            boolean known = user != null && users.exists(user);
            callRefusedHere(request, known || caller != Caller.SUBSCRIBER ? 480 : 404);
            return;
        }
        ProxyContext proxy = engine.contextFor(request);
        ForkPlan.Builder<URI> plan = contacts(request, proxy, bindings);
        if (plan.isEmpty()) {
            callRefusedHere(request, 480);
            return;
        }
        proxy.recordRoute(true);
        proxy.loopHash(loopHash);
        proxy.reportsCall();
        voicemailTarget.ifPresent(proxy::divertOnFailure);
        proxy.proxy(plan.build());
    }

    /**
     * A MESSAGE to a local user (RFC 3428): to every registered contact at once, the first 2xx
     * passed back; with no contact, or when they all answer 408/480/503 or not in time, the
     * message is stored for later and the sender gets 202 ({@link MessageIntake}). Not a call:
     * no CDR, no Record-Route (no dialog).
     */
    private void message(SipRequest request, String user, List<Binding> bindings, String loopHash) {
        MessageIntake.Pending pending = messages.pending(request, user);
        if (user == null) {
            request.respond(404);
            return;
        }
        if (bindings.isEmpty()) {
            pending.store(false);
            return;
        }
        ProxyContext proxy = engine.contextFor(request);
        ForkPlan<URI> plan = contacts(request, proxy, bindings).build();
        // A MESSAGE rings no phone: every contact at once, whatever its q.
        List<URI> every = new java.util.ArrayList<>();
        while (plan.hasNextGroup()) {
            every.addAll(plan.nextGroup());
        }
        proxy.loopHash(loopHash);
        proxy.unanswered(MessageIntake::isAway, () -> pending.store(true), messages.answerWithinSeconds());
        proxy.proxyTo(every); // none usable: our own 503, which the fallback takes (stored)
    }

    /** The bindings as q-groups, highest first; the NAT hop of each filed in the context. */
    private static ForkPlan.Builder<URI> contacts(SipRequest request, ProxyContext proxy, List<Binding> bindings) {
        // One group per q-value, highest first: equal q rings together, lower q only if those fail.
        ForkPlan.Builder<URI> plan = ForkPlan.byQ();
        for (Binding binding : bindings) {
            try {
                URI contact = request.factories().addresses().createURI(binding.contactUri());
                plan.add(contact, binding.q());
                javax.sip.address.Hop hop = NatTraversal.publicHop(binding, contact);
                if (hop != null) {
                    proxy.sendVia(contact, hop);
                }
            } catch (java.text.ParseException e) {
                LOG.log(Level.FINE, "unusable contact " + binding.contactUri(), e);
            }
        }
        return plan;
    }

    /** No phone registered, voicemail on: the call goes to voicemail, record-routed like any call. */
    private void divertAtOnce(SipRequest request, VoicemailDiversion.Target target, String loopHash) {
        ProxyContext proxy = engine.contextFor(request);
        proxy.recordRoute(true);
        proxy.loopHash(loopHash);
        proxy.reportsCall();
        proxy.divertNow(target);
    }

    /** An initial INVITE we proxy is a call attempt: the observers (CDRs) learn of it. */
    private void callStarted(SipRequest request) {
        engine.events().callStarted(request.getCallId(), request.getFrom().getURI(), request.getTo().getURI(),
                CallSide.of(request.unwrap(), request.getRemote().toString()));
    }

    /** The call attempt ends with our own answer: nobody to ring. */
    private void callRefusedHere(SipRequest request, int status) {
        request.respond(status);
        engine.events().callFailed(request.getCallId(), status);
        engine.forgetInvite(request);
    }

    /**
     * Whether the request may go on: from another domain, or from a local subscriber who proved it
     * (else 407, or 403 when the credentials are another account's or the account isn't active).
     */
    private Caller authorize(SipRequest request) {
        Request message = request.unwrap();
        URI fromUri = ((FromHeader) message.getHeader(FromHeader.NAME)).getAddress().getURI();
        if (!(fromUri instanceof SipURI from) || !local.isOurHost(from.getHost())) {
            return Caller.FOREIGN;
        }
        DigestAuthenticator.Outcome outcome = authenticator.authenticate(request, DigestAuthenticator.Kind.PROXY);
        if (outcome instanceof DigestAuthenticator.Challenge challenge) {
            authenticator.challenge(request, challenge.stale(), DigestAuthenticator.Kind.PROXY);
            return Caller.STOPPED;
        }
        DigestAccount account = ((DigestAuthenticator.Authenticated) outcome).account();
        if (!account.isActive()) {
            request.createResponse(403, "Account " + account.status().name().toLowerCase(Locale.ROOT)).send();
            return Caller.STOPPED;
        }
        if (!account.user().equals(from.getUser())) {
            request.createResponse(403, "From does not match the authenticated user").send();
            return Caller.STOPPED;
        }
        if (SipMethods.INVITE.equals(request.getMethod()) && !limits.admitsCall(request, account.user())) {
            return Caller.STOPPED; // over a residential limit: 403 sent, account flagged
        }
        authenticator.consumeCredentials(message, DigestAuthenticator.Kind.PROXY);
        return Caller.SUBSCRIBER;
    }

    /**
     * A subscriber's call to another domain: the next hop per RFC 3263 ({@link DomainResolver}),
     * record-routed like any call, with its CDR; 478 when the domain can't be resolved (as
     * Kamailio and OpenSIPS answer).
     */
    private void forwardToOtherDomain(SipRequest request, SipURI target, String loopHash) {
        Request message = request.unwrap();
        java.util.Optional<javax.sip.address.Hop> hop = resolver.resolve(target);
        if (hop.isEmpty()) {
            request.createResponse(478, "Unresolvable Destination").send();
            return;
        }
        boolean call = SipMethods.INVITE.equals(request.getMethod());
        if (call) {
            request.createResponse(100).send();
            callStarted(request);
        }
        ProxyContext proxy = engine.contextFor(request);
        proxy.sendVia(target, hop.get());
        proxy.recordRoute(call); // a MESSAGE makes no dialog
        proxy.loopHash(loopHash);
        if (call) {
            proxy.reportsCall();
        }
        proxy.proxyTo(List.of(target));
    }

    /**
     * Section 16.6 step 8: a hash of what makes a request the same request (Request-URI, From tag,
     * Call-ID, CSeq), which we put in our Via; seeing it again in a Via means a loop, not a spiral.
     */
    static String loopHash(Request message) {
        String key = message.getRequestURI() + "|" + ((FromHeader) message.getHeader(FromHeader.NAME)).getTag() + "|"
                + ((javax.sip.header.CallIdHeader) message.getHeader(javax.sip.header.CallIdHeader.NAME)).getCallId() + "|"
                + ((javax.sip.header.CSeqHeader) message.getHeader(javax.sip.header.CSeqHeader.NAME)).getSeqNumber();
        return Integer.toHexString(key.hashCode());
    }

    private static boolean looped(Request message, String hash) {
        ListIterator<?> vias = message.getHeaders(ViaHeader.NAME);
        while (vias != null && vias.hasNext()) {
            if (hash.equals(((ViaHeader) vias.next()).getParameter(ProxyEngine.LOOP_PARAM))) {
                return true;
            }
        }
        return false;
    }

    /** Section 16.10: 200 to the CANCEL, then every branch of the INVITE is cancelled. */
    private void cancel(SipRequest request) {
        ProxyContext invite = engine.inviteFor(request);
        if (invite == null) {
            request.respond(481);
            return;
        }
        request.respond(200);
        invite.cancelByCaller();
    }
}
