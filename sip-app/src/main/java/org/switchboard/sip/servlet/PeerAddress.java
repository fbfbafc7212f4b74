package org.switchboard.sip.servlet;

import gov.nist.javax.sip.message.SIPMessage;
import java.net.InetAddress;

/**
 * Where a received message came from: the source of its packet (or connection), not what its Via
 * says. This is where answers must go for a phone behind NAT (RFC 3581), what traces and CDRs
 * record, and the one place that works it out.
 */
public record PeerAddress(String ip, int port) {

    /** The sender of a received message, or null when the stack does not know it (a message we made). */
    public static PeerAddress sourceOf(SIPMessage message) {
        InetAddress address = message.getPeerPacketSourceAddress();
        int port = message.getPeerPacketSourcePort();
        if (address == null) {
            address = message.getRemoteAddress();
            port = message.getRemotePort();
        } else if (port <= 0) {
            port = message.getRemotePort();
        }
        return address == null ? null : new PeerAddress(address.getHostAddress(), port);
    }

    /** Our side of a received message: the address and port it arrived on. */
    public static PeerAddress localOf(SIPMessage message) {
        InetAddress address = message.getLocalAddress();
        return new PeerAddress(address == null ? "" : address.getHostAddress(), message.getLocalPort());
    }

    /** "ip:port", IPv6 in brackets ("[::1]:5060"), as CDRs keep signalling addresses. */
    @Override
    public String toString() {
        return (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + port;
    }
}
