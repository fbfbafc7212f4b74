package org.switchboard.application.account;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a display name and an email address must be, at sign-up and on the Account page. The email
 * check is the practical one (something@domain, no spaces, at most 254 characters as RFC 5321
 * section 4.5.3.1.3 allows for a path), not the full RFC 5322 grammar: Keycloak verifies the
 * address by mail when the realm asks it to.
 */
public final class ContactRules {

    /** The account table holds 128 characters of display name. */
    public static final int MAX_NAME_LENGTH = 128;
    private static final int MAX_EMAIL_LENGTH = 254;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)*");

    private ContactRules() {
    }

    /** Why the email cannot be used, or empty. */
    public static Optional<String> emailProblem(String email) {
        if (email == null || email.isBlank()) {
            return Optional.of("Enter your email address.");
        }
        if (email.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(email).matches()) {
            return Optional.of("Enter an email address like name@example.org.");
        }
        return Optional.empty();
    }

    /** Why the name (display, first or last name) cannot be used, or empty. */
    public static Optional<String> nameProblem(String name, int maxLength) {
        if (name == null || name.isBlank()) {
            return Optional.of("Enter a name.");
        }
        if (name.length() > maxLength) {
            return Optional.of("Use at most " + maxLength + " characters.");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("Use letters, spaces and punctuation only.");
        }
        return Optional.empty();
    }
}
