package org.switchboard.sip.servlet;

import javax.sip.message.Message;

/**
 * Sees every SIP message the engine receives or sends, with the addresses on the wire. The
 * session traces hang off it ({@code org.switchboard.sip.trace}); it must never block or throw,
 * since it runs on the SIP path.
 */
public interface MessageTap {

    MessageTap NONE = new MessageTap() {
        @Override
        public void received(Message message, String transport, String sourceIp, int sourcePort, String localIp, int localPort) {
            // nothing
        }

        @Override
        public void sent(Message message, String transport, String localIp, int localPort, String destinationIp, int destinationPort) {
            // nothing
        }
    };

    void received(Message message, String transport, String sourceIp, int sourcePort, String localIp, int localPort);

    void sent(Message message, String transport, String localIp, int localPort, String destinationIp, int destinationPort);
}
