package org.switchboard.application.account;

import jakarta.ejb.ApplicationException;

/** A SIP user can be taken only once per domain; callers show this next to the user-name field. */
@ApplicationException(rollback = true)
public class AccountExistsException extends RuntimeException {

    public AccountExistsException(String sipUri) {
        super(sipUri + " is already taken");
    }
}
