package org.switchboard.sip.media;

import java.time.Duration;
import org.switchboard.application.config.SwitchboardSettings;

/**
 * When a recording ends by itself and when it is kept: after {@code silenceTimeout} without voice
 * (or without packets), at {@code maxLength}; one shorter than {@code minLength} is dropped.
 */
public record RecordingLimits(Duration silenceTimeout, Duration maxLength, Duration minLength) {

    public static RecordingLimits from(SwitchboardSettings settings) {
        return new RecordingLimits(settings.voicemailSilenceTimeout(), settings.voicemailMaxLength(),
                settings.voicemailMinLength());
    }
}
