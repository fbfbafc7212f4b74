package org.switchboard.sip.servlet;

import java.util.List;
import javax.sip.address.URI;

/**
 * Proxying of one request (RFC 3261 section 16), in the style of SIP Servlets: a servlet gets it
 * from {@link SipRequest#getProxy()}, sets it up and calls {@link #proxyTo}. Only the interface
 * lives here; the implementation comes from the proxy feature ({@code org.switchboard.sip.proxy})
 * through a {@link ProxyProvider} bean.
 */
public interface Proxy {

    /** Forwards the request to these targets (in parallel or in sequence, see {@link #setParallel}). */
    void proxyTo(List<URI> targets);

    /** Whether to insert a Record-Route so that the rest of the dialog comes through this server. */
    void setRecordRoute(boolean recordRoute);

    boolean getRecordRoute();

    /** Forking: all targets at once (true, the default) or one after the other by q-value. */
    void setParallel(boolean parallel);

    boolean getParallel();

    /** Seconds to wait for a final answer from each branch before cancelling it. */
    void setProxyTimeout(int seconds);

    int getProxyTimeout();

    /** Cancels every branch still pending. */
    void cancel();
}
