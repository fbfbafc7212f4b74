package org.switchboard.application.voicemail;

import jakarta.ejb.ApplicationException;

/** A recording for an account whose voicemail is off (or keeps nothing anywhere): nothing is stored. */
@ApplicationException(rollback = true)
public class VoicemailOffException extends RuntimeException {

    public VoicemailOffException(long accountId) {
        super("voicemail is off for account #" + accountId);
    }
}
