package org.switchboard.sip.servlet;

import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.SIPRequest;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ListIterator;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.address.Address;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.switchboard.sip.event.SipMessageEvent;
import org.switchboard.sip.event.SipObserver;

/**
 * One incoming SIP request as a servlet sees it: the message, where it came from, and the means
 * to answer it ({@link #createResponse}, {@link #respond}); the proxy takes it from there
 * ({@code org.switchboard.sip.proxy.ProxyEngine#contextFor}).
 * Made by the engine only. Answers go through the server transaction the engine opened when the
 * request arrived (none for ACK).
 *
 * <p>Conveniences over JAIN-SIP: final responses get a To tag when the request had none
 * (RFC 3261 section 8.2.6.2), and 405 responses get the Allow header listing what this server
 * handles. Everything else is reachable through {@link #unwrap()}.
 */
public final class SipRequest {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(SipRequest.class.getName());

    private final Request request;
    private final ServerTransaction transaction;
    private final SipProvider provider;
    private final SipFactories factories;
    private final String allow;
    private final SipObserver observer;
    private final PeerAddress remote;
    private final PeerAddress local;
    private final AtomicBoolean committed = new AtomicBoolean();
    private String toTag;


    /**
     * For the engine.
     *
     * @param allow    the methods this server handles, comma-separated, for 405 responses
     * @param observer told of every response sent (session traces and the like)
     */
    public SipRequest(Request request, ServerTransaction transaction, SipProvider provider, SipFactories factories,
            String allow, SipObserver observer) {
        this.observer = observer;
        this.request = request;
        this.transaction = transaction;
        this.provider = provider;
        this.factories = factories;
        this.allow = allow;
        PeerAddress source = PeerAddress.sourceOf(sip());
        this.remote = source != null ? source : new PeerAddress("", 0);
        this.local = PeerAddress.localOf(sip());
    }

    public String getMethod() {
        return request.getMethod();
    }

    public URI getRequestURI() {
        return request.getRequestURI();
    }

    public Address getFrom() {
        return ((FromHeader) request.getHeader(FromHeader.NAME)).getAddress();
    }

    public Address getTo() {
        return ((ToHeader) request.getHeader(ToHeader.NAME)).getAddress();
    }

    public String getCallId() {
        return ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
    }

