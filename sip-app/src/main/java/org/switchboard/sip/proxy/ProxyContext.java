package org.switchboard.sip.proxy;

import gov.nist.javax.sip.message.SIPMessage;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.RecordRouteHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.switchboard.sip.cdr.CallAttempt;
import org.switchboard.sip.servlet.Proxy;
import org.switchboard.sip.servlet.SipRequest;

/**
 * One request being proxied statefully (RFC 3261 section 16): its server transaction towards
 * the caller, a {@link Branch} per target, the best final response so far (16.7), Timer C for
 * INVITE, and the call attempt it belongs to (for the CDR). Every state change happens under the
 * context's lock: responses for its branches arrive on several executor threads.
 */
final class ProxyContext implements Proxy {

    private static final Logger LOG = Logger.getLogger(ProxyContext.class.getName());

    private final ProxyEngine engine;
    private final SipRequest request;
    private final boolean invite;
    private final List<Branch> branches = new ArrayList<>();
    private final java.util.Map<URI, javax.sip.address.Hop> nextHops = new java.util.HashMap<>();
    private boolean recordRoute;
    private boolean parallel = true;
    private int timeoutSeconds;
    private boolean retarget = true;
    private String loopHash;
    private CallAttempt call;
    private boolean finalSent;
    private boolean cancelledByCaller;
    private ScheduledFuture<?> timerC;
    /** Contacts still to try, a group per q-value, highest first (sequential search, RFC 3261 16.6). */
    private final java.util.Deque<List<URI>> laterGroups = new java.util.ArrayDeque<>();

    ProxyContext(ProxyEngine engine, SipRequest request, int timeoutSeconds) {
        this.engine = engine;
        this.request = request;
        this.invite = Request.INVITE.equals(request.getMethod());
        this.timeoutSeconds = timeoutSeconds;
    }

    /** In-dialog requests keep their Request-URI (the remote target); initial ones get the contact. */
    void keepRequestUri() {
        retarget = false;
    }

    void loopHash(String hash) {
        loopHash = hash;
    }

    /** Sends the branch for {@code target} to {@code hop} rather than where the URI says (a phone behind NAT). */
    void sendVia(URI target, javax.sip.address.Hop hop) {
        nextHops.put(target, hop);
    }

    /** The call attempt whose CDR this INVITE feeds (initial INVITEs only). */
    void call(CallAttempt attempt) {
        call = attempt;
    }

    /**
     * Tries the groups in turn, the contacts of each in parallel: the next group when every branch
     * of one has failed with less than 6xx, or when Timer C ends its ringing (Kamailio's
     * t_load_contacts/t_next_contacts). With one group this is {@link #proxyTo}.
     */
    void proxyInGroups(List<List<URI>> groups) {
        synchronized (this) {
            laterGroups.addAll(groups.subList(1, groups.size()));
            proxyTo(groups.get(0));
        }
    }

    @Override
    public void proxyTo(List<URI> targets) {
        List<URI> sent = new ArrayList<>();
        synchronized (this) {
            for (URI target : targets) {
                try {
                    branches.add(forward(target));
                    sent.add(target);
                } catch (SipException | RuntimeException e) {
                    LOG.log(Level.FINE, "could not forward " + request.getMethod() + " to " + target, e);
                }
            }
            if (sent.isEmpty()) {
                if (!laterGroups.isEmpty()) {
                    proxyTo(laterGroups.poll());
                } else if (branches.isEmpty()) {
                    sendOwnFinal(Response.SERVICE_UNAVAILABLE);
                } else if (!finalSent && branches.stream().noneMatch(Branch::isPending)) {
                    sendBest();
                }
                return;
            }
            if (invite) {
                if (timerC != null) {
                    timerC.cancel(false); // each group rings for Timer C
                }
                timerC = engine.scheduler().schedule(this::onTimerC, timeoutSeconds, TimeUnit.SECONDS);
            }
        }
    }

    /** Starts the next group after a failed one, unless there is none, a 6xx came or the caller cancelled. */
    private boolean tryNextGroup(int status) {
        if (laterGroups.isEmpty() || status >= 600 || cancelledByCaller) {
            return false;
        }
        proxyTo(laterGroups.poll());
        return true;
    }

    /** Section 16.6: copy, Request-URI, Max-Forwards, Record-Route, Via, then a client transaction. */
    private Branch forward(URI target) throws SipException {
        Request out = (Request) request.unwrap().clone();
        if (retarget && target != null) {
            out.setRequestURI((URI) target.clone());
        }
        try {
            MaxForwardsHeader maxForwards = (MaxForwardsHeader) out.getHeader(MaxForwardsHeader.NAME);
            if (maxForwards == null) {
                out.setHeader(engine.factories().headers().createMaxForwardsHeader(70));
            } else {
                maxForwards.decrementMaxForwards();
            }
            if (recordRoute) {
                addRecordRoute(out);
            }
        } catch (ParseException | InvalidArgumentException | javax.sip.header.TooManyHopsException e) {
            throw new SipException("cannot prepare the forwarded request", e);
        }
        javax.sip.address.Hop hop = target == null ? null : nextHops.get(target);
        if (hop != null) {
            org.switchboard.sip.stack.NextHopRouter.sendVia(out, hop);
        }
        ClientTransaction transaction = engine.prepare(request.getProvider(), out, loopHash);
        Branch branch = new Branch(target, transaction);
        engine.register(transaction, branch, this);
        try {
            engine.start(request.getProvider(), transaction);
        } catch (SipException | RuntimeException e) {
            engine.unregister(transaction);
            throw e;
        }
        return branch;
    }

