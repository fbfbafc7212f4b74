package org.switchboard.sip.engine;

import java.net.InetAddress;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.TransactionUnavailableException;
import javax.sip.message.Request;
import gov.nist.javax.sip.message.SIPMessage;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import org.switchboard.sip.event.SipMessageEvent;
import org.switchboard.sip.event.SipObserver;
import org.switchboard.sip.event.StackMessageEvents;
import org.switchboard.sip.security.AbuseGuard;
import org.switchboard.sip.servlet.PeerAddress;
import org.switchboard.sip.servlet.SipFactories;
import org.switchboard.sip.servlet.SipMethods;
import org.switchboard.sip.servlet.SipRequest;
import org.switchboard.sip.servlet.SipResponse;
import org.switchboard.sip.servlet.SipResponseHandler;
import org.switchboard.sip.servlet.SipRouter;

/**
 * The stack's listener. On the stack's own thread it only opens the server transaction (so that
 * retransmissions are absorbed from the first one on) and hands the request to the bounded,
 * container-managed executor, where EJBs, CDI and transactions work. When the executor's queue is
 * full the request is answered 503 with Retry-After right here: the server sheds load instead of
 * queueing without bound, and the stack threads never block, so receiving never stops.
 *
 * <p>New work is shed first ({@link SheddingExecutor}): a request outside any dialog gets 503 while
 * responses and in-dialog requests (ACK, CANCEL, BYE, re-INVITE) still find room. Before that, while
 * the server is late ({@link OverloadGate}), the first request of a new call or registration (one
 * without credentials) is answered 503 at once and statelessly: no transaction, no queue, a To tag
 * of ours that marks the ACK it brings back, which is dropped here (as Kamailio's sl module filters
 * the ACKs of its own replies).
 */
final class RequestDispatcher implements SipListener {

    private static final Logger LOG = Logger.getLogger(RequestDispatcher.class.getName());

    private final SipRouter router;
    private final SheddingExecutor executor;
    private final SipFactories factories;
    private final int retryAfterSeconds;
    private final String allow;
    private final Supplier<SipResponseHandler> responseHandler;
    private final SipObserver observer;
    private final AtomicLong rejected = new AtomicLong();
    private final AbuseGuard guard;
    private final OverloadGate gate;

    /** The start of the To tag of every 503 sent while late: its ACK is ours to drop. */
    static final String SHED_TAG_PREFIX = "sb-shed-";

    RequestDispatcher(SipRouter router, Executor executor, SipFactories factories, int retryAfterSeconds,
            int newRequestLimit, OverloadGate gate, Supplier<SipResponseHandler> responseHandler, SipObserver observer,
            AbuseGuard guard) {

        this.observer = observer;
        this.guard = guard;
        this.router = router;
        this.gate = gate;
        this.executor = new SheddingExecutor(executor, newRequestLimit, gate);
        this.factories = factories;
        this.retryAfterSeconds = retryAfterSeconds;
        this.allow = router.allowHeader();
        this.responseHandler = responseHandler;
    }

    /** Requests answered 503 because the executor was full, since start. */
    long rejectedCount() {
        return rejected.get();
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        // UDP datagrams and new TCP connections of banned addresses never get here (GatedNetworkLayer);
        // TLS, and connections opened before the ban, are stopped here, before any transaction.
        InetAddress source = sourceAddress((SIPMessage) request);
        if (!guard.admits(source)) {
            return;
        }
        SipProvider provider = (SipProvider) event.getSource();
        ServerTransaction transaction = event.getServerTransaction();
        boolean isAck = SipMethods.ACK.equals(request.getMethod());
        if (isAck && acknowledgesShedding(request)) {
            return; // the ACK of a 503 sent while late: nothing is kept for it (RFC 3261 17.2.1's ACK, absorbed)
        }
        boolean shed = transaction == null && opensNewWork(request) && !carriesCredentials(request)
                && !gate.admitsNewWork();
        if (transaction == null && !isAck && !answeredStatelessly(request) && !shed) {
            try {
                transaction = provider.getNewServerTransaction(request);
            } catch (TransactionAlreadyExistsException retransmission) {
                return; // the transaction that has it will answer
            } catch (TransactionUnavailableException e) {
                LOG.log(Level.FINE, "no server transaction for " + request.getMethod() + ", answering statelessly", e);
            }
        }
        // Counted once each: retransmissions were absorbed above or by the stack, keep-alives by the stack.
        if (!guard.requestArrived(source)) {
            return; // this one made a flood: dropped, and its sender banned
        }
        SipRequest sipRequest = new SipRequest(request, transaction, provider, factories, allow, observer);
        // Reported here, once, before anything can answer it (and retransmissions stopped above are not).
        // ACKs are reported from the stack's message log (StackMessageEvents): some never get here.
        if (!isAck) {
            observer.requestReceived(new SipMessageEvent(request, sipRequest.getTransport(), sipRequest.getRemoteAddr(),
                    sipRequest.getRemotePort(), sipRequest.getLocalAddr(), sipRequest.getLocalPort()));
        }
        if (shed) {
            overloaded(sipRequest, SHED_TAG_PREFIX);
        } else if (!executor.execute(() -> handle(sipRequest), opensNewWork(request))) {
            overloaded(sipRequest, null);
        }
    }

