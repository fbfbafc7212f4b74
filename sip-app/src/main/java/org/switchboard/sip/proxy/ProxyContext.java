package org.switchboard.sip.proxy;

import gov.nist.javax.sip.message.SIPMessage;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.address.Address;
import javax.sip.address.Hop;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.RecordRouteHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.switchboard.sip.event.CallSide;
import org.switchboard.sip.servlet.PeerAddress;
import org.switchboard.sip.servlet.SipRequest;
import org.switchboard.sip.stack.NextHopRouter;

/**
 * One request being proxied statefully (RFC 3261 section 16): its server transaction towards
 * the caller, a {@link Branch} per target, the {@link ForkPlan} of who rings when, the best final
 * response so far ({@link BestResponse}, 16.7), Timer C for INVITE. For an initial INVITE it
 * reports the call's life (answered, refused, cancelled, failed) to the observers. Every state
 * change happens under the context's lock: responses for its branches arrive on several executor
 * threads.
 */
final class ProxyContext {

    private static final Logger LOG = Logger.getLogger(ProxyContext.class.getName());

    private final ProxyEngine engine;
    private final SipRequest request;
    private final boolean invite;
    private final int timerCSeconds;
    private final List<Branch> branches = new ArrayList<>();
    private final Map<URI, Hop> nextHops = new HashMap<>();
    private boolean recordRoute;
    private boolean retarget = true;
    private String loopHash;
    private boolean reportsCall;
    private boolean finalSent;
    private ForkPlan<URI> plan = ForkPlan.parallel(List.of());
    private ScheduledFuture<?> timerC;
    private IntPredicate away;
    private Runnable unanswered;
    private int answerWithinSeconds;
    private ScheduledFuture<?> answerTimer;
    private VoicemailDiversion.Target voicemail;
    private boolean diverted;
    private ScheduledFuture<?> noAnswer;

    ProxyContext(ProxyEngine engine, SipRequest request, int timerCSeconds) {
        this.engine = engine;
        this.request = request;
        this.invite = Request.INVITE.equals(request.getMethod());
        this.timerCSeconds = timerCSeconds;
    }

    /** In-dialog requests keep their Request-URI (the remote target); initial ones get the contact. */
    void keepRequestUri() {
        retarget = false;
    }

    void loopHash(String hash) {
        loopHash = hash;
    }

    /** Whether to insert a Record-Route so that the rest of the dialog comes through this server. */
    void recordRoute(boolean on) {
        recordRoute = on;
    }

    /** Sends the branch for {@code target} to {@code hop} rather than where the URI says (a phone behind NAT). */
    void sendVia(URI target, Hop hop) {
        nextHops.put(target, hop);
    }

    /** This is a call's initial INVITE: its answer, refusals, CANCEL and end are reported (CDRs). */
    void reportsCall() {
        reportsCall = true;
    }

    /**
     * For a request that another feature takes over when nobody takes it (a MESSAGE is stored,
     * RFC 3428): when every branch's final answer is one {@code away} accepts, or none comes
     * within {@code seconds}, {@code fallback} runs (off the context's lock; it answers the caller)
     * instead of the best failure being passed on. A 2xx coming later is not passed on.
     */
    void unanswered(IntPredicate away, Runnable fallback, int seconds) {
        this.away = away;
        this.unanswered = fallback;
        this.answerWithinSeconds = seconds;
    }

    /** A call to a callee whose voicemail answers: busy, declined or unanswered, it goes there ({@link VoicemailDiversion}). */
    void divertOnFailure(VoicemailDiversion.Target target) {
        voicemail = target;
    }

    /** Forwards to every target at once. */
    void proxyTo(List<URI> targets) {
        proxy(ForkPlan.parallel(targets));
    }

