package org.switchboard.sip.proxy;

import gov.nist.javax.sip.Utils;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.address.Hop;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.RouteHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.switchboard.sip.config.SipSettings;
import org.switchboard.sip.engine.SipEngine;
import org.switchboard.sip.engine.SipTimers;
import org.switchboard.sip.event.SipEvents;
import org.switchboard.sip.event.SipMessageEvent;
import org.switchboard.sip.servlet.SipFactories;
import org.switchboard.sip.servlet.SipRequest;
import org.switchboard.sip.servlet.SipResponseHandler;

/**
 * The stateful proxy's shared part: makes a {@link ProxyContext} per proxied request, keeps which
 * client transaction belongs to which context (and which INVITE a CANCEL is for), routes what
 * comes back to them, and sends the forwarded messages, reporting each to the observers ({@link
 * SipEvents}) just before it goes. RFC 3261 section 16.
 */
@ApplicationScoped
public class ProxyEngine implements SipResponseHandler {

    private static final Logger LOG = Logger.getLogger(ProxyEngine.class.getName());

    /** Our Via parameter carrying the loop-detection hash (RFC 3261 section 16.6 step 8). */
    static final String LOOP_PARAM = "sb-loop";

    @EJB
    SipEngine engine;

    private volatile SipFactories factories;
    private final Map<String, ListeningPoint> listeningPoints = new ConcurrentHashMap<>();

    @Inject
    SipSettings settings;

    @Inject
    SipEvents events;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    SipTimers timers;

    private final Map<ClientTransaction, Branch> branches = new ConcurrentHashMap<>();
    private final Map<ClientTransaction, ProxyContext> contexts = new ConcurrentHashMap<>();
    private final Map<String, ProxyContext> invites = new ConcurrentHashMap<>();

    /** The proxy state of a request the proxy servlet forwards; a CANCEL finds its INVITE's by {@link #inviteFor}. */
    ProxyContext contextFor(SipRequest request) {
        ProxyContext context = new ProxyContext(this, request, (int) settings.proxyTimerC().toSeconds());
        if (Request.INVITE.equals(request.getMethod())) {
            invites.put(inviteKey(request.unwrap()), context);
        }
        return context;
    }

    /** The proxied INVITE a CANCEL is for (same Call-ID and top Via branch, section 9.2), or null. */
    ProxyContext inviteFor(SipRequest cancel) {
        return invites.get(inviteKey(cancel.unwrap()));
    }

    private static String inviteKey(Request request) {
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        return ((javax.sip.header.CallIdHeader) request.getHeader(javax.sip.header.CallIdHeader.NAME)).getCallId()
                + "|" + (via == null ? "" : via.getBranch());
    }

    void forgetInvite(SipRequest invite) {
        invites.remove(inviteKey(invite.unwrap()));
    }

    @Override
    public void handleResponse(ResponseEvent event) {
        Response response = event.getResponse();
        ClientTransaction transaction = event.getClientTransaction();
        if (transaction != null && transaction.getApplicationData() instanceof SipResponseHandler own) {
            own.handleResponse(event); // a request of another feature's own (e.g. message delivery)
            return;
        }
        ProxyContext context = transaction == null ? null : contexts.get(transaction);
        if (context == null) {
            forwardStray(event);
            return;
        }
        context.onResponse(branches.get(transaction), response);
    }

    @Override
    public void handleTimeout(TimeoutEvent event) {
        ClientTransaction transaction = event.getClientTransaction();
        if (transaction != null && transaction.getApplicationData() instanceof SipResponseHandler own) {
            own.handleTimeout(event);
            return;
        }
        ProxyContext context = transaction == null ? null : contexts.get(transaction);
        if (context != null) {
            context.onTimeout(branches.get(transaction));
        }
    }

    /**
     * A response with no transaction any more: retransmitted or forked 2xx to an INVITE (section
     * 16.7 step 10 forwards every 2xx). Others (e.g. 200 to a CANCEL) stop here.
     */
    private void forwardStray(ResponseEvent event) {
        Response response = event.getResponse();
        javax.sip.header.CSeqHeader cseq = (javax.sip.header.CSeqHeader) response.getHeader(javax.sip.header.CSeqHeader.NAME);
        if (response.getStatusCode() / 100 != 2 || cseq == null || !Request.INVITE.equals(cseq.getMethod())) {
            return;
        }
        Response out = (Response) response.clone();
        out.removeFirst(ViaHeader.NAME);
        if (out.getHeader(ViaHeader.NAME) == null) {
            return;
        }
        try {
            SipProvider provider = (SipProvider) event.getSource();
            provider.sendResponse(out);
            ViaHeader next = (ViaHeader) out.getHeader(ViaHeader.NAME);
            reportSent(out, next.getTransport(), viaTarget(next), viaPort(next));
        } catch (SipException e) {
            LOG.log(Level.FINE, "could not forward a 2xx retransmission", e);
        }
    }

