package org.switchboard.application.account;

import jakarta.ejb.ApplicationException;

/** "Delete my account" without the account's SIP address typed as confirmation. */
@ApplicationException(rollback = true)
public class DeletionNotConfirmedException extends RuntimeException {

    public DeletionNotConfirmedException(String sipUri) {
        super("Type your SIP address, " + sipUri + ", to confirm.");
    }
}
