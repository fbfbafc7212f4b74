package org.switchboard.persistence.cdr;

import java.time.Instant;

/**
 * One row of {@code call_detail_record} for {@link CdrRowInserter}: a finished call attempt, with
 * the accounts of its two sides (null for a side that is not one of ours).
 */
public record CdrRow(String callId, Long callerAccountId, Long calleeAccountId, String callerUri, String calleeUri,
        Instant start, Instant answer, Instant end, int durationSeconds, Disposition disposition, Integer failureCode,
        String callerSignalingAddress, String calleeSignalingAddress,
        String callerMediaAddress, String calleeMediaAddress,
        String callerUserAgent, String calleeUserAgent) {
}