    /**
     * Record-Route with our address (lr: loose routing). When the caller's transport differs from
     * the callee's, two entries, one per side (RFC 5658), so each side reaches us its own way.
     */
    private void addRecordRoute(Request out) throws ParseException, SipException {
        String inbound = request.getTransport();
        String outbound = nextTransport(out);
        out.addFirst(recordRoute(inbound));
        if (!inbound.equalsIgnoreCase(outbound)) {
            out.addFirst(recordRoute(outbound));
        }
    }

    private RecordRouteHeader recordRoute(String transport) throws ParseException {
        ListeningPoint point = engine.listeningPoint(transport);
        SipURI uri = engine.factories().addresses().createSipURI(null, point.getIPAddress());
        uri.setPort(point.getPort());
        uri.setTransportParam(point.getTransport().toLowerCase(java.util.Locale.ROOT));
        uri.setLrParam();
        Address address = engine.factories().addresses().createAddress(uri);
        return engine.factories().headers().createRecordRouteHeader(address);
    }

    private static String nextTransport(Request out) {
        if (out.getRequestURI() instanceof SipURI sip && sip.getTransportParam() != null) {
            return sip.getTransportParam();
        }
        return ListeningPoint.UDP;
    }

    /** Section 16.7: what a branch answered. */
    void onResponse(Branch branch, Response response) {
        if (branch == null) {
            return;
        }
        int status = response.getStatusCode();
        synchronized (this) {
            if (status < 200) {
                branch.provisional = Math.max(branch.provisional, status);
                if (branch.cancelWanted && !branch.cancelSent) {
                    cancel(branch);
                }
                if (status > 100 && !finalSent) {
                    forwardUpstream(response); // 16.7 step 5: provisional answers go up at once
                }
                return;
            }
            branch.finalResponse = response;
            engine.unregister(branch.transaction);
            if (status < 300) {
                answered(branch, response);
                return;
            }
            if (call != null) {
                engine.calls().calleeSeen(call, ProxyEngine.sourceOf((SIPMessage) response), response);
            }
            if (status >= 600 && invite) {
                cancelPending(); // 16.7 step 5: a 6xx ends the search everywhere
            }
            if (!finalSent && branches.stream().noneMatch(Branch::isPending) && !tryNextGroup(status)) {
                sendBest();
            }
        }
    }

    /** A 2xx: forwarded at once (16.7 step 10); for INVITE the other branches are cancelled. */
    private void answered(Branch branch, Response response) {
        boolean first = !finalSent;
        finalSent = true;
        if (invite) {
            stopTimerC();
            cancelPending();
            if (call != null && first) {
                engine.calls().answered(call, response, ProxyEngine.sourceOf((SIPMessage) response));
            }
        }
        if (first) {
            forwardUpstream(response);
            engine.forgetInvite(request);
        } else {
            forwardStateless(response);
        }
    }

    /** Branch timed out (Timer B/F): counts as a 408 from it (16.7 step 6 of 16.8). */
    void onTimeout(Branch branch) {
        if (branch == null) {
            return;
        }
        try {
            Response timeout = engine.factories().messages().createResponse(Response.REQUEST_TIMEOUT, branch.transaction.getRequest());
            onResponse(branch, timeout);
        } catch (ParseException e) {
            LOG.log(Level.FINE, "could not make a 408 for a timed-out branch", e);
        }
    }

    /** Timer C fired: the phones rang long enough. Cancel them and tell the caller 408. */
    private void onTimerC() {
        synchronized (this) {
            if (finalSent) {
                return;
            }
            cancelPending();
            if (!laterGroups.isEmpty()) {
                return; // the cancelled branches' 487s start the next group
            }
            sendOwnFinal(Response.REQUEST_TIMEOUT);
        }
    }

    /** The caller's CANCEL (16.10): every pending branch is cancelled; their 487 goes up. */
    void cancelByCaller() {
        synchronized (this) {
            cancelledByCaller = true;
            if (call != null) {
                call.cancelledByCaller();
            }
            if (finalSent) {
                return;
            }
            if (branches.stream().noneMatch(Branch::isPending)) {
                sendOwnFinal(Response.REQUEST_TERMINATED);
                return;
            }
            cancelPending();
        }
    }

    /** Cancels from the server side too (Proxy API). */
    @Override
    public void cancel() {
        synchronized (this) {
            cancelPending();
        }
    }

