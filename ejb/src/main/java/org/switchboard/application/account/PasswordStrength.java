package org.switchboard.application.account;

import java.util.Locale;
import java.util.Optional;

/**
 * The strength rule for SIP passwords. A SIP password is typed once into a phone and kept there, so
 * it can be long; but it is checked with digest over the network, where a weak one is guessed
 * quickly: at least 10 characters, three kinds of character (lower, upper, digit, other) unless it
 * is 16 or longer, and not the user name itself.
 */
public final class PasswordStrength {

    public static final int MIN_LENGTH = 10;
    private static final int PASSPHRASE_LENGTH = 16;

    private PasswordStrength() {
    }

    /** Why the password is too weak, or empty when it is acceptable. */
    public static Optional<String> problem(String password, String sipUser) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("Use at least " + MIN_LENGTH + " characters.");
        }
        if (password.toLowerCase(Locale.ROOT).equals(sipUser.toLowerCase(Locale.ROOT))) {
            return Optional.of("Do not use your user name as the password.");
        }
        int kinds = (password.chars().anyMatch(Character::isLowerCase) ? 1 : 0)
                + (password.chars().anyMatch(Character::isUpperCase) ? 1 : 0)
                + (password.chars().anyMatch(Character::isDigit) ? 1 : 0)
                + (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0);
        if (kinds < 3 && password.length() < PASSPHRASE_LENGTH) {
            return Optional.of("Mix three of: lower case, upper case, digits, symbols (or use " + PASSPHRASE_LENGTH
                    + " characters or more).");
        }
        return Optional.empty();
    }
}
