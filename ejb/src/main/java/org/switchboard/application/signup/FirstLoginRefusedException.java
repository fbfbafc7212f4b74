package org.switchboard.application.signup;

import jakarta.ejb.ApplicationException;

/**
 * A login made outside the sign-up page (e.g. by an administrator in Keycloak) whose user name
 * breaks the SIP user name rules: no SIP account is opened for it; the message says why.
 */
@ApplicationException(rollback = true)
public class FirstLoginRefusedException extends RuntimeException {

    public FirstLoginRefusedException(String reason) {
        super(reason);
    }
}
