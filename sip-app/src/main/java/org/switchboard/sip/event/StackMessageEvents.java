package org.switchboard.sip.event;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import org.switchboard.sip.stack.StackMessages;

/**
 * Reports to the observers, from the stack's own message log, what our code can't see reliably:
 * <ul>
 * <li>every ACK, in and out. The ACK of a non-2xx final answer never reaches our code: the stack's
 * server transaction absorbs the caller's, and its client transaction sends its own to the callee
 * (RFC 3261 section 17).
 * <li>every response received over UDP. The stack parses UDP datagrams on several threads, so a
 * 180 sent just before a 200 can reach the transaction after it, which then drops the 180 as it
 * should (a provisional answer after a final one). It was still received (the data policy keeps
 * every reply received); the stack logs it before its transaction layer sees it. Over TCP and TLS
 * the stack does not log received responses, and a connection is read in order, so those are
 * reported where they reach the engine ({@code RequestDispatcher.processResponse}).
 * </ul>
 * No other message is reported here: the engine and the proxy report those, with what they know better.
 */
public final class StackMessageEvents implements StackMessages.Sink {

    private final SipObserver observer;

    public StackMessageEvents(SipObserver observer) {
        this.observer = observer;
    }

    @Override
    public void message(SIPMessage message, String from, String to, boolean sent, long time) {
        ViaHeader via = (ViaHeader) message.getHeader(ViaHeader.NAME);
        String transport = via == null ? "UDP" : via.getTransport();
        boolean ack = message instanceof SIPRequest request && Request.ACK.equals(request.getMethod());
        boolean udpResponseIn = message instanceof SIPResponse && !sent && reportsReceivedResponses(transport);
        if (!ack && !udpResponseIn) {
            return;
        }
        String[] source = hostPort(from);
        String[] destination = hostPort(to);
        SipMessageEvent event = new SipMessageEvent(message, transport, source[0], port(source[1]), destination[0],
                port(destination[1]));
        if (ack && sent) {
            observer.requestSent(event);
        } else if (ack) {
            observer.requestReceived(event);
        } else {
            observer.responseReceived(event);
        }
    }

    /** True when {@link #message} reports received responses of this transport (so the engine must not). */
    public static boolean reportsReceivedResponses(String transport) {
        return "UDP".equalsIgnoreCase(transport);
    }

    /** "host:port", "[v6]:port" or "v6:port" into host and port. */
    static String[] hostPort(String text) {
        if (text == null) {
            return new String[] {"", "0"};
        }
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            return new String[] {text, "0"};
        }
        String host = text.substring(0, colon).replace("[", "").replace("]", "");
        return new String[] {host, text.substring(colon + 1)};
    }

    private static int port(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
