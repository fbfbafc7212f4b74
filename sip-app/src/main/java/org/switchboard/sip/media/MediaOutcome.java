package org.switchboard.sip.media;

import java.util.Optional;

/**
 * How a voicemail's media ended: why, the recording if it is long enough to keep, and what the
 * receiver saw. Unless the caller hung up, the call is ours to end (BYE).
 */
public record MediaOutcome(Reason reason, Optional<Recording> recording, RtpRecorder.Statistics statistics) {

    public enum Reason {
        /** The caller's BYE ({@link VoicemailMedia#hangUp()}). */
        CALLER_HUNG_UP,
        /** No voice for the silence timeout. */
        SILENCE,
        /** The maximum length was reached. */
        MAX_LENGTH,
        /** The media was closed, or its socket failed. */
        CLOSED
    }
}
