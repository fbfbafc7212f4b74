package org.switchboard.application.account;

import jakarta.ejb.ApplicationException;

/** Keycloak refused a value of a login (e.g. a web password its policy rejects); the message is Keycloak's reason. */
@ApplicationException(rollback = true)
public class LoginRefusedException extends RuntimeException {

    public LoginRefusedException(String reason) {
        super(reason);
    }
}
