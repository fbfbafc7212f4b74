package org.switchboard.application.cdr;

import org.switchboard.persistence.cdr.Disposition;

import java.time.Instant;

/**
 * A finished call attempt as the proxy saw it, handed to {@link CdrRecorder}. Plain values only
 * (built on the SIP path); accounts are resolved from the SIP users when the batch is written.
 *
 * @param callerUser the local SIP user who called, or null for a caller from elsewhere
 * @param calleeUser the local SIP user called, or null
 * @param failureCode the final status for BUSY/NO_ANSWER/FAILED, else null
 * @param recordedSeconds for a call voicemail answered, the recording's length (its duration), else null
 */
public record CallRecord(String callId, String callerUser, String calleeUser, String callerUri, String calleeUri,
                         Instant start, Instant answer, Instant end, Disposition disposition, Integer failureCode,
                         String callerSignalingAddress, String calleeSignalingAddress,
                         String callerMediaAddress, String calleeMediaAddress,
                         String callerUserAgent, String calleeUserAgent, Integer recordedSeconds) {

    /** A call no voicemail answered. */
    public CallRecord(String callId, String callerUser, String calleeUser, String callerUri, String calleeUri,
                      Instant start, Instant answer, Instant end, Disposition disposition, Integer failureCode,
                      String callerSignalingAddress, String calleeSignalingAddress,
                      String callerMediaAddress, String calleeMediaAddress,
                      String callerUserAgent, String calleeUserAgent) {
        this(callId, callerUser, calleeUser, callerUri, calleeUri, start, answer, end, disposition, failureCode,
                callerSignalingAddress, calleeSignalingAddress, callerMediaAddress, calleeMediaAddress, callerUserAgent,
                calleeUserAgent, null);
    }

    /** Whole seconds from answer to end (for voicemail: of the recording); 0 for a call never answered. */
    public int durationSeconds() {
        if (recordedSeconds != null) {
            return recordedSeconds;
        }
        if (answer == null || end == null || end.isBefore(answer)) {
            return 0;
        }
        return (int) java.time.Duration.between(answer, end).toSeconds();
    }
}