    /** The first request of a call or registration: the one that gets a challenge, not the answer to it. */
    private static boolean carriesCredentials(Request request) {
        return request.getHeader(AuthorizationHeader.NAME) != null || request.getHeader(ProxyAuthorizationHeader.NAME) != null;
    }

    private static boolean acknowledgesShedding(Request request) {
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        String tag = to == null ? null : to.getTag();
        return tag != null && tag.startsWith(SHED_TAG_PREFIX);
    }

    /** A request outside any dialog (no To tag) other than ACK and CANCEL, which belong to one under way. */
    private static boolean opensNewWork(Request request) {
        String method = request.getMethod();
        if (SipMethods.ACK.equals(method) || SipMethods.CANCEL.equals(method)) {
            return false;
        }
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        return to == null || to.getTag() == null;
    }


    /**
     * REGISTER is answered without a server transaction, as Kamailio's registrar answers it (sl):
     * over UDP a transaction would linger 32 s after its answer (Timer J) holding the whole request,
     * and at 1,000 REGISTER/s those 60,000 transactions filled the heap until every second was a
     * full GC (bench/README.md). A retransmission is simply handled again: a challenge gets a
     * fresh nonce, an answered digest is refused as a replay (its nonce-count is used) and
     * challenged, so the phone authenticates once more; the bindings are never applied twice.
     */
    private static boolean answeredStatelessly(Request request) {
        return SipMethods.REGISTER.equals(request.getMethod());
    }

    private static InetAddress sourceAddress(SIPMessage message) {
        InetAddress address = message.getPeerPacketSourceAddress();
        return address != null ? address : message.getRemoteAddress();
    }

    private void handle(SipRequest request) {
        // Queued before its sender was banned (a burst is read faster than it is answered): dropped now.
        if (!guard.admits(sourceAddress((SIPMessage) request.unwrap()))) {
            return;
        }
        try {
            router.route(request);
        } catch (Exception | LinkageError e) {
            LOG.log(Level.WARNING, "handling " + request.getMethod() + " " + request.getCallId() + " failed", e);
            if (!SipMethods.ACK.equals(request.getMethod()) && !request.isCommitted()) {
                try {
                    request.respond(500);
                } catch (RuntimeException again) {
                    LOG.log(Level.FINE, "could not send 500", again);
                }
            }
        }
    }

    /** 503 with Retry-After; {@code tagPrefix} starts the To tag when the answer is stateless (null: any tag). */
    private void overloaded(SipRequest request, String tagPrefix) {
        long count = rejected.incrementAndGet();
        if (count == 1 || count % 1000 == 0) {
            LOG.warning(() -> "SIP server overloaded: answered 503 to " + count + " request(s) so far");
        }
        if (SipMethods.ACK.equals(request.getMethod())) {
            return;
        }
        try {
            SipResponse response = request.createResponse(503).setHeader("Retry-After", Integer.toString(retryAfterSeconds));
            if (tagPrefix != null) {
                ToHeader to = (ToHeader) response.unwrap().getHeader(ToHeader.NAME);
                to.setTag(tagPrefix + to.getTag());
            }
            response.send();
        } catch (RuntimeException | java.text.ParseException e) {
            LOG.log(Level.FINE, "could not send 503", e);
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
        reportReceived((SIPMessage) event.getResponse());
        SipResponseHandler handler = responseHandler.get();
        if (handler != null) {
            submit(() -> handler.handleResponse(event));
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        SipResponseHandler handler = responseHandler.get();
        if (handler != null && !event.isServerTransaction()) {
            submit(() -> handler.handleTimeout(event));
        }
    }

    /** Responses over TCP and TLS; those over UDP are reported from the stack's log ({@link StackMessageEvents}). */
    private void reportReceived(SIPMessage message) {
        ViaHeader via = (ViaHeader) message.getHeader(ViaHeader.NAME);
        String transport = via == null ? "UDP" : via.getTransport();
        if (StackMessageEvents.reportsReceivedResponses(transport)) {
            return;
        }
        PeerAddress source = PeerAddress.sourceOf(message);
        PeerAddress local = PeerAddress.localOf(message);
        observer.responseReceived(new SipMessageEvent(message, transport, source == null ? "" : source.ip(),
                source == null ? 0 : source.port(), local.ip(), local.port()));
    }

    private void submit(Runnable task) {
        boolean queued = executor.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "response handler failed", e);
            }
        }, false);
        if (!queued) {
            rejected.incrementAndGet(); // a lost response: the transaction layer times out or retransmits
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        LOG.fine(() -> "I/O error towards " + event.getHost() + ":" + event.getPort() + "/" + event.getTransport());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // nothing kept per transaction
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // no dialogs (AUTOMATIC_DIALOG_SUPPORT is off)
    }
}
