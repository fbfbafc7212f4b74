package org.switchboard.application.cdr;

import java.time.Instant;
import org.switchboard.persistence.cdr.CallDetailRecord;

/**
 * One call of a subscriber's history as they see it: the peer is the other side, and the direction
 * is theirs (OUT when they called). Detached, so pages and the API can hold it.
 */
public record CallRow(long id, String callId, Instant start, Instant answer, Instant end, String direction,
                      String peer, int durationSeconds, String disposition, Integer failureCode,
                      String ownSignaling, String ownMedia, String peerSignaling, String peerMedia,
                      String ownUserAgent, String peerUserAgent) {

    static CallRow of(CallDetailRecord c, long accountId) {
        boolean outgoing = c.getCallerAccount() != null && c.getCallerAccount().getId() == accountId;
        return outgoing
                ? new CallRow(c.getId(), c.getCallId(), c.getStartTime(), c.getAnswerTime(), c.getEndTime(), "OUT",
                        c.getCalleeUri(), c.getDurationSeconds(), c.getDisposition().name(), c.getFailureCode(),
                        c.getCallerSignalingAddress(), c.getCallerMediaAddress(), c.getCalleeSignalingAddress(),
                        c.getCalleeMediaAddress(), c.getCallerUserAgent(), c.getCalleeUserAgent())
                : new CallRow(c.getId(), c.getCallId(), c.getStartTime(), c.getAnswerTime(), c.getEndTime(), "IN",
                        c.getCallerUri(), c.getDurationSeconds(), c.getDisposition().name(), c.getFailureCode(),
                        c.getCalleeSignalingAddress(), c.getCalleeMediaAddress(), c.getCallerSignalingAddress(),
                        c.getCallerMediaAddress(), c.getCalleeUserAgent(), c.getCallerUserAgent());
    }

    /** "answered", "busy (486)". */
    public String result() {
        return result(disposition, failureCode);
    }

    public static String result(String disposition, Integer failureCode) {
        String name = disposition.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return failureCode == null ? name : name + " (" + failureCode + ")";
    }
}
