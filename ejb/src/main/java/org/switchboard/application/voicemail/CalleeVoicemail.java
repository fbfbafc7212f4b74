package org.switchboard.application.voicemail;

import java.time.Duration;

/**
 * What the proxy needs to know of a callee's voicemail: the account, whether voicemail answers
 * their calls (see {@link VoicemailPolicy}: settings that keep a recording nowhere mean no), and
 * how long their phones ring first. Plain values, so the SIP side can cache it.
 */
public record CalleeVoicemail(long accountId, boolean answers, Duration noAnswer) {
}
