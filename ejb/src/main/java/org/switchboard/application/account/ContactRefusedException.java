package org.switchboard.application.account;

import jakarta.ejb.ApplicationException;
import java.util.Map;

/** A display name or email the Account page cannot take; each problem names its field. */
@ApplicationException(rollback = true)
public class ContactRefusedException extends RuntimeException {

    /** The fields of the contact details. */
    public enum Field { DISPLAY_NAME, EMAIL }

    private final Map<Field, String> problems;

    public ContactRefusedException(Map<Field, String> problems) {
        super("contact details refused: " + problems.keySet());
        this.problems = Map.copyOf(problems);
    }

    public Map<Field, String> problems() {
        return problems;
    }
}
