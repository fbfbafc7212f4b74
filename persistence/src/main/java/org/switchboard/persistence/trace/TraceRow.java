package org.switchboard.persistence.trace;

import java.time.Instant;

/**
 * One row of {@code trace_message} for {@link TraceRowInserter}: a SIP message as sent or received,
 * with the accounts it concerns (null for a side that is not one of ours).
 */
public record TraceRow(String callId, Instant time, TraceDirection direction, String transport,
        String sourceIp, int sourcePort, String destinationIp, int destinationPort,
        String method, Integer statusCode, String cseqMethod, String rawText,
        Long fromAccountId, Long toAccountId) {
}
