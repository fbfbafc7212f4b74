package org.switchboard.application.admin;

import jakarta.ejb.ApplicationException;

/** A staff action's input the service refuses (a missing reason, a bad amount); the message says which field and why. */
@ApplicationException(rollback = true)
public class StaffInputException extends RuntimeException {

    private final String field;

    public StaffInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The form field the message belongs beside, e.g. "reason". */
    public String field() {
        return field;
    }
}
