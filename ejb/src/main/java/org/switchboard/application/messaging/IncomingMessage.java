package org.switchboard.application.messaging;

import java.time.Instant;

/**
 * A MESSAGE to keep: the local user it is for, its From and To URIs as sent, its Content-Type and
 * body bytes, and when it arrived.
 */
public record IncomingMessage(String recipientUser, String senderUri, String recipientUri, String contentType,
        byte[] body, Instant receivedAt) {

    public IncomingMessage {
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
