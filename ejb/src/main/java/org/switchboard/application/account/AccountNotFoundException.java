package org.switchboard.application.account;

import jakarta.ejb.ApplicationException;

/** The login has no SIP account here (e.g. support staff, or an account already deleted). */
@ApplicationException(rollback = true)
public class AccountNotFoundException extends RuntimeException {

    public AccountNotFoundException() {
        super("There is no SIP account for this login.");
    }
}
