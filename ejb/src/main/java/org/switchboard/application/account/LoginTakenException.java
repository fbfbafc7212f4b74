package org.switchboard.application.account;

import jakarta.ejb.ApplicationException;

/** Keycloak already has a login with this user name or this email (duplicate emails are off in the realm). */
@ApplicationException(rollback = true)
public class LoginTakenException extends RuntimeException {

    /** Which of the values is taken. */
    public enum Field { USERNAME, EMAIL }

    private final Field field;

    public LoginTakenException(Field field) {
        super("the " + field.name().toLowerCase(java.util.Locale.ROOT) + " belongs to another login");
        this.field = field;
    }

    public Field field() {
        return field;
    }
}
