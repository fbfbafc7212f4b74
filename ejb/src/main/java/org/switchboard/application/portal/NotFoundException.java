package org.switchboard.application.portal;

import jakarta.ejb.ApplicationException;

/**
 * What a subscriber asked for does not exist for them: another account's Call-ID, CDR id or
 * voicemail id is answered exactly like one that never existed (404), so guessing reveals nothing.
 */
@ApplicationException(rollback = true)
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " not found.");
    }
}