    void register(ClientTransaction transaction, Branch branch, ProxyContext context) {
        branches.put(transaction, branch);
        contexts.put(transaction, context);
    }

    void unregister(ClientTransaction transaction) {
        branches.remove(transaction);
        contexts.remove(transaction);
    }

    /** Taken once from the engine (an EJB: each call through its view costs an interceptor chain). */
    SipFactories factories() {
        SipFactories f = factories;
        if (f == null) {
            f = engine.factories();
            factories = f;
        }
        return f;
    }

    /** Where the proxy says what happens to calls (CDRs and the other observers). */
    SipEvents events() {
        return events;
    }

    /** Runs work off the caller's thread (e.g. the answer a fallback gives). */
    ManagedScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** Timer C and the answer timers: removed from the queue when cancelled ({@link SipTimers}). */
    SipTimers timers() {
        return timers;
    }

    /** Our address on a transport, for Via and Record-Route. */
    ListeningPoint listeningPoint(String transport) {
        return listeningPoints.computeIfAbsent(transport.toUpperCase(Locale.ROOT), t -> {
            ListeningPoint point = engine.listeningPoint(t);
            return point != null ? point : engine.listeningPoint(ListeningPoint.UDP);
        });
    }

    /**
     * Adds our Via (fresh branch, loop hash) and opens the client transaction; {@link #start}
     * sends it. Two steps so the caller can file the branch before any answer can come back.
     */
    ClientTransaction prepare(SipProvider provider, Request out, String loopHash) throws SipException {
        ListeningPoint point = listeningPoint(nextHopTransport(out));
        try {
            ViaHeader via = factories().headers().createViaHeader(point.getIPAddress(), point.getPort(), point.getTransport(),
                    Utils.getInstance().generateBranchId());
            if (loopHash != null) {
                via.setParameter(LOOP_PARAM, loopHash);
            }
            out.addFirst(via);
        } catch (ParseException | InvalidArgumentException e) {
            throw new SipException("cannot build our Via", e);
        }
        return provider.getNewClientTransaction(out);
    }

    /** Sends a prepared request, reported first so observers keep the order of the wire. */
    void start(SipProvider provider, ClientTransaction transaction) throws SipException {
        reportSent(provider, transaction.getRequest());
        transaction.sendRequest();
    }

    private void reportSent(SipProvider provider, Request out) {
        try {
            ViaHeader via = (ViaHeader) out.getHeader(ViaHeader.NAME);
            ListeningPoint point = listeningPoint(via.getTransport());
            Hop hop = provider.getSipStack().getRouter().getNextHop(out);
            if (hop != null) {
                events.requestSent(new SipMessageEvent(out, point.getTransport(), point.getIPAddress(), point.getPort(),
                        hop.getHost(), hop.getPort()));
            }
        } catch (SipException | RuntimeException e) {
            LOG.log(Level.FINE, "could not work out where a forwarded request goes", e);
        }
    }

    /** Sends an ACK for a 2xx statelessly (section 16.11): it has no transaction. */
    void sendStateless(SipProvider provider, Request out) throws SipException {
        String transport = nextHopTransport(out);
        ListeningPoint point = listeningPoint(transport);
        try {
            out.addFirst(factories().headers().createViaHeader(point.getIPAddress(), point.getPort(), point.getTransport(),
                    Utils.getInstance().generateBranchId()));
        } catch (ParseException | InvalidArgumentException e) {
            throw new SipException("cannot build our Via", e);
        }
        provider.sendRequest(out); // reported from the stack's message log, like every ACK (StackMessageEvents)
    }

    /** Reports a response we forward upstream (the engine reports what it receives; this is what we send). */
    void reportSent(Response out, String transport, String destinationIp, int destinationPort) {
        ListeningPoint point = listeningPoint(transport == null ? "UDP" : transport);
        events.responseSent(new SipMessageEvent(out, point.getTransport(), point.getIPAddress(), point.getPort(),
                destinationIp, destinationPort));
    }

    /** The transport the request will leave on: that of the first Route, else of the Request-URI. */
    private static String nextHopTransport(Request request) {
        ListIterator<?> routes = request.getHeaders(RouteHeader.NAME);
        URI next = routes != null && routes.hasNext() ? ((RouteHeader) routes.next()).getAddress().getURI() : request.getRequestURI();
        if (next instanceof SipURI sip) {
            if (sip.getTransportParam() != null) {
                return sip.getTransportParam().toUpperCase(Locale.ROOT);
            }
            if (sip.isSecure()) {
                return ListeningPoint.TLS;
            }
        }
        return ListeningPoint.UDP;
    }

    static String viaTarget(ViaHeader via) {
        return via.getReceived() != null ? via.getReceived() : via.getHost();
    }

    static int viaPort(ViaHeader via) {
        if (via.getRPort() > 0) {
            return via.getRPort();
        }
        return via.getPort() > 0 ? via.getPort() : 5060;
    }
}
