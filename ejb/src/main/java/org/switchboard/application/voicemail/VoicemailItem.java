package org.switchboard.application.voicemail;

import java.time.Instant;
import org.switchboard.persistence.voicemail.Voicemail;

/** One stored voicemail in the subscriber's list; {@code hasAudio} is false when it was only mailed. */
public record VoicemailItem(long id, String callerUri, Instant receivedAt, int durationSeconds, boolean hasAudio,
                            boolean heard) {

    static VoicemailItem of(Voicemail v) {
        return new VoicemailItem(v.getId(), v.getCallerUri(), v.getReceivedAt(), v.getDurationSeconds(),
                v.getAudioRef() != null, v.getHeardAt() != null);
    }
}
