package org.switchboard.persistence.trace;

import java.time.Instant;

/** One Call-ID in a subscriber's trace list: when it started, when it last moved, how many messages. */
public record TracedCall(String callId, Instant firstMessageAt, Instant lastMessageAt, long messageCount) {
}
