package org.switchboard.sip.event;

import java.nio.charset.StandardCharsets;
import java.util.ListIterator;
import javax.sip.header.ServerHeader;
import javax.sip.header.UserAgentHeader;
import javax.sip.message.Message;

/**
 * What a call's INVITE (caller side) or answer (callee side) tells about that side: where its
 * signalling came from ("ip:port"), its SDP body (offer or answer, null without one), and its
 * software (User-Agent, or Server of an answer).
 */
public record CallSide(String signalingAddress, String sdp, String userAgent) {

    /** The side that sent {@code message}, which came from {@code signalingAddress}. */
    public static CallSide of(Message message, String signalingAddress) {
        byte[] body = message.getRawContent();
        String sdp = body == null || body.length == 0 ? null : new String(body, StandardCharsets.UTF_8);
        return new CallSide(signalingAddress, sdp, userAgent(message));
    }

    static String userAgent(Message message) {
        UserAgentHeader ua = (UserAgentHeader) message.getHeader(UserAgentHeader.NAME);
        if (ua != null) {
            return join(ua.getProduct());
        }
        ServerHeader server = (ServerHeader) message.getHeader(ServerHeader.NAME);
        return server == null ? null : join(server.getProduct());
    }

    private static String join(ListIterator<?> tokens) {
        StringBuilder text = new StringBuilder();
        while (tokens.hasNext()) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(tokens.next());
        }
        return text.toString();
    }
}
