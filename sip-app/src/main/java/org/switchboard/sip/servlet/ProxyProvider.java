package org.switchboard.sip.servlet;

/**
 * Makes the {@link Proxy} of a request. The proxy feature supplies exactly one CDI bean of this
 * type; until it exists, {@link SipRequest#getProxy()} throws {@link IllegalStateException}.
 */
public interface ProxyProvider {

    Proxy proxyFor(SipRequest request);
}
