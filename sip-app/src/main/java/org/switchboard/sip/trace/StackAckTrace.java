package org.switchboard.sip.trace;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import org.switchboard.sip.servlet.MessageTap;
import org.switchboard.sip.stack.StackMessages;

/**
 * Traces ACKs from the stack's own message log. The ACK of a non-2xx final answer never reaches
 * our code: the stack's server transaction absorbs the caller's, and its client transaction sends
 * its own to the callee (RFC 3261 section 17). So every ACK, in and out, is traced here, and no
 * other message is (the engine's paths trace those, with what they know better).
 */
public final class StackAckTrace implements StackMessages.Sink {

    private final MessageTap tap;

    public StackAckTrace(MessageTap tap) {
        this.tap = tap;
    }

    @Override
    public void message(SIPMessage message, String from, String to, boolean sent, long time) {
        if (!(message instanceof SIPRequest request) || !Request.ACK.equals(request.getMethod())) {
            return;
        }
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        String transport = via == null ? "UDP" : via.getTransport();
        String[] source = hostPort(from);
        String[] destination = hostPort(to);
        if (sent) {
            tap.sent(request, transport, source[0], port(source[1]), destination[0], port(destination[1]));
        } else {
            tap.received(request, transport, source[0], port(source[1]), destination[0], port(destination[1]));
        }
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
