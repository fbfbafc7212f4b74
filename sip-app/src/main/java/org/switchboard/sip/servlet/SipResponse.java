package org.switchboard.sip.servlet;

import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.header.Header;
import javax.sip.message.Response;

/**
 * A response being built for a {@link SipRequest}: add headers, then {@link #send()} it once.
 * Sent through the request's server transaction, so retransmitted requests are answered by the
 * stack and never reach a servlet twice.
 */
public final class SipResponse {

    private final SipRequest request;
    private final Response response;

    SipResponse(SipRequest request, Response response) {
        this.request = request;
        this.response = response;
    }

    public int getStatus() {
        return response.getStatusCode();
    }

    /**
     * Replaces every header of this name with those parsed from {@code value}; list headers
     * ({@code Allow: INVITE, ACK}) may carry several comma-separated values.
     */
    public SipResponse setHeader(String name, String value) {
        response.removeHeader(name);
        return addHeader(name, value);
    }

    /** Adds the header(s) parsed from {@code value} after those of the same name. */
    public SipResponse addHeader(String name, String value) {
        for (Header header : request.parseHeaders(name, value)) {
            response.addHeader(header);
        }
        return this;
    }

    public SipResponse addHeader(Header header) {
        response.addHeader(header);
        return this;
    }

    public SipResponse setHeader(Header header) {
        response.setHeader(header);
        return this;
    }

    /** The JAIN-SIP message, for what this facade does not cover. */
    public Response unwrap() {
        return response;
    }

    /** Sends it; a request gets at most one final response (later ones are refused). */
    public void send() {
        request.send(this);
    }

    void sendThrough(ServerTransaction transaction, SipProvider provider) throws SipException, InvalidArgumentException {
        if (transaction != null) {
            transaction.sendResponse(response);
        } else {
            provider.sendResponse(response);
        }
    }
}