    /** Forwards group after group as the plan says (sequential search). */
    void proxy(ForkPlan<URI> fork) {
        synchronized (this) {
            plan = fork;
            if (unanswered != null) {
                answerTimer = engine.timers().schedule(this::onUnanswered, answerWithinSeconds, TimeUnit.SECONDS);
            }
            ring(plan.nextGroup());
            if (voicemail != null && invite && !finalSent) {
                noAnswer = engine.timers().schedule(this::onNoAnswer, voicemail.noAnswer().toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Nobody answered in time: the fallback takes the request. */
    private void onUnanswered() {
        synchronized (this) {
            if (finalSent) {
                return;
            }
            handOver();
        }
    }

    /** Under the lock: the caller's answer is now the fallback's to give. */
    private void handOver() {
        finalSent = true;
        stopTimerC();
        if (answerTimer != null) {
            answerTimer.cancel(false);
        }
        engine.scheduler().execute(unanswered);
    }

    /** Forwards to one group, in parallel; Timer C starts again for it. */
    private void ring(List<URI> targets) {
        List<URI> sent = new ArrayList<>();
        for (URI target : targets) {
            try {
                branches.add(forward(target));
                sent.add(target);
            } catch (SipException | RuntimeException e) {
                LOG.log(Level.FINE, "could not forward " + request.getMethod() + " to " + target, e);
            }
        }
        if (sent.isEmpty()) {
            if (plan.hasNextGroup()) {
                ring(plan.nextGroup());
            } else if (branches.isEmpty()) {
                sendOwnFinal(Response.SERVICE_UNAVAILABLE);
            } else if (!finalSent && !anyPending()) {
                sendBest();
            }
            return;
        }
        if (invite) {
            stopTimerC(); // each group rings for Timer C
            timerC = engine.timers().schedule(this::onTimerC, timerCSeconds, TimeUnit.SECONDS);
        }
    }

    /** Section 16.6: copy, Request-URI, Max-Forwards, Record-Route, Via, then a client transaction. */
    private Branch forward(URI target) throws SipException {
        Request out = (Request) request.unwrap().clone();
        if (retarget && target != null) {
            out.setRequestURI((URI) target.clone());
        }
        MaxForwards.decrement(out, engine.factories().headers());
        if (recordRoute) {
            try {
                addRecordRoute(out);
            } catch (ParseException e) {
                throw new SipException("cannot add our Record-Route", e);
            }
        }
        Hop hop = target == null ? null : nextHops.get(target);
        if (hop != null) {
            NextHopRouter.sendVia(out, hop);
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
        uri.setTransportParam(point.getTransport().toLowerCase(Locale.ROOT));
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
                if (branch.provisional(status)) {
                    cancel(branch);
                }
                if (status > 100 && !finalSent) {
                    forwardUpstream(response); // 16.7 step 5: provisional answers go up at once
                }
                return;
            }
            branch.finalResponse(response, status);
            engine.unregister(branch.transaction);
            if (status < 300) {
                answered(response);
                return;
            }
            if (reportsCall) {
                engine.events().calleeRefused(request.getCallId(), status, calleeSide(response));
            }
            if (status >= 600 && invite) {
                cancelPending(); // 16.7 step 5: a 6xx ends the search everywhere
            }
            switch (plan.afterFailure(status, anyPending(), finalSent)) {
                case NEXT_GROUP -> ring(plan.nextGroup());
                case SEND_BEST -> {
                    if (allBusyOrDeclined()) {
                        divertToVoicemail();
                    } else {
                        sendBest();
                    }
                }
                case WAIT -> {
                    // other branches still ring, or the caller has its answer
                }
            }
        }
    }

    /** A 2xx: forwarded at once (16.7 step 10); for INVITE the other branches are cancelled. */
    private void answered(Response response) {
        boolean first = !finalSent;
        finalSent = true;
        if (invite) {
            stopTimerC();
            cancelPending();
            if (reportsCall && first) {
                engine.events().callAnswered(request.getCallId(), calleeSide(response));
            }
        }
        if (first) {
            if (answerTimer != null) {
                answerTimer.cancel(false);
            }
            forwardUpstream(response);
            engine.forgetInvite(request);
        } else if (invite) {
            forwardStateless(response); // 16.7 step 10: every 2xx of an INVITE goes up
        }
    }

    private static CallSide calleeSide(Response response) {
        PeerAddress source = PeerAddress.sourceOf((SIPMessage) response);
        return CallSide.of(response, source == null ? null : source.toString());
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

    /** Timer C fired: the phones rang long enough. Cancel them; the next group, or 408 to the caller. */
    private void onTimerC() {
        synchronized (this) {
            switch (plan.afterTimerC(finalSent)) {
                case NOTHING -> {
                    // answered meanwhile
                }
                case CANCEL_THEN_NEXT_GROUP -> cancelPending(); // their 487s start the next group
                case CANCEL_AND_ANSWER_408 -> {
                    cancelPending();
                    if (mayDivert()) {
                        divertToVoicemail(); // Timer C before the no-answer time: unanswered all the same
                    } else {
                        sendOwnFinal(Response.REQUEST_TIMEOUT);
                    }
                }
            }
        }
    }

    /** The caller's CANCEL (16.10): every pending branch is cancelled; their 487 goes up. */
    void cancelByCaller() {
        synchronized (this) {
            if (reportsCall) {
                engine.events().callCancelled(request.getCallId());
            }
            switch (plan.cancelByCaller(finalSent, anyPending())) {
                case NOTHING -> {
                    // the caller already has its final answer
                }
                case ANSWER_487 -> sendOwnFinal(Response.REQUEST_TERMINATED);
                case CANCEL_BRANCHES -> cancelPending();
            }
        }
    }

    // --- voicemail (VoicemailDiversion) -----------------------------------------------------

    /** No phone to ring: the call goes to voicemail at once. */
    void divertNow(VoicemailDiversion.Target target) {
        synchronized (this) {
            voicemail = target;
            divertToVoicemail();
        }
    }

    /** The callee's no-answer time is up: the phones are cancelled, then voicemail rings. */
    private void onNoAnswer() {
        synchronized (this) {
            if (mayDivert()) {
                cancelPending();
                divertToVoicemail();
            }
        }
    }

    private boolean mayDivert() {
        return voicemail != null && !diverted && !finalSent && !plan.cancelledByCaller();
    }

    /** Every phone answered busy or declined (a 487 of ours after a 603 elsewhere counts with them). */
    private boolean allBusyOrDeclined() {
        return mayDivert() && branches.stream().anyMatch(b -> VoicemailDiversion.busyOrDeclined(b.finalStatus()))
                && branches.stream().allMatch(b -> VoicemailDiversion.busyOrDeclined(b.finalStatus())
                        || (b.finalStatus() == Response.REQUEST_TERMINATED && b.cancelSent()));
    }

    private void divertToVoicemail() {
        diverted = true;
        if (noAnswer != null) {
            noAnswer.cancel(false);
        }
        while (plan.hasNextGroup()) {
            plan.nextGroup(); // voicemail is the last stop: no later group after it
        }
        if (reportsCall) {
            engine.events().callDiverted(request.getCallId());
        }
        ring(List.of(voicemail.uri()));
    }

    private boolean anyPending() {
        return branches.stream().anyMatch(Branch::isPending);
    }

    private void cancelPending() {
        for (Branch branch : branches) {
            if (branch.cancelRequested()) {
                cancel(branch);
            }
        }
    }

    private void cancel(Branch branch) {
        if (!invite || !branch.markCancelSent()) {
            return;
        }
        try {
            Request cancel = branch.transaction.createCancel();
            ClientTransaction transaction = request.getProvider().getNewClientTransaction(cancel);
            engine.start(request.getProvider(), transaction);
        } catch (SipException | RuntimeException e) {
            LOG.log(Level.FINE, "could not cancel a branch of " + request.getCallId(), e);
        }
    }

    /** Section 16.7 step 6 ({@link BestResponse}). */
    private void sendBest() {
        BestResponse<Response> best = new BestResponse<>();
        for (Branch branch : branches) {
            if (!branch.isPending()) {
                best.offer(branch.finalResponse(), branch.finalStatus());
            }
        }
        if (unanswered != null && branches.stream().allMatch(b -> away.test(b.finalStatus()))) {
            handOver();
            return;
        }
        int own = best.ownAnswer();
        if (own != 0) {
            sendOwnFinal(own);
            return;
        }
        finalSent = true;
        stopTimerC();
        forwardUpstream(best.best());
        ended(best.best().getStatusCode());
    }

    /** A final answer of our own making (no branch gave one). */
    private void sendOwnFinal(int status) {
        if (finalSent) {
            return;
        }
        if (unanswered != null && away.test(status)) {
            handOver();
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
        if (reportsCall) {
            engine.events().callFailed(request.getCallId(), status);
        }
    }

    private void stopTimerC() {
        if (timerC != null) {
            timerC.cancel(false);
        }
        if (noAnswer != null && finalSent) {
            noAnswer.cancel(false);
        }
    }

    /** Sends a branch's response to the caller through the server transaction, minus our Via. */
    private void forwardUpstream(Response response) {
        Response out = upstreamCopy(response);
        ServerTransaction transaction = request.getTransaction();
        // Reported before it goes, so observers keep the order of the wire (the ACK may come at once).
        engine.reportSent(out, request.getTransport(), request.getRemoteAddr(), request.getRemotePort());
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
        engine.reportSent(out, request.getTransport(), request.getRemoteAddr(), request.getRemotePort());
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
        ListIterator<?> vias = request.unwrap().getHeaders(ViaHeader.NAME);
        while (vias.hasNext()) {
            out.addHeader((ViaHeader) ((ViaHeader) vias.next()).clone());
        }
        return out;
    }
}
