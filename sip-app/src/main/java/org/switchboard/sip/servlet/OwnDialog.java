package org.switchboard.sip.servlet;

import gov.nist.javax.sip.Utils;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.address.Address;
import javax.sip.address.Hop;
import javax.sip.address.URI;
import javax.sip.header.ContactHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.RecordRouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import org.switchboard.sip.event.SipMessageEvent;
import org.switchboard.sip.event.SipObserver;
import org.switchboard.sip.stack.NextHopRouter;

/**
 * A dialog in which this server is a user agent (the voicemail's call, a message-summary
 * subscription), seen from our side once we answered the request that made it (RFC 3261 section
 * 12.1.1): the remote target is its Contact, the route set its Record-Routes in order, our tag the
 * one of our answer. It makes the requests we send in it (BYE, NOTIFY: section 12.2.1.1, our own
 * CSeq space) and sends them on a client transaction; their answers reach the engine's
 * {@code SipResponseHandler}, which hands them to the handler given with the request, if any.
 */
public final class OwnDialog {

    private final String callId;
    private final Address local;
    private final String localTag;
    private final Address remote;
    private final String remoteTag;
    private final URI remoteTarget;
    private final List<Address> routeSet;
    private final Hop sendTo;
    private final AtomicLong cseq = new AtomicLong();

    private OwnDialog(String callId, Address local, String localTag, Address remote, String remoteTag, URI remoteTarget,
            List<Address> routeSet, Hop sendTo) {
        this.callId = callId;
        this.local = local;
        this.localTag = localTag;
        this.remote = remote;
        this.remoteTag = remoteTag;
        this.remoteTarget = remoteTarget;
        this.routeSet = routeSet;
        this.sendTo = sendTo;
    }

    /**
     * The dialog of {@code request} answered with our tag {@code localTag}. Without a route set the
     * requests go to where the request came from ({@code request}'s source: a phone behind NAT
     * is reached as its REGISTER is, rport style), else along the route set.
     */
    public static OwnDialog answered(SipRequest request, String localTag) {
        Request message = request.unwrap();
        ContactHeader contact = (ContactHeader) message.getHeader(ContactHeader.NAME);
        List<Address> routes = new ArrayList<>();
        ListIterator<?> recordRoutes = message.getHeaders(RecordRouteHeader.NAME);
        while (recordRoutes != null && recordRoutes.hasNext()) {
            routes.add((Address) ((RecordRouteHeader) recordRoutes.next()).getAddress().clone());
        }
        URI target = contact != null ? (URI) contact.getAddress().getURI().clone() : (URI) request.getFrom().getURI().clone();
        Hop source = routes.isEmpty() ? new gov.nist.javax.sip.stack.HopImpl(request.getRemoteAddr(), request.getRemotePort(),
                request.getTransport()) : null;
        return new OwnDialog(request.getCallId(), (Address) request.getTo().clone(), localTag,
                (Address) request.getFrom().clone(), ((FromHeader) message.getHeader(FromHeader.NAME)).getTag(), target,
                List.copyOf(routes), source);
    }

    public String callId() {
        return callId;
    }

    /** A request of this dialog (section 12.2.1.1), with our Via on {@code via}; add a body as needed. */
    public Request request(String method, SipFactories factories, ListeningPoint via) throws ParseException, InvalidArgumentException {
        javax.sip.header.HeaderFactory headers = factories.headers();
        List<javax.sip.header.ViaHeader> vias = List.of(headers.createViaHeader(via.getIPAddress(), via.getPort(),
                via.getTransport(), Utils.getInstance().generateBranchId()));
        Request out = factories.messages().createRequest((URI) remoteTarget.clone(), method, headers.createCallIdHeader(callId),
                headers.createCSeqHeader(cseq.incrementAndGet(), method), headers.createFromHeader(local, localTag),
                headers.createToHeader(remote, remoteTag), vias, headers.createMaxForwardsHeader(70));
        for (Address route : routeSet) {
            out.addHeader(headers.createRouteHeader((Address) route.clone()));
        }
        return out;
    }

    /** Sends a request of this dialog on a new client transaction, reported to {@code observer} first (traces). */
    public void send(Request out, SipProvider provider, ListeningPoint via, SipObserver observer) throws SipException {
        send(out, provider, via, observer, null);
    }

    /**
     * As {@link #send(Request, SipProvider, ListeningPoint, SipObserver)}, and the request's final
     * answer or timeout goes to {@code answers} (the transaction's application data, which the
     * engine's response handler passes on), when not null.
     */
    public void send(Request out, SipProvider provider, ListeningPoint via, SipObserver observer, SipResponseHandler answers)
            throws SipException {
        if (sendTo != null) {
            NextHopRouter.sendVia(out, sendTo);
        }
        Hop hop = provider.getSipStack().getRouter().getNextHop(out);
        ClientTransaction transaction = provider.getNewClientTransaction(out);
        if (answers != null) {
            transaction.setApplicationData(answers);
        }
        if (hop != null) {
            observer.requestSent(new SipMessageEvent(out, via.getTransport(), via.getIPAddress(), via.getPort(), hop.getHost(),
                    hop.getPort()));
        }
        transaction.sendRequest();
    }
}
