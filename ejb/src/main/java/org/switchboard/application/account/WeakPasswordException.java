package org.switchboard.application.account;

import jakarta.ejb.ApplicationException;

/** A new SIP password failed {@link PasswordStrength}; the message says why. */
@ApplicationException(rollback = true)
public class WeakPasswordException extends RuntimeException {

    public WeakPasswordException(String message) {
        super(message);
    }
}
