package org.switchboard.sip.servlet;

import javax.sip.ResponseEvent;
import javax.sip.TimeoutEvent;

/**
 * Receives what comes back for requests this server sent itself (client transactions): responses
 * and timeouts. The proxy feature supplies one CDI bean of this type; without one the engine
 * drops them. Called on the SIP executor, like servlets.
 */
public interface SipResponseHandler {

    void handleResponse(ResponseEvent event);

    void handleTimeout(TimeoutEvent event);
}
