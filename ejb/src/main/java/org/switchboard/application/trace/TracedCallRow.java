package org.switchboard.application.trace;

import java.time.Instant;

/** One call in a subscriber's trace list: when, with whom, which way, how it ended (from its CDR, if written yet). */
public record TracedCallRow(String callId, Instant firstMessageAt, long messageCount, String peer, String direction,
                            String result) {
}
