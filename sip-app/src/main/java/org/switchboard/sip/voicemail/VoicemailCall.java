package org.switchboard.sip.voicemail;

import java.time.Instant;
import org.switchboard.sip.media.VoicemailMedia;
import org.switchboard.sip.servlet.OwnDialog;

/**
 * One call the voicemail answered: the account it records for, who called and when, our dialog
 * (for our own BYE), the SDP we answered (again for a re-INVITE), and its media.
 */
record VoicemailCall(long accountId, String callerUri, Instant answeredAt, OwnDialog dialog, String answerSdp,
                     VoicemailMedia media) {
}