    public long getCSeq() {
        return ((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getSeqNumber();
    }

    /** The first header of this name, or null. */
    public Header getHeader(String name) {
        return request.getHeader(name);
    }

    /** The value (without the name) of the first header of this name, or null. */
    public String getHeaderValue(String name) {
        Header header = request.getHeader(name);
        if (header == null) {
            return null;
        }
        String encoded = header.toString().trim();
        int colon = encoded.indexOf(':');
        return colon < 0 ? encoded : encoded.substring(colon + 1).trim();
    }

    /** Every header of this name, in message order. */
    public List<Header> getHeaders(String name) {
        List<Header> headers = new ArrayList<>();
        ListIterator<?> it = request.getHeaders(name);
        while (it != null && it.hasNext()) {
            headers.add((Header) it.next());
        }
        return headers;
    }

    /** The Contact headers (one entry per contact, also when several share one header line). */
    public List<ContactHeader> getContacts() {
        List<ContactHeader> contacts = new ArrayList<>();
        for (Header header : getHeaders(ContactHeader.NAME)) {
            contacts.add((ContactHeader) header);
        }
        return Collections.unmodifiableList(contacts);
    }

    /** The transport it came over: UDP, TCP or TLS. */
    public String getTransport() {
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        return via == null ? "UDP" : via.getTransport().toUpperCase(java.util.Locale.ROOT);
    }

    /** The address the packet or connection came from (what NAT traversal must answer to). */
    public String getRemoteAddr() {
        return remote.ip();
    }

    public int getRemotePort() {
        return remote.port();
    }

    /** Where it came from, as one value ("ip:port" by {@code toString()}). */
    public PeerAddress getRemote() {
        return remote;
    }

    public String getLocalAddr() {
        return local.ip();
    }

    public int getLocalPort() {
        return local.port();
    }

    /** The JAIN-SIP message, for what this facade does not cover. */
    public Request unwrap() {
        return request;
    }

    /** The server transaction the engine opened for it; null for ACK. */
    public ServerTransaction getTransaction() {
        return transaction;
    }

    public SipProvider getProvider() {
        return provider;
    }

    public SipFactories factories() {
        return factories;
    }

    /** Whether a final response has been sent. */
    public boolean isCommitted() {
        return committed.get();
    }

    public SipResponse createResponse(int status) {
        return createResponse(status, null);
    }

    /** A response to this request; send it with {@link SipResponse#send()}. */
    public SipResponse createResponse(int status, String reason) {
        try {
            Response response = factories.messages().createResponse(status, request);
            if (reason != null) {
                response.setReasonPhrase(reason);
            }
            ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
            if (status > 100 && to != null && to.getTag() == null) {
                to.setTag(toTag());
            }
            if (status == Response.METHOD_NOT_ALLOWED) {
                parseHeaders("Allow", allow).forEach(response::addHeader);
            }
            return new SipResponse(this, response);
        } catch (ParseException e) {
            throw new IllegalArgumentException("cannot answer " + status + " " + reason, e);
        }
    }

    /** Sends a response with only the mandatory headers. */
    public void respond(int status) {
        createResponse(status).send();
    }

    void send(SipResponse response) {
        boolean isFinal = response.getStatus() >= 200;
        if (isFinal && !committed.compareAndSet(false, true)) {
            throw new IllegalStateException("a final response was already sent to " + getMethod() + " " + getCallId());
        }
        try {
            // Reported before it goes, so observers keep the order of the wire (an ACK may come at once).
            observer.responseSent(new SipMessageEvent(response.unwrap(), getTransport(), getLocalAddr(), getLocalPort(),
                    getRemoteAddr(), getRemotePort()));
            response.sendThrough(transaction, provider);
        } catch (SipException e) {
            if (!causedByIo(e)) {
                throw new IllegalStateException("could not send " + response.getStatus() + " to " + getMethod(), e);
            }
            // RFC 3261 18.2.2: the answer goes where the Via says; a Via naming a host that can't be
            // resolved or reached (forged, or mangled) leaves nowhere to answer: the request is dropped.
            LOG.fine(() -> "no way to answer " + getMethod() + " " + getCallId() + ": " + e.getMessage());
        } catch (InvalidArgumentException e) {
            throw new IllegalStateException("could not send " + response.getStatus() + " to " + getMethod(), e);
        }
    }

    /** The stack failed to reach the Via's address (its message says so when it keeps no cause). */
    private static boolean causedByIo(SipException e) {
        String message = String.valueOf(e.getMessage());
        if (message.startsWith("Could not connect to") || message.startsWith("Could not create a message channel")) {
            return true;
        }
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }

    /** Parses a header; list headers ({@code Allow}, {@code Contact}) give one per comma-separated value. */
    List<Header> parseHeaders(String name, String value) {
        try {
            return List.of(factories.headers().createHeader(name, value));
        } catch (ParseException singleOnly) {
            // JAIN-SIP refuses a list value in createHeader ("Only singleton allowed"): split it.
            try {
                List<Header> headers = new ArrayList<>();
                for (Object header : ((HeaderFactoryImpl) factories.headers()).createHeaders(name + ": " + value)) {
                    headers.add((Header) header);
                }
                return headers;
            } catch (ParseException e) {
                throw new IllegalArgumentException("bad " + name + " header value: " + value, e);
            }
        }
    }

    private synchronized String toTag() {
        if (toTag == null) {
            // RFC 3261 section 19.3: cryptographically random, at least 32 bits.
            toTag = Long.toHexString(Randomness.current().nextLong() & 0xffff_ffff_ffffL);
        }
        return toTag;
    }

    private SIPRequest sip() {
        return (SIPRequest) request;
    }
}
