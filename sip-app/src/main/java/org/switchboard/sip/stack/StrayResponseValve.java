package org.switchboard.sip.stack;

import gov.nist.javax.sip.ListeningPointImpl;
import gov.nist.javax.sip.SipProviderImpl;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPMessageValve;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.ResponseEvent;
import javax.sip.SipListener;
import javax.sip.SipStack;
import javax.sip.message.Response;

/**
 * Takes the responses that belong to no client transaction (a 2xx to an INVITE retransmitted
 * after the transaction ended, a late answer) past the stack's transaction lookup, straight to the
 * listener, as the stack itself would with no transaction. Named in the stack property {@code
 * gov.nist.javax.sip.SIP_MESSAGE_VALVE}.
 *
 * <p>Why: when the lookup by branch finds nothing, JAIN-SIP RI 1.3 goes on to compare the
 * response with every client transaction it holds, even for an RFC 3261 branch (which identifies
 * its transaction alone, section 17.1.3), and a proxy at 300 calls/s holds thousands. Callees
 * retransmit their 200 every 500 ms until the ACK comes (13.3.1.4), so once a moment of load
 * delays ACKs, each retransmission costs a full scan: 20 % of the server's CPU in the profile of
 * 2 Dec 2026, and the load that made the ACKs late grew with it until calls collapsed.
 */
public final class StrayResponseValve implements SIPMessageValve {

    private static final Logger LOG = Logger.getLogger(StrayResponseValve.class.getName());
    /** RFC 3261 section 8.1.1.7: a branch starting with it names its transaction alone. */
    private static final String MAGIC_COOKIE = "z9hg4bk";

    private SIPTransactionStack stack;

    @Override
    public void init(SipStack sipStack) {
        this.stack = (SIPTransactionStack) sipStack;
    }

    @Override
    public boolean processRequest(SIPRequest request, MessageChannel channel) {
        return true;
    }

    /** Returns false (the stack stops here) only for a response this valve has handed on itself. */
    @Override
    public boolean processResponse(Response response, MessageChannel channel) {
        if (!(response instanceof SIPResponse sip) || stack == null) {
            return true;
        }
        String transactionId = sip.getTransactionId();
        if (transactionId == null || !transactionId.regionMatches(true, 0, MAGIC_COOKIE, 0, MAGIC_COOKIE.length())
                || stack.findTransaction(transactionId, false) != null) {
            return true; // the stack finds its transaction by the key alone (or it is RFC 2543: let it search)
        }
        SipProviderImpl provider = providerOf(channel);
        SipListener listener = provider == null ? null : provider.getSipListener();
        if (listener == null) {
            return true;
        }
        try {
            channel.logResponse(sip, System.currentTimeMillis(), "before processing"); // the trace of what came in
            listener.processResponse(new ResponseEvent(provider, null, null, response));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "a response with no transaction could not be handled", e);
        }
        return false;
    }

    private static SipProviderImpl providerOf(MessageChannel channel) {
        if (channel == null || channel.getMessageProcessor() == null) {
            return null;
        }
        ListeningPointImpl point = channel.getMessageProcessor().getListeningPoint();
        return point == null ? null : point.getProvider();
    }

    @Override
    public void destroy() {
        stack = null;
    }
}
