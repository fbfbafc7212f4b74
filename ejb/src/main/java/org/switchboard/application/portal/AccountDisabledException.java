package org.switchboard.application.portal;

import jakarta.ejb.ApplicationException;

/** The account asked to be deleted: the portal and the API no longer serve it (the retention run erases it). */
@ApplicationException(rollback = true)
public class AccountDisabledException extends RuntimeException {

    public AccountDisabledException() {
        super("This account is being deleted.");
    }
}
