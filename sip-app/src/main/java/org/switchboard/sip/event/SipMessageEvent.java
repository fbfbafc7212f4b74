package org.switchboard.sip.event;

import java.time.Instant;
import javax.sip.message.Message;

/**
 * One SIP message on the wire, as observers see it: the message, when, over which transport, and
 * both ends ("from" is ours for a message sent, the peer's for one received).
 */
public record SipMessageEvent(Message message, Instant time, String transport, String sourceIp, int sourcePort,
        String destinationIp, int destinationPort) {

    public SipMessageEvent(Message message, String transport, String sourceIp, int sourcePort, String destinationIp,
            int destinationPort) {
        this(message, Instant.now(), transport, sourceIp, sourcePort, destinationIp, destinationPort);
    }
}
