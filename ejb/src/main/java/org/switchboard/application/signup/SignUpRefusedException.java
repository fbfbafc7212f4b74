package org.switchboard.application.signup;

import jakarta.ejb.ApplicationException;
import java.util.Map;

/** The sign-up was refused; each problem names its field, so the page shows it beside that field. */
@ApplicationException(rollback = true)
public class SignUpRefusedException extends RuntimeException {

    private final Map<SignUpField, String> problems;

    public SignUpRefusedException(Map<SignUpField, String> problems) {
        super("sign-up refused: " + problems.keySet());
        this.problems = Map.copyOf(problems);
    }

    public Map<SignUpField, String> problems() {
        return problems;
    }
}
