package org.switchboard.sip.stack;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.stack.DefaultRouter;
import java.util.ListIterator;
import javax.sip.SipException;
import javax.sip.SipStack;
import javax.sip.address.Hop;
import javax.sip.address.Router;
import javax.sip.message.Request;

/**
 * The stack's router (stack property {@code javax.sip.ROUTER_PATH}, with
 * {@code USE_ROUTER_FOR_ALL_URIS}): RFC 3261 routing by the stack's default router, except for a
 * request the application gave an explicit next hop ({@link #sendVia}). That is how a call
 * reaches a phone behind NAT: the Request-URI stays the Contact it registered (a private address
 * it recognises as its own) while the datagram goes to the public address its REGISTER came from,
 * as Kamailio does with the destination URI ({@code $du}) of a NATed binding.
 */
public class NextHopRouter implements Router {

    private final DefaultRouter standard;

    /** Called by the stack by reflection. */
    public NextHopRouter(SipStack stack, String outboundProxy) {
        standard = new DefaultRouter(stack, outboundProxy);
    }

    /** Sends this request (and its retransmissions and CANCEL, which reuse its channel) to {@code hop}. */
    public static void sendVia(Request request, Hop hop) {
        ((SIPMessage) request).setApplicationData(hop);
    }

    @Override
    public Hop getNextHop(Request request) throws SipException {
        if (request instanceof SIPMessage message && message.getApplicationData() instanceof Hop hop) {
            return hop;
        }
        return standard.getNextHop(request);
    }

    @Override
    public Hop getOutboundProxy() {
        return standard.getOutboundProxy();
    }

    @Override
    @Deprecated
    public ListIterator<?> getNextHops(Request request) {
        return standard.getNextHops(request);
    }
}
