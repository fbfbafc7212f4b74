package org.switchboard.application.messaging;

import java.time.Instant;

/**
 * A stored message claimed for delivery by this node: what goes out again, how often it was tried,
 * and until when the claim keeps other nodes off it.
 */
public record QueuedMessage(long id, String senderUri, String recipientUri, String contentType, byte[] body,
        Instant receivedAt, int attempts, Instant claimedUntil) {

    public QueuedMessage {
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
