package org.switchboard.application.voicemail;

import jakarta.ejb.ApplicationException;

/** No voicemail of that id for that account (another account's ids look the same as missing ones). */
@ApplicationException(rollback = true)
public class VoicemailNotFoundException extends RuntimeException {

    public VoicemailNotFoundException(long voicemailId) {
        super("no voicemail " + voicemailId);
    }
}