    private void cancelPending() {
        for (Branch branch : branches) {
            if (branch.isPending()) {
                if (branch.provisional > 0) {
                    cancel(branch);
                } else {
                    branch.cancelWanted = true; // 16.10: wait for a provisional before cancelling
                }
            }
        }
    }

    private void cancel(Branch branch) {
        if (branch.cancelSent || !invite) {
            return;
        }
        branch.cancelSent = true;
        try {
            Request cancel = branch.transaction.createCancel();
            ClientTransaction transaction = request.getProvider().getNewClientTransaction(cancel);
            engine.start(request.getProvider(), transaction);
        } catch (SipException | RuntimeException e) {
            LOG.log(Level.FINE, "could not cancel a branch of " + request.getCallId(), e);
        }
    }

    /** Section 16.7 step 6: 6xx first, else the lowest class; 503 becomes 500 (step 6, last). */
    private void sendBest() {
        Response best = null;
        for (Branch branch : branches) {
            Response r = branch.finalResponse;
            if (r == null) {
                continue;
            }
            if (best == null) {
                best = r;
            } else if (r.getStatusCode() >= 600 && best.getStatusCode() < 600) {
                best = r;
            } else if (best.getStatusCode() < 600 && r.getStatusCode() / 100 < best.getStatusCode() / 100) {
                best = r;
            }
        }
        if (best == null || best.getStatusCode() == Response.SERVICE_UNAVAILABLE) {
            sendOwnFinal(best == null ? Response.REQUEST_TIMEOUT : Response.SERVER_INTERNAL_ERROR);
            return;
        }
        finalSent = true;
        stopTimerC();
        forwardUpstream(best);
        ended(best.getStatusCode());
    }

    /** A final answer of our own making (no branch gave one). */
    private void sendOwnFinal(int status) {
        if (finalSent) {
            return;
        }
        finalSent = true;
        stopTimerC();
        try {
            request.respond(status);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "could not answer " + status, e);
        }
        ended(status);
    }

    private void ended(int status) {
        engine.forgetInvite(request);
        if (call != null) {
            engine.calls().failed(call, status);
        }
    }

    private void stopTimerC() {
        if (timerC != null) {
            timerC.cancel(false);
        }
    }

    /** Sends a branch's response to the caller through the server transaction, minus our Via. */
    private void forwardUpstream(Response response) {
        Response out = upstreamCopy(response);
        ServerTransaction transaction = request.getTransaction();
        // Traced before it goes, so the trace keeps the order of the wire (the ACK may come at once).
        engine.traceSent(out, request.getTransport(), request.getRemoteAddr(), request.getRemotePort());
        try {
            if (transaction != null) {
                transaction.sendResponse(out);
            } else {
                request.getProvider().sendResponse(out);
            }
        } catch (SipException | InvalidArgumentException | RuntimeException e) {
            // The transaction may be over (a later forked 2xx): send it without one (16.7 step 10).
            if (response.getStatusCode() / 100 == 2) {
                sendStateless(out);
            } else {
                LOG.log(Level.FINE, "could not forward " + response.getStatusCode() + " for " + request.getCallId(), e);
            }
        }
    }

    private void forwardStateless(Response response) {
        Response out = upstreamCopy(response);
        engine.traceSent(out, request.getTransport(), request.getRemoteAddr(), request.getRemotePort());
        sendStateless(out);
    }

    private void sendStateless(Response out) {
        try {
            request.getProvider().sendResponse(out);
        } catch (SipException e) {
            LOG.log(Level.FINE, "could not forward a 2xx statelessly", e);
        }
    }

    /**
     * The response as the caller must get it: our Via removed (16.7 step 3). The Vias are those
     * of the caller's request, which is what stripping ours gives with a correct UAS and still
     * reaches the caller when a phone answered with only our Via (some do, for CANCELled INVITEs).
     */
    private Response upstreamCopy(Response response) {
        Response out = (Response) response.clone();
        NatTraversal.fixContact((SIPMessage) response, out);
        out.removeHeader(ViaHeader.NAME);
        java.util.ListIterator<?> vias = request.unwrap().getHeaders(ViaHeader.NAME);
        while (vias.hasNext()) {
            out.addHeader((ViaHeader) ((ViaHeader) vias.next()).clone());
        }
        return out;
    }

    boolean wasCancelledByCaller() {
        return cancelledByCaller;
    }

    @Override
    public void setRecordRoute(boolean recordRoute) {
        this.recordRoute = recordRoute;
    }

    @Override
    public boolean getRecordRoute() {
        return recordRoute;
    }

    @Override
    public void setParallel(boolean parallel) {
        this.parallel = parallel;
    }

    @Override
    public boolean getParallel() {
        return parallel;
    }

    @Override
    public void setProxyTimeout(int seconds) {
        this.timeoutSeconds = seconds;
    }

    @Override
    public int getProxyTimeout() {
        return timeoutSeconds;
    }
}
