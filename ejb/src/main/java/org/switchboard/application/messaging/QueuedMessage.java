package org.switchboard.application.messaging;

import java.time.Instant;

/** A stored message claimed for delivery by this node: what goes out again, and how often it was tried. */
public record QueuedMessage(long id, String senderUri, String recipientUri, String contentType, byte[] body,
        Instant receivedAt, int attempts) {

    public QueuedMessage {
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
