package org.switchboard.application.voicemail;

import java.time.Duration;
import java.time.Instant;

/**
 * A finished recording, as the voicemail endpoint hands it over: who called, for which account,
 * when the call was answered, how long the recording is, and the WAV itself.
 */
public record NewVoicemail(long accountId, String callerUri, Instant receivedAt, Duration length, byte[] wav) {
}
