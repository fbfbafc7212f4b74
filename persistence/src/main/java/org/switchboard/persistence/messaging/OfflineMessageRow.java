package org.switchboard.persistence.messaging;

import java.time.Instant;

/**
 * A stored message as {@link OfflineMessageBatch} inserts it: what came in, for which account, and
 * its place in the delivery queue (attempts so far, when the first try is due, when it expires).
 */
public record OfflineMessageRow(String senderUri, long recipientAccountId, String recipientUri, String contentType,
        byte[] body, Instant receivedAt, int attempts, Instant nextAttemptAt, Instant expiresAt) {

    public OfflineMessageRow {
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
